import { describe, expect, it } from 'vitest';
import { createDisks, control, useTestEmulator } from './helpers.ts';
import { backups, cbr, createPolicy, createVault, disk } from './cbr-helpers.ts';

const client = useTestEmulator();

async function dataVersion(id: string): Promise<number> {
  const r = await control(client, 'GET', '/state/volumes?limit=1000');
  return r.body.rows.find((v: { id: string }) => v.id === id).data_version;
}

describe('CBR vaults', () => {
  it('creates, shows, lists, updates and deletes a disk vault', async () => {
    const { ids } = await createDisks(client, { name: 'd1' });
    const vault = await createVault(client, 'disk', [disk(ids[0]!)]);
    expect(vault).toMatchObject({
      name: 'v-disk', provider_id: 'd1603440-187d-4516-af25-121250c7cc97', enterprise_project_id: '0', auto_bind: false,
      billing: { object_type: 'disk', protect_type: 'backup', size: 100, spec_code: 'vault.backup.volume.normal', status: 'available', used: 0, allocated: 10, charging_mode: 'post_paid' },
      resources: [{ id: ids[0], type: 'OS::Cinder::Volume', name: 'd1', protect_status: 'available', size: 10 }],
    });
    const shown = await cbr(client, 'GET', `/v3/{pid}/vaults/${vault.id}`);
    expect(shown.body.vault.id).toBe(vault.id);
    const list = await cbr(client, 'GET', '/v3/{pid}/vaults', { query: { object_type: 'disk', limit: '10' } });
    expect(list.body).toMatchObject({ count: 1, limit: 10, offset: 0 });
    expect((await cbr(client, 'GET', '/v3/{pid}/vaults', { query: { object_type: 'server' } })).body.count).toBe(0);
    const upd = await cbr(client, 'PUT', `/v3/{pid}/vaults/${vault.id}`, { body: { vault: { name: 'renamed', billing: { size: 200 }, threshold: 90 } } });
    expect(upd.body.vault).toMatchObject({ name: 'renamed', threshold: 90, billing: { size: 200 } });
    const summary = await cbr(client, 'GET', '/v3/{pid}/vaults/summary');
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ size: 200, used_size: 0 });
    const del = await cbr(client, 'DELETE', `/v3/{pid}/vaults/${vault.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await cbr(client, 'GET', `/v3/{pid}/vaults/${vault.id}`)).body).toMatchObject({ error_code: 'BackupService.6105' });
    const logs = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { operation_type: 'vault_delete' } });
    expect(logs.body.operation_logs[0]).toMatchObject({ status: 'success', vault_id: vault.id });
  });

  it('answers the documented codes for bad vaults and resources', async () => {
    const { ids } = await createDisks(client, {});
    const bad = (body: unknown) => cbr(client, 'POST', '/v3/{pid}/vaults', { body });
    const billing = { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 100 };
    expect((await bad({ vault: { name: 'x', billing: { ...billing, size: 5 }, resources: [] } })).body.error_code).toBe('BackupService.6101');
    expect((await bad({ vault: { name: '', billing, resources: [] } })).body).toMatchObject({ error_code: 'BackupService.9900' });
    expect((await bad({ vault: { name: 'x', billing, resources: [{ id: ids[0], type: 'OS::Nova::Server' }] } })).body.error_code).toBe('BackupService.6102');
    expect((await bad({ vault: { name: 'x', billing, resources: [disk('6c1b1a1e-0000-4000-8000-000000000000')] } })).body.error_code).toBe('BackupService.7000');
    expect((await bad({ vault: { name: 'x', billing, resources: [disk(ids[0]!), disk(ids[0]!)] } })).body.error_code).toBe('BackupService.6104');
    const err = await bad('not json');
    expect(err.status).toBe(400);
    expect(Object.keys(err.body).sort()).toEqual(['error_code', 'error_msg']);
    const vault = await createVault(client, 'disk', [disk(ids[0]!)]);
    const other = await createVault(client, 'disk');
    const add = await cbr(client, 'POST', `/v3/{pid}/vaults/${other.id}/addresources`, { body: { resources: [disk(ids[0]!)] } });
    expect(add.body.error_code).toBe('BackupService.6103');
    const again = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/addresources`, { body: { resources: [disk(ids[0]!)] } });
    expect(again.body.error_code).toBe('BackupService.7006');
    const rm = await cbr(client, 'POST', `/v3/{pid}/vaults/${other.id}/removeresources`, { body: { resource_ids: [ids[0]] } });
    expect(rm.body.error_code).toBe('BackupService.6135');
    const ok = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/removeresources`, { body: { resource_ids: [ids[0]] } });
    expect(ok.body).toEqual({ remove_resource_ids: [ids[0]] });
    const moved = await cbr(client, 'POST', `/v3/{pid}/vaults/${other.id}/addresources`, { body: { resources: [disk(ids[0]!)] } });
    expect(moved.body).toEqual({ add_resource_ids: [ids[0]] });
  });

  it('binds disks by tag when auto_bind is on', async () => {
    await createDisks(client, { name: 'tagged', tags: { backup: 'yes' } });
    await createDisks(client, { name: 'plain' });
    const vault = await createVault(client, 'disk', [], { auto_bind: true, bind_rules: { tags: [{ key: 'backup', value: 'yes' }] } });
    expect(vault.resources.map((r: { name: string }) => r.name)).toEqual(['tagged']);
  });

  it('keeps vault tags through the singular /vault/ APIs', async () => {
    const vault = await createVault(client, 'disk');
    expect((await cbr(client, 'POST', `/v3/{pid}/vault/${vault.id}/tags`, { body: { tag: { key: 'env', value: 'prod' } } })).status).toBe(204);
    const batch = await cbr(client, 'POST', `/v3/{pid}/vault/${vault.id}/tags/action`, { body: { action: 'create', tags: [{ key: 'team', value: 'db' }, { key: 'env', value: 'dev' }] } });
    expect(batch.status).toBe(204);
    expect((await cbr(client, 'GET', `/v3/{pid}/vault/${vault.id}/tags`)).body).toEqual({ tags: [{ key: 'env', value: 'dev' }, { key: 'team', value: 'db' }], sys_tags: [] });
    expect((await cbr(client, 'GET', '/v3/{pid}/vault/tags')).body.tags).toEqual([{ key: 'env', values: ['dev'] }, { key: 'team', values: ['db'] }]);
    const found = await cbr(client, 'POST', '/v3/{pid}/vault/resource_instances/action', { body: { action: 'filter', tags: [{ key: 'team', values: ['db'] }] } });
    expect(found.body).toMatchObject({ total_count: 1, resources: [{ resource_id: vault.id }] });
    expect((await cbr(client, 'DELETE', `/v3/{pid}/vault/${vault.id}/tags/team`)).status).toBe(204);
    expect((await cbr(client, 'DELETE', `/v3/{pid}/vault/${vault.id}/tags/team`)).body.error_code).toBe('BackupService.6601');
    const badKey = await cbr(client, 'POST', `/v3/{pid}/vault/${vault.id}/tags`, { body: { tag: { key: 'a=b', value: '' } } });
    expect(badKey.body.error_code).toBe('BackupService.9900');
  });
});

describe('CBR policies', () => {
  it('creates, lists, updates, associates and deletes a policy', async () => {
    const policy = await createPolicy(client, { max_backups: 3 });
    expect(policy).toMatchObject({ enabled: true, operation_type: 'backup', operation_definition: { max_backups: 3 }, trigger: { type: 'time', properties: { pattern: ['FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00'] } }, associated_vaults: [] });
    const vault = await createVault(client, 'disk');
    const assoc = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/associatepolicy`, { body: { policy_id: policy.id } });
    expect(assoc.body).toEqual({ associate_policy: { vault_id: vault.id, policy_id: policy.id, destination_vault_id: '' } });
    expect((await cbr(client, 'GET', '/v3/{pid}/policies', { query: { vault_id: vault.id } })).body).toMatchObject({ count: 1, policies: [{ id: policy.id, associated_vaults: [{ vault_id: vault.id }] }] });
    expect((await cbr(client, 'GET', '/v3/{pid}/vaults', { query: { policy_id: policy.id } })).body.count).toBe(1);
    const upd = await cbr(client, 'PUT', `/v3/{pid}/policies/${policy.id}`, { body: { policy: { enabled: false, operation_definition: { max_backups: 5 } } } });
    expect(upd.body.policy).toMatchObject({ enabled: false, operation_definition: { max_backups: 5 } });
    const dis = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/dissociatepolicy`, { body: { policy_id: policy.id } });
    expect(dis.status).toBe(200);
    expect((await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/dissociatepolicy`, { body: { policy_id: policy.id } })).body.error_code).toBe('BackupService.6002');
    expect((await cbr(client, 'DELETE', `/v3/{pid}/policies/${policy.id}`)).status).toBe(204);
    expect((await cbr(client, 'GET', `/v3/{pid}/policies/${policy.id}`)).body.error_code).toBe('BackupService.6000');
  });

  it('refuses patterns outside the RRULE subset and conflicting retention', async () => {
    const tryPolicy = (definition: Record<string, unknown>, pattern: string[]) =>
      cbr(client, 'POST', '/v3/{pid}/policies', { body: { policy: { name: 'p', operation_type: 'backup', operation_definition: definition, trigger: { properties: { pattern } } } } });
    const cases: [Record<string, unknown>, string[]][] = [
      [{ max_backups: 1 }, ['FREQ=HOURLY;BYHOUR=1;BYMINUTE=0']],
      [{ max_backups: 1 }, ['FREQ=WEEKLY;BYHOUR=1;BYMINUTE=0']],
      [{ max_backups: 1 }, ['FREQ=WEEKLY;BYDAY=XX;BYHOUR=1;BYMINUTE=0']],
      [{ max_backups: 1 }, ['FREQ=DAILY;INTERVAL=1;BYHOUR=24;BYMINUTE=0']],
      [{ max_backups: 1 }, ['FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=0', 'FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=30']],
      [{ max_backups: 1 }, ['FREQ=DAILY;COUNT=3;BYHOUR=1;BYMINUTE=0']],
      [{ max_backups: 1 }, Array.from({ length: 25 }, (_, i) => `FREQ=DAILY;BYHOUR=${i % 24};BYMINUTE=0`)],
      [{ max_backups: 3, retention_duration_days: 3 }, ['FREQ=DAILY;BYHOUR=1;BYMINUTE=0']],
      [{ day_backups: 3 }, ['FREQ=DAILY;BYHOUR=1;BYMINUTE=0']],
      [{ max_backups: 100000 }, ['FREQ=DAILY;BYHOUR=1;BYMINUTE=0']],
    ];
    for (const [definition, pattern] of cases) {
      const r = await tryPolicy(definition, pattern);
      expect(r.status, JSON.stringify([definition, pattern])).toBe(400);
      expect(r.body.error_code).toBe('BackupService.9900');
    }
    // The seed's own example: zeros count as "not configured".
    const ok = await tryPolicy({ retention_duration_days: 1, day_backups: 0, week_backups: 0, timezone: 'UTC+08:00' }, ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00']);
    expect(ok.status).toBe(200);
  });
});

