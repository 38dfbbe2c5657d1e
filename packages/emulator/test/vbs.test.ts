import { describe, expect, it } from 'vitest';
import { createDisks, control, useTestEmulator, type Reply } from './helpers.ts';
import { vbs } from './cbr-helpers.ts';

const client = useTestEmulator();

const code = (r: Reply) => r.body?.error?.code as string;
const DAY = 86_400_000;

async function dataVersion(id: string): Promise<number> {
  const r = await control(client, 'GET', '/state/volumes?limit=1000');
  return r.body.rows.find((v: { id: string }) => v.id === id).data_version;
}

async function backupOf(volumeId: string, name = 'manual_1'): Promise<{ jobId: string; backupId: string }> {
  const r = await vbs(client, 'POST', '/v2/{pid}/cloudbackups', { body: { backup: { volume_id: volumeId, name, description: 'demo', tags: [{ key: 'k', value: 'v' }] } } });
  expect(r.status).toBe(200);
  const job = await vbs(client, 'GET', `/v1/{pid}/jobs/${r.body.job_id}`);
  return { jobId: r.body.job_id, backupId: job.body.entities.backup_id };
}

describe('VBS backups', () => {
  it('creates a backup through a job, lists, shows, restores and deletes it', async () => {
    const { ids } = await createDisks(client, { name: 'data' });
    const version = await dataVersion(ids[0]!);
    const { jobId, backupId } = await backupOf(ids[0]!);
    const job = await vbs(client, 'GET', `/v1/{pid}/jobs/${jobId}`);
    expect(job.body).toMatchObject({ status: 'SUCCESS', job_type: 'bksCreateBackup', sub_jobs: [], error_code: null, fail_reason: null, entities: { volume_id: ids[0], bks_create_volume_name: 'autobk_volume' } });
    expect(job.body.end_time).not.toBe('');
    const shown = await vbs(client, 'GET', `/v2/{pid}/backups/${backupId}`);
    expect(shown.body.backup).toMatchObject({ id: backupId, name: 'manual_1', status: 'available', size: 10, volume_id: ids[0], has_dependent_backups: false });
    expect((await vbs(client, 'GET', '/v2/{pid}/backups/detail', { query: { volume_id: ids[0]! } })).body.backups).toHaveLength(1);
    expect((await vbs(client, 'GET', '/v2/{pid}/backups')).body.backups[0]).toEqual({ id: backupId, name: 'manual_1', links: expect.any(Array) });

    const snap = await client.evs('POST', '/v2/{pid}/cloudsnapshots', { body: { snapshot: { volume_id: ids[0], name: 's' } } });
    await client.evs('POST', `/v2/{pid}/cloudsnapshots/${snap.body.snapshot.id}/rollback`, { body: { rollback: { volume_id: ids[0] } } });
    expect(await dataVersion(ids[0]!)).not.toBe(version);
    const restore = await vbs(client, 'POST', `/v2/{pid}/cloudbackups/${backupId}/restore`, { body: { restore: { volume_id: ids[0] } } });
    expect(restore.status).toBe(200);
    expect((await vbs(client, 'GET', `/v1/{pid}/jobs/${restore.body.job_id}`)).body).toMatchObject({ status: 'SUCCESS', job_type: 'bksRestoreBackup' });
    expect(await dataVersion(ids[0]!)).toBe(version);

    expect((await vbs(client, 'DELETE', `/v2/{pid}/backups/${backupId}`)).status).toBe(202);
    expect(code(await vbs(client, 'GET', `/v2/{pid}/backups/${backupId}`))).toBe('VolumeBackup.0111');
    const missing = await vbs(client, 'GET', '/v1/{pid}/jobs/0123456789abcdef0123456789abcdef');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'common.0011', message: expect.stringContaining('query job fail') } });
  });

  it('answers the VolumeBackup codes for bad backups and restores', async () => {
    const { ids } = await createDisks(client, { size: 20 });
    const small = (await createDisks(client, { size: 10 })).ids[0]!;
    const create = (backup: Record<string, unknown>) => vbs(client, 'POST', '/v2/{pid}/cloudbackups', { body: { backup } });
    expect(code(await vbs(client, 'POST', '/v2/{pid}/cloudbackups', { body: {} }))).toBe('VolumeBackup.0002');
    expect(code(await create({ volume_id: ids[0] }))).toBe('VolumeBackup.0007');
    expect(code(await create({ volume_id: ids[0], name: 'x'.repeat(65) }))).toBe('VolumeBackup.0003');
    expect(code(await create({ volume_id: ids[0], name: 'a b' }))).toBe('VolumeBackup.0004');
    expect(code(await create({ volume_id: ids[0], name: 'autobk_1' }))).toBe('VolumeBackup.0005');
    expect(code(await create({ volume_id: ids[0], name: 'ok', description: '<b>' }))).toBe('VolumeBackup.0006');
    expect(code(await create({ name: 'ok' }))).toBe('VolumeBackup.0010');
    expect(code(await create({ volume_id: 'nope', name: 'ok' }))).toBe('VolumeBackup.0011');
    const gone = await create({ volume_id: '6c1b1a1e-0000-4000-8000-000000000000', name: 'ok' });
    expect([gone.status, code(gone)]).toEqual([404, 'VolumeBackup.0021']);
    expect(code(await create({ volume_id: ids[0], name: 'ok', tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: '' })) }))).toBe('VolumeBackup.0050');

    // A second backup while the first runs, at realistic speed.
    await control(client, 'PUT', '/clock', { speed: 'realistic' });
    await create({ volume_id: ids[0], name: 'first' });
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${ids[0]}`)).body.volume.status).toBe('backing-up');
    expect(code(await create({ volume_id: ids[0], name: 'second' }))).toBe('VolumeBackup.0013');
    await control(client, 'PUT', '/clock', { speed: 'instant' });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const [backup] = (await vbs(client, 'GET', '/v2/{pid}/backups/detail')).body.backups;
    const restore = (backupId: string, body: unknown) => vbs(client, 'POST', `/v2/{pid}/cloudbackups/${backupId}/restore`, { body });
    expect(code(await restore('not-a-uuid', { restore: { volume_id: small } }))).toBe('VolumeBackup.0204');
    expect(code(await restore(backup.id, {}))).toBe('VolumeBackup.0210');
    expect(code(await restore(backup.id, { restore: {} }))).toBe('VolumeBackup.0208');
    expect(code(await restore(backup.id, { restore: { volume_id: small } }))).toBe('VolumeBackup.0209');
    expect(code(await restore('6c1b1a1e-0000-4000-8000-000000000000', { restore: { volume_id: small } }))).toBe('VolumeBackup.0111');
  });

  it('shares a backup and tags it', async () => {
    const { ids } = await createDisks(client, {});
    const { backupId } = await backupOf(ids[0]!);
    const to = ['722513ed0a324dadaabe5b2d0fe848c9', '722513ed0a324dadaabe5b2d0fe84919'];
    const shared = await vbs(client, 'POST', '/v2/{pid}/os-vendor-backup-sharing', { body: { shared: { backup_id: backupId, to_project_ids: to } } });
    expect(shared.status).toBe(200);
    expect(shared.body.shared).toHaveLength(2);
    expect((await vbs(client, 'GET', '/v2/{pid}/os-vendor-backup-sharing/count')).body).toEqual({ count: 2 });
    const list = await vbs(client, 'GET', '/v2/{pid}/os-vendor-backup-sharing/detail', { query: { to_project_id: to[0]! } });
    expect(list.body.shared).toMatchObject([{ backup_id: backupId, to_project_id: to[0], backup: { id: backupId, status: 'available' } }]);
    expect((await vbs(client, 'GET', `/v2/{pid}/os-vendor-backup-sharing/${list.body.shared[0].id}`)).body.shared.id).toBe(list.body.shared[0].id);
    expect((await vbs(client, 'DELETE', `/v2/{pid}/os-vendor-backup-sharing/${backupId}`, { query: { is_backup_id: 'true' } })).status).toBe(200);
    expect((await vbs(client, 'GET', '/v2/{pid}/os-vendor-backup-sharing/count')).body).toEqual({ count: 0 });
    expect((await vbs(client, 'POST', `/v2/{pid}/os-vendor-backups/${backupId}/tags/action`, { body: { action: 'create', tags: [{ key: 'a', value: '1' }] } })).status).toBe(204);
    expect(code(await vbs(client, 'POST', `/v2/{pid}/os-vendor-backups/${backupId}/tags/action`, { body: { action: 'replace', tags: [] } }))).toBe('AutoBackup.0222');
  });
});

describe('VBS policies', () => {
  const policy = (extra: Record<string, unknown> = {}) => ({
    backup_policy_name: 'policy_01',
    scheduled_policy: { remain_first_backup_of_curMonth: 'N', rentention_num: 2, frequency: 1, start_time: '02:00', status: 'ON', ...extra },
    time_zone: 'UTC+08:00',
  });

  it('creates, lists, updates and deletes policies with the API spellings and ranges', async () => {
    const r = await vbs(client, 'POST', '/v2/{pid}/backuppolicy', { body: policy() });
    expect(r.status).toBe(200);
    const id = r.body.backup_policy_id;
    const list = await vbs(client, 'GET', '/v2/{pid}/backuppolicy');
    expect(list.body.backup_policies).toEqual([{ backup_policy_id: id, backup_policy_name: 'policy_01', scheduled_policy: { remain_first_backup_of_curMonth: 'N', rentention_num: 2, frequency: 1, start_time: '02:00', status: 'ON' }, policy_resource_count: 0, time_zone: 'UTC+08:00' }]);
    const bad = async (body: unknown) => code(await vbs(client, 'POST', '/v2/{pid}/backuppolicy', { body }));
    expect(await bad({ ...policy(), backup_policy_name: '' })).toBe('AutoBackup.0101');
    expect(await bad({ ...policy(), backup_policy_name: 'a b' })).toBe('AutoBackup.0102');
    expect(await bad(policy({ start_time: '12:30' }))).toBe('AutoBackup.0103');
    expect(await bad(policy({ status: 'on' }))).toBe('AutoBackup.0104');
    expect(await bad(policy({ remain_first_backup_of_curMonth: true }))).toBe('AutoBackup.0105');
    expect(await bad(policy({ frequency: 31 }))).toBe('AutoBackup.0106');
    expect(await bad(policy({ rentention_num: 100 }))).toBe('AutoBackup.0107');
    expect(await bad(policy({ rentention_num: undefined, rentention_day: 1 }))).toBe('AutoBackup.0108');
    expect(await bad(policy({ frequency: undefined, week_frequency: ['MO'] }))).toBe('AutoBackup.0109');
    expect(await bad({})).toBe('AutoBackup.0001');
    // Update ranges are narrower (frequency 1-14, rentention_num 2-14) and "default" names are reserved.
    const upd = (body: unknown) => vbs(client, 'PUT', `/v2/{pid}/backuppolicy/${id}`, { body });
    expect(code(await upd({ scheduled_policy: { frequency: 20 } }))).toBe('AutoBackup.0106');
    expect(code(await upd({ backup_policy_name: 'default_x' }))).toBe('AutoBackup.0102');
    expect((await upd({ scheduled_policy: { status: 'OFF', week_frequency: ['MON'] } })).body).toEqual({ backup_policy_id: id });
    expect((await vbs(client, 'GET', '/v2/{pid}/backuppolicy')).body.backup_policies[0].scheduled_policy).toEqual({ remain_first_backup_of_curMonth: 'N', rentention_num: 2, week_frequency: ['MON'], start_time: '02:00', status: 'OFF' });
    for (let i = 1; i < 10; i++) await vbs(client, 'POST', '/v2/{pid}/backuppolicy', { body: { ...policy(), backup_policy_name: `p${i}` } });
    expect(await bad(policy())).toBe('AutoBackup.0203');
    expect((await vbs(client, 'DELETE', `/v2/{pid}/backuppolicy/${id}`)).status).toBe(204);
    const gone = await vbs(client, 'DELETE', `/v2/{pid}/backuppolicy/${id}`);
    expect([gone.status, code(gone)]).toEqual([404, 'AutoBackup.0205']);
  });

  it('binds with partial failures, runs now, lists tasks and keeps rentention_num backups on schedule', async () => {
    const { ids } = await createDisks(client, {});
    const id = (await vbs(client, 'POST', '/v2/{pid}/backuppolicy', { body: policy() })).body.backup_policy_id;
    const missing = '6c1b1a1e-0000-4000-8000-000000000000';
    const bound = await vbs(client, 'POST', '/v2/{pid}/backuppolicyresources', { body: { backup_policy_id: id, resources: [{ resource_id: ids[0], resource_type: 'volume' }, { resource_id: missing, resource_type: 'volume' }] } });
    expect(bound.status).toBe(200);
    expect(bound.body.success_resources.map((r: { resource_id: string }) => r.resource_id)).toEqual([ids[0]]);
    expect(bound.body.fail_resources.map((r: { resource_id: string }) => r.resource_id)).toEqual([missing]);
    expect(code(await vbs(client, 'POST', '/v2/{pid}/backuppolicyresources', { body: { backup_policy_id: id, resources: [{ resource_id: ids[0], resource_type: 'disk' }] } }))).toBe('AutoBackup.0211');
    expect(code(await vbs(client, 'POST', '/v2/{pid}/backuppolicyresources', { body: { backup_policy_id: id, resources: [] } }))).toBe('AutoBackup.0207');

    expect((await vbs(client, 'POST', `/v2/{pid}/backuppolicy/${id}/action`)).status).toBe(204);
    const tasks = await vbs(client, 'GET', `/v2/{pid}/backuppolicy/${id}/backuptasks`);
    expect(tasks.body).toMatchObject({ count: 1, tasks: [{ status: 'EXECUTE_SUCCESS', resource_id: ids[0], resource_type: 'volume' }] });
    expect(tasks.body.tasks[0].backup_name).toMatch(/^autobk_/);

    await control(client, 'POST', '/clock/freeze');
    await control(client, 'POST', '/clock/advance', { ms: 5 * DAY });
    const backups = (await vbs(client, 'GET', '/v2/{pid}/backups/detail', { query: { volume_id: ids[0]! } })).body.backups;
    expect(backups).toHaveLength(2);
    const done = await vbs(client, 'GET', `/v2/{pid}/backuppolicy/${id}/backuptasks`, { query: { limit: '50' } });
    // Run now plus one firing at 02:00 UTC on each of the five days; each policy backup left the newest two.
    expect(done.body.count).toBe(6);
    expect(done.body.tasks.every((t: { status: string }) => t.status === 'EXECUTE_SUCCESS')).toBe(true);
    expect(backups.map((b: { name: string }) => b.name)).toEqual(done.body.tasks.slice(0, 2).map((t: { backup_name: string }) => t.backup_name));

    // While bound to a VBS policy the disk cannot join a CBR vault.
    const vault = await client.call('POST', client.path('/cbr/v3/{pid}/vaults'), {
      body: { vault: { name: 'v', billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 100 }, resources: [{ id: ids[0], type: 'OS::Cinder::Volume' }] } },
    });
    expect(vault.body.error_code).toBe('BackupService.7005');
    const unbound = await vbs(client, 'POST', `/v2/{pid}/backuppolicyresources/${id}/deleted_resources`, { body: { resources: [{ resource_id: ids[0] }, { resource_id: missing }] } });
    expect(unbound.body).toEqual({ success_resources: [{ resource_id: ids[0] }], fail_resources: [{ resource_id: missing }] });
  });

  it('keeps policy tags and filters policies by them', async () => {
    const id = (await vbs(client, 'POST', '/v2/{pid}/backuppolicy', { body: { ...policy(), tags: [{ key: 'env', value: 'prod' }] } })).body.backup_policy_id;
    expect((await vbs(client, 'POST', `/v2/{pid}/backuppolicy/${id}/tags`, { body: { tag: { key: 'team', value: 'db' } } })).status).toBe(204);
    expect((await vbs(client, 'GET', `/v2/{pid}/backuppolicy/${id}/tags`)).body.tags).toEqual([{ key: 'env', value: 'prod' }, { key: 'team', value: 'db' }]);
    expect((await vbs(client, 'GET', '/v2/{pid}/backuppolicy/tags')).body.tags).toEqual([{ key: 'env', values: ['prod'] }, { key: 'team', values: ['db'] }]);
    const found = await vbs(client, 'POST', '/v2/{pid}/backuppolicy/resource_instances/action', { body: { action: 'filter', tags: [{ key: 'env', values: ['prod'] }] } });
    expect(found.body).toMatchObject({ total_count: 1, resources: [{ resource_id: id, resource_name: 'policy_01' }] });
    expect((await vbs(client, 'POST', '/v2/{pid}/backuppolicy/resource_instances/action', { body: { action: 'count', not_tags: [{ key: 'env', values: [] }] } })).body).toEqual({ total_count: 0 });
    expect((await vbs(client, 'POST', `/v2/{pid}/backuppolicy/${id}/tags/action`, { body: { action: 'delete', tags: [{ key: 'env' }] } })).status).toBe(204);
    expect((await vbs(client, 'DELETE', `/v2/{pid}/backuppolicy/${id}/tags/team`)).status).toBe(204);
    expect((await vbs(client, 'GET', `/v2/{pid}/backuppolicy/${id}/tags`)).body.tags).toEqual([]);
  });
});
