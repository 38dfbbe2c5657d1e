import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiRoutes, type Disk, type VbsBackup, type VbsPolicy } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const disk = (name: string): Promise<Disk> => c.diskNamed(name);

const backUp = async (d: Disk, name: string): Promise<VbsBackup> => {
  const res = await c.operator.send('post', '/api/v1/vbs/backups', { diskId: d.id, name });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const task = await c.settled(res.body.task.id);
  expect(task).toMatchObject({ kind: 'vbs.backup.create', status: 'succeeded', subtasks: [{ target: { type: 'disk', id: d.id }, upstreamJobId: expect.any(String) }] });
  const found = ((await c.viewer.get(`/api/v1/vbs/backups?diskId=${d.id}`)).body.items as VbsBackup[]).find((b) => b.name === name);
  if (!found) throw new Error(`no VBS backup ${name}`);
  return found;
};

describe('legacy VBS backups', () => {
  it('is marked as the older service in the API description', () => {
    const vbs = apiRoutes.filter((r) => r.path.startsWith('/api/v1/vbs/'));
    expect(vbs.length).toBe(10);
    expect(vbs.every((r) => r.summary.startsWith('[Legacy VBS]'))).toBe(true);
  });

  it('backs up a disk through a job, restores and deletes the backup', async () => {
    const d = await disk('backup-staging');
    const b = await backUp(d, 'before_move');
    expect(b).toMatchObject({ status: 'available', diskId: d.id, diskName: 'backup-staging', sizeGiB: 50 });

    const restore = await c.operator.send('post', `/api/v1/vbs/backups/${b.id}/restore`, { diskId: d.id });
    expect(restore.status, JSON.stringify(restore.body)).toBe(202);
    expect((await c.settled(restore.body.task.id)).status).toBe('succeeded');

    const del = await c.operator.send('delete', `/api/v1/vbs/backups/${b.id}`);
    expect(del.status).toBe(202);
    expect((await c.settled(del.body.task.id)).status).toBe('succeeded');
    expect((await c.viewer.get(`/api/v1/vbs/backups?diskId=${d.id}`)).body.items).toEqual([]);
  });

  it('refuses names the cloud reserves and restores onto attached disks', async () => {
    const d = await disk('backup-staging');
    const auto = await c.operator.send('post', '/api/v1/vbs/backups', { diskId: d.id, name: 'autobk_1' });
    expect(auto.body.error.fields).toEqual([{ path: 'name', message: 'names starting with "auto" are reserved for policy backups' }]);
    const b = await backUp(d, 'keep');
    const attached = await disk('web-01-data');
    const res = await c.operator.send('post', `/api/v1/vbs/backups/${b.id}/restore`, { diskId: attached.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RESTORE_TARGET');
  });
});

describe('legacy VBS policies', () => {
  it('creates, changes and deletes a policy; bind reports each disk', async () => {
    const created = await c.operator.send('post', '/api/v1/vbs/policies', { name: 'legacy_nightly', startTimes: ['02:00', '14:00'], weekDays: ['MON', 'THU'], retentionCount: 5, timezone: 'UTC+08:00' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const p = created.body.policy as VbsPolicy;
    expect(p).toMatchObject({ name: 'legacy_nightly', enabled: true, startTimes: ['02:00', '14:00'], weekDays: ['MON', 'THU'], retentionCount: 5, diskCount: 0 });

    const good = await disk('backup-staging');
    const broken = await disk('qa-broken');
    const bind = await c.operator.send('post', `/api/v1/vbs/policies/${p.id}/bind`, { diskIds: [good.id, broken.id] });
    expect(bind.status, JSON.stringify(bind.body)).toBe(200);
    const task = await c.settled(bind.body.task.id);
    expect(task.status).toBe('partially_failed');
    expect(task.subtasks.map((s) => [s.target?.id, s.status])).toEqual([[good.id, 'succeeded'], [broken.id, 'failed']]);
    expect(task.subtasks[1]!.error).toMatchObject({ code: 'VBS_BIND_FAILED', service: 'vbs', message: expect.stringContaining('qa-broken') });
    expect(bind.body.policy.diskCount).toBe(1);

    const unbind = await c.operator.send('post', `/api/v1/vbs/policies/${p.id}/unbind`, { diskIds: [good.id] });
    expect((await c.settled(unbind.body.task.id)).status).toBe('succeeded');

    const off = await c.operator.send('patch', `/api/v1/vbs/policies/${p.id}`, { enabled: false, retentionCount: 3 });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.policy).toMatchObject({ enabled: false, retentionCount: 3 });

    expect((await c.operator.send('delete', `/api/v1/vbs/policies/${p.id}`)).status).toBe(200);
    expect(((await c.viewer.get('/api/v1/vbs/policies')).body.items as VbsPolicy[]).some((x) => x.id === p.id)).toBe(false);
  });

  it('keeps a reserved name that a policy already has, and refuses renaming to one', async () => {
    const created = await c.operator.send('post', '/api/v1/vbs/policies', { name: 'default_weekly', startTimes: ['03:00'], frequencyDays: 7, retentionCount: 4 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body.policy as VbsPolicy).id;
    // the edit dialog sends the whole form, name included
    const kept = await c.operator.send('patch', `/api/v1/vbs/policies/${id}`, { name: 'default_weekly', startTimes: ['05:00'], frequencyDays: 7, retentionCount: 6 });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.policy).toMatchObject({ name: 'default_weekly', startTimes: ['05:00'], retentionCount: 6 });
    const renamed = await c.operator.send('patch', `/api/v1/vbs/policies/${id}`, { name: 'default_other' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.fields).toEqual([{ path: 'name', message: 'names starting with "default" are reserved' }]);
    const plain = await c.operator.send('patch', `/api/v1/vbs/policies/${id}`, { name: 'weekly' });
    expect(plain.body.policy).toMatchObject({ name: 'weekly', retentionCount: 6 });
  });

  it('refuses ambiguous or out-of-range schedules with the field named', async () => {
    const both = await c.operator.send('post', '/api/v1/vbs/policies', { name: 'p', startTimes: ['02:00'], frequencyDays: 1, weekDays: ['MON'], retentionCount: 3 });
    expect(both.body.error.fields).toEqual([{ path: 'weekDays', message: 'choose every N days or week days, not both' }]);
    const half = await c.operator.send('post', '/api/v1/vbs/policies', { name: 'p', startTimes: ['02:30'], frequencyDays: 1, retentionDays: 7 });
    expect(half.body.error.fields).toEqual([{ path: 'startTimes.0', message: 'a whole UTC hour like 02:00' }]);
    const range = await c.operator.send('patch', '/api/v1/vbs/policies/nope', { retentionCount: 20 });
    expect(range.body.error.fields).toEqual([{ path: 'retentionCount', message: 'at most 14' }]);
  });
});