describe('CBR backups and restores', () => {
  it('backs a disk up, lists and shows the backup, logs the task and restores the data version', async () => {
    const { ids } = await createDisks(client, { name: 'data' });
    const diskId = ids[0]!;
    const vault = await createVault(client, 'disk', [disk(diskId)]);
    const versionAtBackup = await dataVersion(diskId);
    const cp = await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { name: 'manual_1', description: 'first' } } } });
    expect(cp.status).toBe(200);
    expect(cp.body.checkpoint).toMatchObject({ status: 'protecting', vault: { id: vault.id, resources: [{ id: diskId, protect_status: 'protecting' }], skipped_resources: [] }, extra_info: { name: 'manual_1', retention_duration: -1 } });
    const shown = await cbr(client, 'GET', `/v3/{pid}/checkpoints/${cp.body.checkpoint.id}`);
    expect(shown.body.checkpoint.status).toBe('available');
    const [backup] = await backups(client, { checkpoint_id: cp.body.checkpoint.id });
    expect(backup).toMatchObject({ name: 'manual_1', description: 'first', status: 'available', resource_id: diskId, resource_type: 'OS::Cinder::Volume', resource_size: 10, incremental: false, image_type: 'backup', vault_id: vault.id });
    const logs = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { operation_type: 'backup', vault_id: vault.id } });
    expect(logs.body.count).toBe(1);
    const log = logs.body.operation_logs[0];
    expect(log).toMatchObject({ status: 'success', checkpoint_id: cp.body.checkpoint.id, extra_info: { backup: { backup_id: backup.id, incremental: 'false' }, common: { progress: 100 }, resource: { id: diskId } } });
    expect((await cbr(client, 'GET', `/v3/{pid}/operation-logs/${log.id}`)).body.operation_log.id).toBe(log.id);
    expect((await cbr(client, 'GET', '/v3/{pid}/operation-logs/00000000-0000-4000-8000-000000000000')).body).toEqual({ error_code: 'BackupService.6500', error_msg: expect.stringContaining('operation log does not exist') });

    // A second backup is incremental; the disk's data then changes (snapshot rollback).
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id } } });
    expect((await backups(client, { vault_id: vault.id, sort: 'created_at:asc' })).map((b) => b.incremental)).toEqual([false, true]);
    const snap = await client.evs('POST', '/v2/{pid}/cloudsnapshots', { body: { snapshot: { volume_id: diskId, name: 's1' } } });
    await client.evs('POST', `/v2/{pid}/cloudsnapshots/${snap.body.snapshot.id}/rollback`, { body: { rollback: { volume_id: diskId } } });
    expect(await dataVersion(diskId)).not.toBe(versionAtBackup);

    const restore = await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/restore`, { body: { restore: { volume_id: diskId } } });
    expect(restore.status).toBe(202);
    expect(restore.text).toBe('');
    expect(await dataVersion(diskId)).toBe(versionAtBackup);
    const restores = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { operation_type: 'restore' } });
    expect(restores.body.operation_logs[0]).toMatchObject({ status: 'success', extra_info: { restore: { backup_id: backup.id, target_resource_id: diskId } } });
    const diskNow = await client.evs('GET', `/v2/{pid}/cloudvolumes/${diskId}`);
    expect(diskNow.body.volume.status).toBe('available');

    const renamed = await cbr(client, 'PUT', `/v3/{pid}/backups/${backup.id}`, { body: { backup: { name: 'kept' } } });
    expect(renamed.body.backup.name).toBe('kept');
    expect((await cbr(client, 'DELETE', `/v3/{pid}/backups/${backup.id}`)).status).toBe(204);
    expect((await cbr(client, 'GET', `/v3/{pid}/backups/${backup.id}`)).body.error_code).toBe('BackupService.6200');
    expect((await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { operation_type: 'delete', status: 'success' } })).body.count).toBe(1);
  });

  it('refuses wrong-state backups and restores with BackupService codes', async () => {
    const { ids } = await createDisks(client, { size: 20 });
    const small = (await createDisks(client, { size: 10 })).ids[0]!;
    const vault = await createVault(client, 'disk', [disk(ids[0]!)]);
    const empty = await createVault(client, 'disk');
    expect((await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: empty.id } } })).body.error_code).toBe('BackupService.0001');
    expect((await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { resources: [small] } } } })).body.error_code).toBe('BackupService.6135');
    expect((await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: '00000000-0000-4000-8000-000000000000' } } })).body.error_code).toBe('BackupService.6105');
    // A failing backup (injected) ends in error with a failed task.
    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'cbrBackup', code: 'BackupService.9910' });
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id } } });
    const [failed] = await backups(client, { vault_id: vault.id, status: 'error' });
    expect(failed.status).toBe('error');
    expect((await cbr(client, 'POST', `/v3/{pid}/backups/${failed.id}/restore`, { body: { restore: {} } })).body.error_code).toBe('BackupService.2005');
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id } } });
    const [good] = await backups(client, { vault_id: vault.id, status: 'available' });
    expect((await cbr(client, 'POST', `/v3/{pid}/backups/${good.id}/restore`, { body: { restore: { volume_id: small } } })).body.error_code).toBe('BackupService.2001');
    expect((await cbr(client, 'POST', `/v3/{pid}/backups/${good.id}/members`, { body: { members: ['0'.repeat(32)] } })).body.error_code).toBe('BackupService.6700');
    // The vault cannot be deleted while a restore runs; at realistic speed the restore takes a while.
    await control(client, 'PUT', '/clock', { speed: 'realistic' });
    await cbr(client, 'POST', `/v3/{pid}/backups/${good.id}/restore`, { body: { restore: {} } });
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${ids[0]}`)).body.volume.status).toBe('restoring-backup');
    expect((await cbr(client, 'DELETE', `/v3/{pid}/backups/${good.id}`)).body.error_code).toBe('BackupService.6216');
    expect((await cbr(client, 'DELETE', `/v3/{pid}/vaults/${vault.id}`)).body.error_code).toBe('BackupService.6111');
    expect((await cbr(client, 'POST', `/v3/{pid}/backups/${good.id}/restore`, { body: { restore: {} } })).body.error_code).toBe('BackupService.2005');
    await control(client, 'PUT', '/clock', { speed: 'instant' });
    await control(client, 'POST', '/clock/advance', { seconds: 120 });
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${ids[0]}`)).body.volume.status).toBe('available');
  });

  it('creates a disk from a backup through EVS with the backup\'s data version', async () => {
    const { ids } = await createDisks(client, { size: 20 });
    const vault = await createVault(client, 'disk', [disk(ids[0]!)]);
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id } } });
    const [backup] = await backups(client, { vault_id: vault.id });
    const small = await client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: { availability_zone: 'cn-north-4a', volume_type: 'SSD', size: 10, backup_id: backup.id } } });
    expect(small.body.error.code).toBe('EVS.1010');
    const two = await client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: { availability_zone: 'cn-north-4a', volume_type: 'SSD', size: 20, backup_id: backup.id, count: 2 } } });
    expect(two.body.error.code).toBe('EVS.1051');
    const made = await createDisks(client, { size: 30, backup_id: backup.id });
    const v = await client.evs('GET', `/v2/{pid}/cloudvolumes/${made.ids[0]}`);
    expect(v.body.volume).toMatchObject({ status: 'available', size: 30 });
    const rows = (await control(client, 'GET', '/state/volumes?limit=1000')).body.rows;
    expect(rows.find((r: { id: string }) => r.id === made.ids[0]).backup_id).toBe(backup.id);
    expect(await dataVersion(made.ids[0]!)).toBe(await dataVersion(ids[0]!));
  });

  it('pages and sorts the backup list', async () => {
    const { ids } = await createDisks(client, {});
    const vault = await createVault(client, 'disk', [disk(ids[0]!)], { billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 1000 } });
    for (let i = 0; i < 5; i++) {
      await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { name: `b${i}` } } } });
      await control(client, 'POST', '/clock/advance', { seconds: 60 });
    }
    const page = await cbr(client, 'GET', '/v3/{pid}/backups', { query: { limit: '2', offset: '1', sort: 'created_at:asc' } });
    expect(page.body).toMatchObject({ count: 5, limit: 2, offset: 1 });
    expect(page.body.backups.map((b: { name: string }) => b.name)).toEqual(['b1', 'b2']);
    const after = await cbr(client, 'GET', '/v3/{pid}/backups', { query: { limit: '2', marker: page.body.backups[1].id, sort: 'created_at:asc' } });
    expect(after.body.backups.map((b: { name: string }) => b.name)).toEqual(['b3', 'b4']);
    expect((await cbr(client, 'GET', '/v3/{pid}/backups', { query: { sort: 'size:up' } })).body.error_code).toBe('BackupService.9900');
    expect((await cbr(client, 'GET', '/v3/{pid}/backups', { query: { status: ['available', 'error'] } })).body.count).toBe(5);
  });
});
