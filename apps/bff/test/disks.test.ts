import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SERVERS } from '@console/emulator';
import type { Disk, DiskPage, DiskTypeInfo, EvsQuotas, Task } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const page = async (query: string): Promise<DiskPage> => {
  const res = await c.viewer.get(`/api/v1/disks${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DiskPage;
};
const byName = async (name: string): Promise<Disk> => {
  const found = (await page(`?name=${encodeURIComponent(name)}`)).items.find((d) => d.name === name);
  if (!found) throw new Error(`no disk named ${name}`);
  return found;
};

describe('disk list', () => {
  it('pages with a total that ignores paging, and sorts upstream', async () => {
    const first = await page('?limit=5');
    expect(first.total).toBe(14);
    expect(first.items).toHaveLength(5);
    expect(first.unsupported).toBeUndefined();
    const second = await page('?limit=5&offset=5');
    expect(second.items.map((d) => d.id)).not.toContain(first.items[0]!.id);
    const all = await page('?limit=100');
    expect(all.items.slice(5, 10).map((d) => d.id)).toEqual(second.items.map((d) => d.id));
    const afterMarker = await page(`?limit=3&marker=${first.items[4]!.id}`);
    expect(afterMarker.items.map((d) => d.id)).toEqual(second.items.slice(0, 3).map((d) => d.id));

    const bySize = await page('?sort=size&dir=asc&limit=100');
    const sizes = bySize.items.map((d) => d.sizeGiB);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes[0]).toBe(20);
  });

  it('filters by status, type, zone, server and name', async () => {
    const inUse = await page('?status=in-use&limit=100');
    expect(inUse.total).toBe(5);
    expect(inUse.items.every((d) => d.status === 'in-use')).toBe(true);

    const gpssd2 = await page('?type=GPSSD2');
    expect(gpssd2.items.map((d) => [d.name, d.iops, d.throughput])).toEqual([['analytics-scratch', 12_000, 500]]);
    const essd2 = await page('?type=ESSD2');
    expect(essd2.items[0]).toMatchObject({ name: 'ml-feature-store', iops: 50_000 });
    expect(essd2.items[0]!.throughput).toBeUndefined();

    const onWeb = await page(`?serverId=${DEMO_SERVERS['web-01']}`);
    expect(onWeb.items.map((d) => d.name).sort()).toEqual(['shared-logs', 'web-01-data', 'web-01-system']);
    const zoneC = await page('?availabilityZone=cn-north-4c&limit=100');
    expect(zoneC.items.every((d) => d.availabilityZone === 'cn-north-4c')).toBe(true);
    expect(zoneC.total).toBe(4);
    expect((await page('?name=db-01')).items.map((d) => d.name).sort()).toEqual(['db-01-data', 'db-01-system']);
  });

  it('filters by tag through the tag query, and says which parameters the console applied itself', async () => {
    const prod = await page('?tag=env%3Dprod');
    expect(prod.total).toBe(6);
    expect(prod.unsupported).toBeUndefined();
    expect(prod.items.every((d) => d.tags.env === 'prod')).toBe(true);

    const anyOwner = await page('?tag=owner');
    expect(anyOwner.items.map((d) => d.name)).toEqual(['db-01-data']);

    const prodInUse = await page('?tag=env%3Dprod&status=in-use&sort=size&dir=asc&limit=2&offset=1');
    expect(prodInUse.unsupported).toEqual(['status', 'sort', 'dir']);
    expect(prodInUse.total).toBe(5);
    // in-use prod disks by size: 40, 40, 100, 200, 500 — the page skips one and takes two
    expect(prodInUse.items.map((d) => d.sizeGiB)).toEqual([40, 100]);

    const dev = await page('?tag=env%3Ddev&type=GPSSD2');
    expect(dev.items.map((d) => [d.name, d.iops])).toEqual([['analytics-scratch', 12_000]]);
  });

  it('refuses parameters it cannot read, naming the field', async () => {
    const res = await c.viewer.get('/api/v1/disks?limit=5000&sort=name&tag=a%20b');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['limit', 'sort', 'tag']);
  });

  it('retries a read the cloud failed with 503 and answers normally', async () => {
    await c.control('POST', '/faults', { kind: 'error', service: 'evs', operation: 'ListVolumes', status: 503, code: 'EVS.5503', message: 'Service unavailable.', count: 2 });
    expect((await page('?limit=1')).total).toBe(14);
    expect(((await c.control('GET', '/faults')).body as { faults: unknown[] }).faults).toEqual([]);
  });
});

describe('disk detail', () => {
  it('maps the cloud disk to the console shape', async () => {
    const system = await byName('web-01-system');
    const res = await c.viewer.get(`/api/v1/disks/${system.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: system.id, name: 'web-01-system', status: 'in-use', type: 'SSD', sizeGiB: 40, bootable: true, role: 'system', shared: false,
      encrypted: false, deviceType: 'VBD', chargingMode: 'postPaid', availabilityZone: 'cn-north-4a', tags: { env: 'prod', app: 'web' },
      attachments: [{ serverId: DEMO_SERVERS['web-01'], device: '/dev/vda' }],
    });
    expect(res.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.body.attachments[0].attachedAt).toMatch(/Z$/);
    // joined from ECS with one server lookup
    expect(res.body.attachments[0].serverName).toBe('web-01');

    expect((await byName('web-01-data')).role).toBe('data');
    expect(await byName('shared-logs')).toMatchObject({ shared: true, deviceType: 'SCSI', metadata: { 'hw:passthrough': 'true' } });
    const finance = await byName('finance-reports');
    expect(finance).toMatchObject({ encrypted: true, chargingMode: 'prePaid', metadata: {} });
  });

  it('answers 404 with the cloud\'s words for a disk that does not exist', async () => {
    const res = await c.viewer.get('/api/v1/disks/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', upstream: { service: 'evs', code: 'EVS.5404' } });
    expect((await c.viewer.get('/api/v1/disks/not%20an%20id')).status).toBe(404);
  });
});

