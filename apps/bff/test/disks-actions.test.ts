import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent, Disk, Task } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';
import { listen, SseClient } from './sse.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const byName = (name: string): Promise<Disk> => c.diskNamed(name);
const detail = async (id: string) => (await c.viewer.get(`/api/v1/disks/${id}`)).body as Disk;
const accepted = async (res: { status: number; body: { task?: Task } }): Promise<Task> => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return c.settled(res.body.task!.id);
};

describe('expanding a disk', () => {
  it('expands through the cloud job', async () => {
    const d = await byName('backup-staging');
    const task = await accepted(await c.operator.send('post', `/api/v1/disks/${d.id}/expand`, { newSizeGiB: 80 }));
    expect(task).toMatchObject({ kind: 'disk.expand', status: 'succeeded', targets: [{ type: 'disk', id: d.id, name: 'backup-staging' }] });
    expect(task.subtasks[0]!.upstreamJobId).toEqual(expect.any(String));
    expect((await detail(d.id)).sizeGiB).toBe(80);
  });

  it('explains what the cloud would refuse before asking it', async () => {
    const d = await byName('backup-staging');
    const smaller = await c.operator.send('post', `/api/v1/disks/${d.id}/expand`, { newSizeGiB: 50 });
    expect(smaller.status).toBe(400);
    expect(smaller.body.error.fields).toEqual([{ path: 'newSizeGiB', message: 'must be larger than the current 50 GiB' }]);

    const system = await byName('web-01-system');
    const tooBig = await c.operator.send('post', `/api/v1/disks/${system.id}/expand`, { newSizeGiB: 2048 });
    expect(tooBig.body.error.fields).toEqual([{ path: 'newSizeGiB', message: 'a system disk is at most 1024 GiB' }]);

    const shared = await byName('shared-logs');
    const inUse = await c.operator.send('post', `/api/v1/disks/${shared.id}/expand`, { newSizeGiB: 300 });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('DISK_IN_USE');
    expect(inUse.body.error.message).toContain('/dev/vdc');
  });

  it('allows what the cloud allows: an attached, unshared disk expands online', async () => {
    const d = await byName('web-01-data');
    expect((await accepted(await c.operator.send('post', `/api/v1/disks/${d.id}/expand`, { newSizeGiB: 150 }))).status).toBe('succeeded');
    expect(await detail(d.id)).toMatchObject({ sizeGiB: 150, status: 'in-use' });
  });

  it('ends failed with the upstream code when the expansion job fails', async () => {
    await c.control('POST', '/faults', { kind: 'job', jobType: 'extendVolume', code: 'EVS.2026', message: 'volume is error_extending!' });
    const d = await byName('backup-staging');
    const task = await accepted(await c.operator.send('post', `/api/v1/disks/${d.id}/expand`, { newSizeGiB: 60 }));
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({ code: 'EVS.2026', service: 'evs' });
    expect((await detail(d.id)).status).toBe('error_extending');
  });
});

