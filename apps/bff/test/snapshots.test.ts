import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Disk, Snapshot, SnapshotPage, Task } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const page = async (query = ''): Promise<SnapshotPage> => {
  const res = await c.viewer.get(`/api/v1/snapshots${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as SnapshotPage;
};
const snapshotNamed = async (name: string): Promise<Snapshot> => {
  const found = (await page(`?name=${encodeURIComponent(name)}`)).items[0];
  if (!found) throw new Error(`no snapshot named ${name}`);
  return found;
};
const diskNamed = async (name: string): Promise<Disk> =>
  ((await c.viewer.get(`/api/v1/disks?name=${encodeURIComponent(name)}`)).body.items as Disk[]).find((d) => d.name === name)!;
const accepted = async (res: { status: number; body: { task?: Task } }): Promise<Task> => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return c.settled(res.body.task!.id);
};

describe('snapshot list and detail', () => {
  it('lists with paging, filters and the disk name joined', async () => {
    const all = await page();
    expect(all.total).toBe(4);
    expect(all.items.map((s) => [s.name, s.diskName]).sort()).toEqual([
      ['archive-2023-final', 'archive-2023'],
      ['db-01-before-upgrade', 'db-01-data'],
      ['db-01-nightly', 'db-01-data'],
      ['web-01-data-daily', 'web-01-data'],
    ]);
    const firstTwo = await page('?limit=2');
    const rest = await page('?limit=2&offset=2');
    expect(firstTwo.total).toBe(4);
    expect([...firstTwo.items, ...rest.items].map((s) => s.id).sort()).toEqual(all.items.map((s) => s.id).sort());

    const db = await diskNamed('db-01-data');
    expect((await page(`?diskId=${db.id}`)).items.map((s) => s.name).sort()).toEqual(['db-01-before-upgrade', 'db-01-nightly']);
    expect((await page('?status=error')).items.map((s) => s.name)).toEqual(['db-01-nightly']);

    const one = await snapshotNamed('archive-2023-final');
    const res = await c.viewer.get(`/api/v1/snapshots/${one.id}`);
    expect(res.body).toMatchObject({ id: one.id, status: 'available', sizeGiB: 500, diskName: 'archive-2023', createdByBackup: false, description: '' });
    expect(res.body.createdAt).toMatch(/Z$/);
    expect((await c.viewer.get('/api/v1/snapshots/00000000-0000-4000-8000-000000000000')).body.error.code).toBe('NOT_FOUND');
  });
});

describe('snapshot operations', () => {
  it('creates a snapshot tracked by its status, renames and deletes it', async () => {
    const disk = await diskNamed('web-01-data');
    const res = await c.operator.send('post', '/api/v1/snapshots', { diskId: disk.id, name: 'before-change', description: 'taken by the test' });
    expect(res.status).toBe(202);
    expect(res.body.snapshot).toMatchObject({ name: 'before-change', status: 'creating', diskId: disk.id, diskName: 'web-01-data', sizeGiB: 100 });
    const created = await c.settled(res.body.task.id);
    expect(created).toMatchObject({ kind: 'snapshot.create', status: 'succeeded' });
    expect(created.targets.map((t) => t.type)).toEqual(['snapshot', 'disk']);
    const id = res.body.snapshot.id as string;
    expect((await c.viewer.get(`/api/v1/snapshots/${id}`)).body.status).toBe('available');

    const renamed = await c.operator.send('patch', `/api/v1/snapshots/${id}`, { name: 'after-change' });
    expect(renamed.status).toBe(202);
    expect(renamed.body.snapshot).toMatchObject({ name: 'after-change', description: 'taken by the test', diskName: 'web-01-data' });

    const deleted = await accepted(await c.operator.send('delete', `/api/v1/snapshots/${id}`));
    expect(deleted).toMatchObject({ kind: 'snapshot.delete', status: 'succeeded' });
    expect((await c.viewer.get(`/api/v1/snapshots/${id}`)).status).toBe(404);
  });

  it('ends failed when the snapshot goes to error', async () => {
    await c.control('POST', '/faults', { kind: 'job', jobType: 'createSnapshot', code: 'EVS.2001' });
    const disk = await diskNamed('archive-2023');
    const task = await accepted(await c.operator.send('post', '/api/v1/snapshots', { diskId: disk.id, name: 'doomed' }));
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({ code: 'RESOURCE_STATUS', message: 'The snapshot went to status error' });
  });

  it('validates names and the disk it names', async () => {
    const disk = await diskNamed('archive-2023');
    const reserved = await c.operator.send('post', '/api/v1/snapshots', { diskId: disk.id, name: 'autobk_snapshot_x' });
    expect(reserved.body.error.fields).toEqual([{ path: 'name', message: 'names starting with autobk_snapshot_ are reserved for snapshots taken by backups' }]);
    const noDisk = await c.operator.send('post', '/api/v1/snapshots', { diskId: '00000000-0000-4000-8000-000000000000' });
    expect(noDisk.body.error.fields).toEqual([{ path: 'diskId', message: 'no such disk in this project' }]);
    expect((await c.viewer.send('post', '/api/v1/snapshots', { diskId: disk.id })).status).toBe(403);
  });

  it('rolls a disk back, tracked by the disk until it is available again', async () => {
    const snap = await snapshotNamed('archive-2023-final');
    const task = await accepted(await c.operator.send('post', `/api/v1/snapshots/${snap.id}/rollback`, { name: 'archive-2023-restored' }));
    expect(task).toMatchObject({ kind: 'snapshot.rollback', status: 'succeeded' });
    expect(task.subtasks[0]!.target).toMatchObject({ type: 'disk', id: snap.diskId });
    const disk = (await c.viewer.get(`/api/v1/disks/${snap.diskId}`)).body as Disk;
    expect(disk).toMatchObject({ name: 'archive-2023-restored', status: 'available' });
    expect((await c.viewer.get(`/api/v1/snapshots/${snap.id}`)).body.status).toBe('available');
  });

  it('explains why a rollback is not possible', async () => {
    const attached = await snapshotNamed('web-01-data-daily');
    const inUse = await c.operator.send('post', `/api/v1/snapshots/${attached.id}/rollback`, {});
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: 'DISK_IN_USE', message: expect.stringContaining('detach it before rolling back') });

    const other = await diskNamed('backup-staging');
    const archive = await snapshotNamed('archive-2023-final');
    const wrongDisk = await c.operator.send('post', `/api/v1/snapshots/${archive.id}/rollback`, { diskId: other.id });
    expect(wrongDisk.body.error.fields).toEqual([{ path: 'diskId', message: `a snapshot rolls back only onto its own disk, ${archive.diskId}` }]);

    const broken = await snapshotNamed('db-01-nightly');
    const notAvailable = await c.operator.send('post', `/api/v1/snapshots/${broken.id}/rollback`, {});
    expect(notAvailable.body.error).toMatchObject({ code: 'SNAPSHOT_BUSY', message: 'The snapshot is error; only an available snapshot can be rolled back' });
  });

  it('batch delete: deletes what it can and says why not for the rest', async () => {
    const nightly = await snapshotNamed('db-01-nightly');
    const daily = await snapshotNamed('web-01-data-daily');
    const disk = await diskNamed('archive-2023');
    const creating = await c.operator.send('post', '/api/v1/snapshots', { diskId: disk.id, name: 'fresh' });
    await c.settled(creating.body.task.id);
    // The disk's rollback keeps its snapshot busy while the cloud is slowed down to realistic speed.
    await c.control('PUT', '/clock', { speed: 'realistic' });
    const archive = await snapshotNamed('archive-2023-final');
    expect((await c.operator.send('post', `/api/v1/snapshots/${archive.id}/rollback`, {})).status).toBe(202);
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await c.operator.send('post', '/api/v1/snapshots/batch-delete', { ids: [nightly.id, archive.id, missing, daily.id] });
    expect(res.status).toBe(202);
    expect(res.body.task.subtasks.map((s: Task['subtasks'][number]) => [s.status, s.error?.code])).toEqual([
      ['running', undefined],
      ['failed', 'SNAPSHOT_BUSY'],
      ['failed', 'NOT_FOUND'],
      ['running', undefined],
    ]);
    await c.control('PUT', '/clock', { speed: 'instant' });
    await c.control('POST', '/clock/advance', { seconds: 10 });
    const task = await c.settled(res.body.task.id);
    expect(task.status).toBe('partially_failed');
    expect(task.subtasks[1]!.error!.message).toBe('The snapshot is rollbacking; it can be deleted when available or in error');
    expect((await page()).items.map((s) => s.name).sort()).toEqual(['archive-2023-final', 'db-01-before-upgrade', 'fresh']);
  });
});
