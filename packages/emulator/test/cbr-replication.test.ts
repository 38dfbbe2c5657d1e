import { describe, expect, it } from 'vitest';
import { control, createDisks, useTestEmulator, type Json } from './helpers.ts';
import { backups, cbr, createVault, disk, serverBackup } from './cbr-helpers.ts';

// Realistic durations on a frozen clock: a replication is `replicating` until the test advances time.
const client = useTestEmulator({ speed: 'realistic' }, { clock: 'frozen' });

async function partner(): Promise<{ region: string; projectId: string; vaults: Json[] }> {
  const caps = await cbr(client, 'GET', '/v3/{pid}/replication-capabilities');
  const region = caps.body.regions[0].replication_destinations[0] as string;
  const projects = (await cbr(client, 'GET', '/v3/region-projects')).body.projects as { id: string; name: string }[];
  const projectId = projects.find((p) => p.name === region)!.id;
  const vaults = (await cbr(client, 'GET', '/v3/{pid}/vaults/external', { query: { external_project_id: projectId, region_id: region } })).body.vaults;
  return { region, projectId, vaults };
}

describe('CBR cross-region replication to the emulated partner region', () => {
  it('names the partner region, its project and its vaults', async () => {
    const caps = await cbr(client, 'GET', '/v3/{pid}/replication-capabilities');
    expect(caps.body).toEqual({ regions: [{ name: 'cn-north-4', replication_destinations: ['cn-east-3'] }] });
    const p = await partner();
    expect(p.projectId).toMatch(/^[0-9a-f]{32}$/);
    expect(p.projectId).not.toBe(client.projectId);
    expect(p.vaults.map((v) => [v.name, v.billing.protect_type, v.project_id])).toEqual([['vault-replication', 'replication', p.projectId], ['vault-dr-backup', 'backup', p.projectId]]);
    const only = await cbr(client, 'GET', '/v3/{pid}/vaults/external', { query: { external_project_id: p.projectId, region_id: p.region, protect_type: 'replication' } });
    expect(only.body).toMatchObject({ count: 1, limit: 1000, offset: 0 });
    const byId = await cbr(client, 'GET', '/v3/{pid}/vaults/external', { query: { external_project_id: p.projectId, region_id: p.region, protect_type: 'backup', vault_id: p.vaults[0].id } });
    expect(byId.body.vaults.map((v: Json) => v.id)).toEqual([p.vaults[0].id]);
    const elsewhere = await cbr(client, 'GET', '/v3/{pid}/vaults/external', { query: { external_project_id: p.projectId, region_id: 'ap-southeast-1' } });
    expect(elsewhere.body.count).toBe(0);
    const missing = await cbr(client, 'GET', '/v3/{pid}/vaults/external', { query: { region_id: p.region } });
    expect([missing.status, missing.body.error_code]).toEqual([400, 'BackupService.9900']);
    // The partner's ids are stable: a reset recreates the same vaults.
    await control(client, 'POST', '/reset');
    expect((await partner()).vaults.map((v) => v.id)).toEqual(p.vaults.map((v) => v.id));
  });

  it('replicates a server backup: record replicating → success, a replication task, the partner vault fills', async () => {
    const { vault, backup } = await serverBackup(client);
    const p = await partner();
    const dest = p.vaults[0];
    const r = await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/replicate`, {
      body: { replicate: { destination_project_id: p.projectId, destination_region: p.region, destination_vault_id: dest.id, name: 'copy_1' } },
    });
    expect(r.status).toBe(200);
    expect(r.body.replication).toMatchObject({ backup_id: backup.id, destination_region: 'cn-east-3', source_region: 'cn-north-4', project_id: client.projectId, provider_id: '0daac4c5-6707-4851-97ba-169e36266b66' });
    const recordId = r.body.replication.replication_record_id;
    let shown = (await cbr(client, 'GET', `/v3/{pid}/backups/${backup.id}`)).body.backup;
    expect(shown.replication_records).toMatchObject([{ id: recordId, status: 'replicating', source_backup_id: backup.id, destination_vault_id: dest.id, vault_id: vault.id, extra_info: { progress: 0 } }]);
    // Lists show records only with show_replication=true.
    expect((await backups(client, { vault_id: vault.id }))[0].replication_records).toEqual([]);
    const again = await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/replicate`, { body: { replicate: { destination_project_id: p.projectId, destination_region: p.region, destination_vault_id: dest.id } } });
    expect([again.status, again.body.error_code]).toEqual([500, 'BackupService.1009']);
    // What is being replicated stays until the replication ends.
    expect((await cbr(client, 'DELETE', `/v3/{pid}/backups/${backup.id}`)).body.error_code).toBe('BackupService.6216');
    expect((await cbr(client, 'DELETE', `/v3/{pid}/vaults/${vault.id}`)).body.error_code).toBe('BackupService.6111');

    await control(client, 'POST', '/clock/advance', { seconds: 61 });
    shown = (await backups(client, { vault_id: vault.id, show_replication: 'true' }))[0];
    expect(shown.replication_records).toMatchObject([{ status: 'success', extra_info: { progress: 100, fail_code: '', auto_trigger: false } }]);
    const task = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { operation_type: 'replication' } });
    expect(task.body.operation_logs).toMatchObject([{
      status: 'success', vault_id: vault.id, checkpoint_id: backup.checkpoint_id,
      extra_info: { replication: { source_backup_id: backup.id, destination_backup_id: shown.replication_records[0].destination_backup_id, destination_region: 'cn-east-3' } },
    }]);
    const filled = (await partner()).vaults[0];
    expect(filled.billing.used).toBe(backup.resource_size * 1024);
    // The replica lives in the partner region, not here.
    expect((await backups(client, { image_type: 'replication' }))).toEqual([]);
  });

  it('refuses bad destinations and backups that cannot be replicated, with the documented codes', async () => {
    const { vault, backup } = await serverBackup(client);
    const p = await partner();
    const [repl, plain] = p.vaults;
    const call = (id: string, replicate: Record<string, unknown>) => cbr(client, 'POST', `/v3/{pid}/backups/${id}/replicate`, { body: { replicate } });
    const good = { destination_project_id: p.projectId, destination_region: p.region, destination_vault_id: repl.id };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...good, destination_region: undefined }, 400, 'BackupService.9900'],
      [{ ...good, destination_region: 'cn-north-4' }, 500, 'BackupService.1005'],
      [{ ...good, destination_project_id: client.projectId }, 400, 'BackupService.1011'],
      [{ ...good, destination_vault_id: 'b2d6a4c4-0000-4000-8000-000000000000' }, 400, 'BackupService.6120'],
      [{ ...good, destination_vault_id: plain.id }, 400, 'BackupService.6119'],
    ];
    for (const [body, status, code] of cases) {
      const r = await call(backup.id, body);
      expect([status, r.body.error_code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await call('00000000-0000-4000-8000-000000000000', good)).body.error_code).toBe('BackupService.6200');
    expect((await call(backup.children[0].id, good)).body.error_code).toBe('BackupService.1002');
    // Disk backups are not replicated (only ECS backups are).
    const { ids } = await createDisks(client, { size: 10 });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const diskVault = await createVault(client, 'disk', [disk(ids[0]!)]);
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: diskVault.id } } });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const [diskBackup] = await backups(client, { vault_id: diskVault.id });
    expect((await call(diskBackup.id, good)).body.error_code).toBe('BackupService.1003');
    const vaultWide = await cbr(client, 'POST', '/v3/{pid}/checkpoints/replicate', { body: { replicate: { vault_id: diskVault.id, ...good } } });
    expect(vaultWide.body.error_code).toBe('BackupService.6128');
    // A backup still being taken is not replicated.
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id } } });
    const running = (await backups(client, { vault_id: vault.id, status: 'protecting' }))[0];
    expect((await call(running.id, good)).body.error_code).toBe('BackupService.1001');
  });

  it('replicates a whole vault, and a replication policy does it on its schedule', async () => {
    const { vault, backup } = await serverBackup(client);
    const p = await partner();
    const dest = p.vaults[0];
    const good = { destination_project_id: p.projectId, destination_region: p.region, destination_vault_id: dest.id };
    const r = await cbr(client, 'POST', '/v3/{pid}/checkpoints/replicate', { body: { replicate: { vault_id: vault.id, ...good, auto_trigger: false } } });
    expect(r.body.replication).toMatchObject({ vault_id: vault.id, destination_region: p.region, backups: [{ backup_id: backup.id }] });
    // Already on its way: a second call has nothing left to replicate.
    const second = await cbr(client, 'POST', '/v3/{pid}/checkpoints/replicate', { body: { replicate: { vault_id: vault.id, ...good } } });
    expect(second.body.replication.backups).toEqual([]);
    await control(client, 'POST', '/clock/advance', { seconds: 61 });

    // A new backup, then a daily replication policy at 03:00 UTC picks it up.
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { name: 'second' } } } });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const policy = await cbr(client, 'POST', '/v3/{pid}/policies', {
      body: { policy: { name: 'to_dr', operation_type: 'replication', operation_definition: { max_backups: 5, destination_region: p.region, destination_project_id: p.projectId }, trigger: { properties: { pattern: ['FREQ=DAILY;INTERVAL=1;BYHOUR=3;BYMINUTE=00'] } } } },
    });
    expect(policy.status).toBe(200);
    const noDest = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/associatepolicy`, { body: { policy_id: policy.body.policy.id } });
    expect(noDest.body.error_code).toBe('BackupService.9900');
    const wrongDest = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/associatepolicy`, { body: { policy_id: policy.body.policy.id, destination_vault_id: p.vaults[1].id } });
    expect(wrongDest.body.error_code).toBe('BackupService.6119');
    const applied = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/associatepolicy`, { body: { policy_id: policy.body.policy.id, destination_vault_id: dest.id } });
    expect(applied.body.associate_policy).toEqual({ vault_id: vault.id, policy_id: policy.body.policy.id, destination_vault_id: dest.id });
    await control(client, 'POST', '/clock/advance', { seconds: 86_400 });
    await control(client, 'POST', '/clock/advance', { seconds: 120 });
    const all = await backups(client, { vault_id: vault.id, show_replication: 'true' });
    expect(all).toHaveLength(2);
    for (const b of all) expect(b.replication_records).toMatchObject([{ status: 'success' }]);
    const auto = all.find((b) => b.name === 'second');
    expect(auto.replication_records[0].extra_info.auto_trigger).toBe(true);
  });

  it('takes a job fault: the replication fails with its reason', async () => {
    const { backup } = await serverBackup(client);
    const p = await partner();
    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'cbrReplication', code: 'BackupService.1008', message: 'destination vault unreachable' });
    await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/replicate`, { body: { replicate: { destination_project_id: p.projectId, destination_region: p.region, destination_vault_id: p.vaults[0].id } } });
    await control(client, 'POST', '/clock/advance', { seconds: 61 });
    const [shown] = await backups(client, { show_replication: 'true' });
    expect(shown.replication_records).toMatchObject([{ status: 'fail', extra_info: { fail_code: 'BackupService.1008', fail_reason: 'destination vault unreachable' } }]);
    const task = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { operation_type: 'replication' } });
    expect(task.body.operation_logs[0]).toMatchObject({ status: 'failed', error_info: { code: 'BackupService.1008' } });
  });
});