describe('form data', () => {
  it('lists disk types with where they are sold and the limits a form needs', async () => {
    const res = await c.viewer.get('/api/v1/disk-types');
    expect(res.status).toBe(200);
    const types = res.body.items as DiskTypeInfo[];
    expect(types.map((t) => t.name)).toEqual(['SATA', 'SAS', 'GPSSD', 'SSD', 'ESSD', 'GPSSD2', 'ESSD2']);
    const by = Object.fromEntries(types.map((t) => [t.name, t]));
    expect(by.SATA!.soldOutIn).toEqual(['cn-north-4a', 'cn-north-4b', 'cn-north-4c']);
    expect(by.ESSD!.availabilityZones).toEqual(['cn-north-4a', 'cn-north-4b']);
    expect(by.SSD).toMatchObject({ sizeGiB: { min: 10, max: 32_768 }, systemSizeGiB: { min: 1, max: 1024 }, soldOutIn: [] });
    expect(by.SSD!.qos).toBeUndefined();
    expect(by.GPSSD2!.qos).toEqual({ iops: { min: 3000, max: 128_000, perGiB: 500 }, throughput: { min: 125, max: 1000, iopsPerMiBps: 4 } });
  });

  it('lists zones and quotas with usage', async () => {
    expect((await c.viewer.get('/api/v1/availability-zones')).body.items).toEqual(
      ['cn-north-4a', 'cn-north-4b', 'cn-north-4c'].map((name) => ({ name, available: true })),
    );
    const quotas = (await c.viewer.get('/api/v1/quotas/evs')).body as EvsQuotas;
    expect(quotas.volumes).toEqual({ limit: 1000, used: 14, reserved: 0 });
    expect(quotas.snapshots!.used).toBe(4);
    expect(quotas.gigabytes!.used).toBe((await page('?limit=100')).items.reduce((a, d) => a + d.sizeGiB, 0));
    expect(quotas.byType.SSD!.volumes).toEqual({ limit: null, used: 4, reserved: 0 });
  });
});