describe('QoS, tags and names', () => {
  it('changes the IOPS and throughput of a GPSSD2 disk', async () => {
    const d = await byName('analytics-scratch');
    const task = await accepted(await c.operator.send('put', `/api/v1/disks/${d.id}/qos`, { iops: 20_000, throughput: 600 }));
    expect(task).toMatchObject({ kind: 'disk.qos', status: 'succeeded' });
    expect(await detail(d.id)).toMatchObject({ iops: 20_000, throughput: 600 });
  });

  it('refuses QoS where the type has none, and ranges by the disk\'s size', async () => {
    const ssd = await byName('backup-staging');
    const res = await c.operator.send('put', `/api/v1/disks/${ssd.id}/qos`, { iops: 5000 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('QOS_UNSUPPORTED');

    const essd2 = await byName('ml-feature-store');
    const withThroughput = await c.operator.send('put', `/api/v1/disks/${essd2.id}/qos`, { iops: 60_000, throughput: 300 });
    expect(withThroughput.body.error.fields).toEqual([{ path: 'throughput', message: 'ESSD2 disks have no throughput setting; leave it empty' }]);

    const gpssd2 = await byName('analytics-scratch');
    // 3,000 IOPS allow at most 750 MiB/s; the disk keeps its 500 when none is given, which fits.
    expect((await accepted(await c.operator.send('put', `/api/v1/disks/${gpssd2.id}/qos`, { iops: 3000 }))).status).toBe('succeeded');
    const tooFast = await c.operator.send('put', `/api/v1/disks/${gpssd2.id}/qos`, { iops: 3000, throughput: 900 });
    expect(tooFast.body.error.fields).toEqual([{ path: 'throughput', message: 'with 3000 IOPS the throughput is 125 to 750 MiB/s' }]);
  });

  it('sets the complete tag set: removes, changes and adds', async () => {
    const d = await byName('db-01-data');
    expect(d.tags).toEqual({ env: 'prod', app: 'db', owner: 'dba-team' });
    const res = await c.operator.send('put', `/api/v1/disks/${d.id}/tags`, { tags: { env: 'staging', app: 'db', tier: 'gold' } });
    expect(res.status).toBe(202);
    expect(res.body.task).toMatchObject({ kind: 'disk.tags', status: 'succeeded' });
    expect((await detail(d.id)).tags).toEqual({ env: 'staging', app: 'db', tier: 'gold' });

    const tooMany = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    const refused = await c.operator.send('put', `/api/v1/disks/${d.id}/tags`, { tags: tooMany });
    expect(refused.body.error.fields).toEqual([{ path: 'tags', message: 'a disk has at most 10 tags; remove 1' }]);
  });

  it('renames at once and tells watching browsers', async () => {
    const d = await byName('backup-staging');
    const srv = await listen(c.app);
    const sse = await SseClient.open(srv.url, c.viewer.cookie);
    try {
      const res = await c.operator.send('patch', `/api/v1/disks/${d.id}`, { name: 'landing-zone' });
      expect(res.status).toBe(202);
      expect(res.body.disk).toMatchObject({ id: d.id, name: 'landing-zone', description: 'landing area for restored files' });
      expect(res.body.task).toMatchObject({ kind: 'disk.update', status: 'succeeded', targets: [{ id: d.id, name: 'landing-zone' }] });
      await sse.until((m) => m.some((x) => x.event === 'resource'));
      const event = JSON.parse(sse.messages.find((x) => x.event === 'resource')!.data) as ConsoleEvent;
      expect(event).toEqual({ type: 'resource', resource: { type: 'disk', id: d.id, name: 'landing-zone' }, status: 'available' });
    } finally {
      sse.close();
      await srv.close();
    }
    expect((await detail(d.id)).name).toBe('landing-zone');
    const bad = await c.operator.send('patch', `/api/v1/disks/${d.id}`, {});
    expect(bad.body.error.fields).toEqual([{ path: '(body)', message: 'give a name or a description to change' }]);
  });
});

describe('deleting disks', () => {
  it('deletes a disk through its job', async () => {
    const d = await byName('backup-staging');
    const task = await accepted(await c.operator.send('delete', `/api/v1/disks/${d.id}`));
    expect(task).toMatchObject({ kind: 'disk.delete', status: 'succeeded' });
    expect((await c.viewer.get(`/api/v1/disks/${d.id}`)).status).toBe(404);
  });

  it('refuses an attached disk with the reason', async () => {
    const d = await byName('web-01-data');
    const res = await c.operator.send('delete', `/api/v1/disks/${d.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'DISK_IN_USE', message: expect.stringContaining('as /dev/vdb; detach it first') });
    const prepaid = await c.operator.send('delete', `/api/v1/disks/${(await byName('finance-reports')).id}`);
    expect(prepaid.body.error.code).toBe('DISK_PREPAID');
  });

  it('batch delete: refused items fail with their reason, the rest are deleted', async () => {
    const ids = await Promise.all(['backup-staging', 'web-01-data', 'qa-broken', 'migration-src'].map(async (n) => (await byName(n)).id));
    const missing = '00000000-0000-4000-8000-000000000000';
    const task = await accepted(await c.operator.send('post', '/api/v1/disks/batch-delete', { ids: [...ids, missing] }));
    expect(task.status).toBe('partially_failed');
    expect(task.subtasks.map((s) => [s.target?.id, s.status, s.error?.code])).toEqual([
      [ids[0], 'succeeded', undefined],
      [ids[1], 'failed', 'DISK_IN_USE'],
      [ids[2], 'succeeded', undefined],
      [ids[3], 'failed', 'DISK_STATUS'],
      [missing, 'failed', 'NOT_FOUND'],
    ]);
    expect(task.subtasks[1]!.error!.message).toMatch(/attached to .* as \/dev\/vdb; detach it first/);
    expect(task.subtasks[3]!.error!.message).toBe('The disk is awaiting a transfer; cancel the transfer first');
    expect((await c.viewer.get(`/api/v1/disks/${ids[0]}`)).status).toBe(404);
    expect((await c.viewer.get(`/api/v1/disks/${ids[1]}`)).status).toBe(200);

    const dup = await c.operator.send('post', '/api/v1/disks/batch-delete', { ids: [ids[1], ids[1]] });
    expect(dup.body.error.fields).toEqual([{ path: 'ids', message: 'each id once' }]);
  });

  it('an item the cloud refuses fails with the cloud\'s code; all refused means failed', async () => {
    await c.control('POST', '/faults', { kind: 'error', service: 'evs', operation: 'DeleteVolume', status: 400, code: 'EVS.2068', message: 'operation failed because of volume be locked' });
    const d = await byName('backup-staging');
    const task = await accepted(await c.operator.send('post', '/api/v1/disks/batch-delete', { ids: [d.id] }));
    expect(task.status).toBe('failed');
    expect(task.subtasks[0]!.error).toMatchObject({ code: 'EVS.2068', service: 'evs', requestId: expect.any(String) });
  });
});