describe('disk creation', () => {
  const base = { availabilityZone: 'cn-north-4a', type: 'SSD', sizeGiB: 20 };

  it('creates a disk: a running task that the cloud job brings to success', async () => {
    const res = await c.operator.send('post', '/api/v1/disks', { ...base, name: 'made-here', description: 'by the test', tags: { env: 'test' } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = res.body.task as Task;
    expect(task).toMatchObject({ kind: 'disk.create', status: 'running', upstream: { service: 'evs', jobId: expect.any(String), requestId: expect.any(String) } });
    expect(task.subtasks).toHaveLength(1);
    const id = task.subtasks[0]!.target!.id;
    expect(task.subtasks[0]!.upstreamJobId).toBe(task.upstream!.jobId);

    const done = await c.settled(task.id);
    expect(done.status).toBe('succeeded');
    const disk = (await c.viewer.get(`/api/v1/disks/${id}`)).body as Disk;
    expect(disk).toMatchObject({ name: 'made-here', description: 'by the test', status: 'available', sizeGiB: 20, tags: { env: 'test' }, role: 'data' });

    const audit = await c.admin.get('/api/v1/audit?action=disk.create');
    expect(audit.body.items[0]).toMatchObject({ username: 'operator', action: 'disk.create', target: id, result: 'ok', upstreamRequestId: expect.any(String) });
  });

  it('creates three disks as three subtasks, each following its own sub-job', async () => {
    const res = await c.operator.send('post', '/api/v1/disks', { ...base, name: 'batch', count: 3 });
    expect(res.status).toBe(202);
    const task = res.body.task as Task;
    expect(task.subtasks.map((s) => s.target?.name)).toEqual(['batch-0001', 'batch-0002', 'batch-0003']);
    expect(new Set(task.subtasks.map((s) => s.upstreamJobId)).size).toBe(3);
    expect((await c.settled(task.id)).status).toBe('succeeded');
    expect((await page('?name=batch')).total).toBe(3);
  });

  it('a failed sub-job fails its disk alone: the batch ends partially failed', async () => {
    await c.control('POST', '/faults', { kind: 'job', jobType: 'createVolume', code: 'EVS.2001', message: 'no capacity left' });
    const res = await c.operator.send('post', '/api/v1/disks', { ...base, name: 'half', count: 3 });
    const done = await c.settled(res.body.task.id);
    expect(done.status).toBe('partially_failed');
    expect(done.subtasks.map((s) => s.status)).toEqual(['failed', 'succeeded', 'succeeded']);
    expect(done.subtasks[0]!.error).toMatchObject({ code: 'EVS.2001', message: 'no capacity left', service: 'evs' });
  });

  it('ends the task failed with the upstream code when the cloud job fails', async () => {
    await c.control('POST', '/faults', { kind: 'job', jobType: 'createVolume', code: 'EVS.2001', message: 'no capacity left' });
    const res = await c.operator.send('post', '/api/v1/disks', base);
    const done = await c.settled(res.body.task.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'EVS.2001', message: 'no capacity left', service: 'evs' });
  });

  it('does not repeat a create the cloud answered with 503: the error carries the upstream part', async () => {
    await c.control('POST', '/faults', { kind: 'error', service: 'evs', operation: 'CreateVolume', status: 503, code: 'EVS.5503', message: 'Service unavailable.', count: 1 });
    const res = await c.operator.send('post', '/api/v1/disks', { ...base, name: 'not-made' });
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ code: 'UPSTREAM_FAILED', upstream: { service: 'evs', code: 'EVS.5503', message: 'Service unavailable.', requestId: expect.any(String) } });
    expect((await page('?name=not-made')).total).toBe(0);
  });

  it('validates with the shared schema and names each field', async () => {
    const res = await c.operator.send('post', '/api/v1/disks', { availabilityZone: '', type: 'GPSSD2', sizeGiB: 5, count: 101, name: 'x'.repeat(65), tags: { 'bad key': 'v' } });
    expect(res.status).toBe(400);
    const paths = (res.body.error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['availabilityZone', 'count', 'iops', 'name', 'sizeGiB', 'tags.bad key', 'throughput']);

    const qos = await c.operator.send('post', '/api/v1/disks', { ...base, type: 'GPSSD2', sizeGiB: 10, iops: 9000 });
    expect(qos.body.error.fields).toEqual([
      { path: 'throughput', message: 'required for GPSSD2 disks: 125 to 1000 MiB/s' },
      { path: 'iops', message: 'a 10 GiB GPSSD2 disk takes 3000 to 5000 IOPS' },
    ]);
  });

  it('checks a snapshot source first, in the form\'s words', async () => {
    const snapshots = (await c.viewer.get('/api/v1/snapshots?name=archive-2023-final')).body.items;
    const res = await c.operator.send('post', '/api/v1/disks', { availabilityZone: 'cn-north-4c', type: 'SATA', sizeGiB: 100, snapshotId: snapshots[0].id });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'sizeGiB', message: "at least the snapshot's 500 GiB" }]);
  });

  it('leaves viewers to read only', async () => {
    const res = await c.viewer.send('post', '/api/v1/disks', base);
    expect(res.status).toBe(403);
  });
});
