import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SERVERS } from '@console/emulator';
import type { Server, ServerPage, Task } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

// The emulator's built-in catalog: an Ubuntu image, the demo VPC and its application subnet.
const IMAGE = '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01';
const VPC = '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60';
const SUBNET = '8a1f2e3d-4c5b-4a69-8e7d-6c5b4a392811';
const WEB = DEMO_SERVERS['web-01'];
const DB = DEMO_SERVERS['db-01'];

const page = async (query: string): Promise<ServerPage> => {
  const res = await c.viewer.get(`/api/v1/servers${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ServerPage;
};
const names = (p: ServerPage) => p.items.map((s) => s.name).sort();
const server = async (id: string) => (await c.viewer.get(`/api/v1/servers/${id}`)).body as Server;
const byName = async (name: string) => (await page(`?name=${name}`)).items.find((s) => s.name === name)!;
const accepted = async (res: { status: number; body: { task?: Task } }): Promise<Task> => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return c.settled(res.body.task!.id);
};
const batch = (body: object) => c.operator.send('post', '/api/v1/servers/batch-action', body);

describe('listing servers', () => {
  it('shows the demo servers in console shape', async () => {
    const all = await page('');
    expect(names(all)).toEqual(['bastion', 'batch-worker', 'db-01', 'qa-failed-build', 'web-01']);
    expect(all.nextMarker).toBeNull();
    const web = all.items.find((s) => s.id === WEB)!;
    expect(web).toMatchObject({
      name: 'web-01', status: 'ACTIVE', taskState: null, statusText: 'running', locked: false, diskCount: 3,
      flavor: { id: 's3.large.2', vcpus: 2, ramMiB: 4096 }, tags: { env: 'prod', app: 'web' },
    });
    // web-01 sits in the demo's production VPC, on its web subnet.
    expect(web.addresses.private).toEqual([expect.stringMatching(/^192\.168\.10\.\d+$/)]);
    expect(all.items.find((s) => s.name === 'bastion')).toMatchObject({ locked: true });
    expect(all.items.find((s) => s.name === 'qa-failed-build')).toMatchObject({ status: 'ERROR', statusText: 'error', fault: { message: 'No valid host was found.' } });
  });

  it('filters by name, status, flavor, IP and tag in the cloud', async () => {
    expect(names(await page('?status=SHUTOFF'))).toEqual(['batch-worker', 'db-01']);
    expect(names(await page('?name=web'))).toEqual(['web-01']);
    expect(names(await page('?name=.'))).toEqual([]);
    expect(names(await page('?flavor=m3'))).toEqual(['db-01']);
    expect(names(await page('?tag=env%3Dprod'))).toEqual(['db-01', 'web-01']);
    const ip = (await server(WEB)).addresses.private[0]!;
    const byIp = await page(`?ip=${ip}`);
    expect(names(byIp)).toEqual(['web-01']);
    expect(byIp.unsupported).toBeUndefined();
  });

  it('applies the filters the cloud lacks itself, and says so', async () => {
    const zone = (await server(WEB)).availabilityZone;
    const inZone = await page(`?availabilityZone=${zone}`);
    expect(names(inZone)).toEqual(['db-01', 'web-01']);
    expect(inZone.unsupported).toEqual(['availabilityZone']);
    const anyEnv = await page('?tag=env');
    expect(names(anyEnv)).toEqual(['batch-worker', 'db-01', 'qa-failed-build', 'web-01']);
    expect(anyEnv.unsupported).toEqual(['tag']);
  });

  it('pages with a marker, with and without console-side filters', async () => {
    for (const filter of ['', '&tag=env']) {
      const seen: string[] = [];
      let marker: string | null = null;
      do {
        const p: ServerPage = await page(`?limit=2${filter}${marker ? `&marker=${marker}` : ''}`);
        expect(p.items.length).toBeLessThanOrEqual(2);
        seen.push(...p.items.map((s) => s.name));
        marker = p.nextMarker;
      } while (marker);
      expect(seen.sort()).toEqual(filter ? ['batch-worker', 'db-01', 'qa-failed-build', 'web-01'] : ['bastion', 'batch-worker', 'db-01', 'qa-failed-build', 'web-01']);
    }
  });

  it('refuses filters the cloud does not know, naming the field', async () => {
    const res = await c.viewer.get('/api/v1/servers?status=STOPPED&limit=0');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['limit', 'status']);
  });
});

describe('one server', () => {
  it('shows its disks with devices and which one boots it', async () => {
    const web = await server(WEB);
    expect(web.disks).toHaveLength(3);
    expect(web.disks.find((d) => d.device === '/dev/vda')).toMatchObject({ system: true, bootIndex: 0, sizeGiB: 40 });
    expect(web.disks.filter((d) => d.system === false).map((d) => d.device).sort()).toEqual(['/dev/vdb', '/dev/vdc']);
    const missing = await c.viewer.get('/api/v1/servers/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('reads the console log, the flavors and the quotas', async () => {
    expect((await c.viewer.get(`/api/v1/servers/${WEB}/console-log?lines=1`)).body).toEqual({ output: 'web-01 login:' });
    const flavors = (await c.viewer.get('/api/v1/flavors?vcpus=2')).body.items as { id: string; ramMiB: number; status: string }[];
    expect(flavors.find((f) => f.id === 's3.large.2')).toMatchObject({ ramMiB: 4096, status: 'normal' });
    expect(flavors.every((f) => f.id !== 's2.medium.2')).toBe(true);
    const quotas = (await c.viewer.get('/api/v1/quotas/ecs')).body;
    expect(quotas).toMatchObject({ instances: { limit: 2048, used: 5 }, cores: { limit: 20480 } });
  });
});

describe('creating servers', () => {
  const create = {
    name: 'app', count: 2, flavorId: 's3.medium.2', imageId: IMAGE, vpcId: VPC, nics: [{ subnetId: SUBNET }],
    rootVolume: { type: 'SSD', sizeGiB: 40 }, dataVolumes: [{ type: 'SAS', sizeGiB: 20 }], adminPass: 'Cloud-Console-9',
  };

  it('tracks each created server by its sub-job until it runs', async () => {
    const res = await c.operator.send('post', '/api/v1/servers', create);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.task.targets.map((t: { name: string }) => t.name)).toEqual(['app-0000', 'app-0001']);
    const task = await c.settled(res.body.task.id);
    expect(task).toMatchObject({ kind: 'server.create', status: 'succeeded', upstream: { service: 'ecs', jobId: expect.any(String) } });
    expect(new Set(task.subtasks.map((s) => s.upstreamJobId)).size).toBe(2);
    for (const t of task.targets) expect(await server(t.id)).toMatchObject({ status: 'ACTIVE', statusText: 'running', diskCount: 2 });
  });

  it('names the fields the cloud would refuse', async () => {
    const res = await c.operator.send('post', '/api/v1/servers', { ...create, name: 'x'.repeat(60), adminPass: 'rootpass', nics: [{ subnetId: SUBNET, ipAddress: '10.0.0.99' }] });
    expect(res.status).toBe(400);
    const paths = (res.body.error.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'adminPass', 'nics.0.ipAddress']));
    const soldOut = await c.operator.send('post', '/api/v1/servers', { ...create, flavorId: 't6.small.1' });
    expect(soldOut.body.error.fields).toEqual([{ path: 'flavorId', message: 't6.small.1 is sellout; choose another flavor' }]);
  });
});

describe('starting, stopping and rebooting', () => {
  it('stops two servers in one job, one subtask each, and starts them again', async () => {
    const started = await accepted(await batch({ action: 'start', ids: [DB, (await byName('batch-worker')).id] }));
    expect(started).toMatchObject({ kind: 'server.start', status: 'succeeded' });
    const ids = [WEB, DB];
    const stopped = await accepted(await batch({ action: 'stop', ids, type: 'HARD' }));
    expect(stopped.status).toBe('succeeded');
    expect(stopped.subtasks.map((s) => s.target?.id)).toEqual(ids);
    expect(new Set(stopped.subtasks.map((s) => s.upstreamJobId)).size).toBe(2);
    expect(stopped.upstream?.jobId).toEqual(expect.any(String));
    for (const id of ids) expect(await server(id)).toMatchObject({ status: 'SHUTOFF', statusText: 'stopped' });
    expect((await accepted(await batch({ action: 'start', ids }))).status).toBe('succeeded');
    for (const id of ids) expect((await server(id)).status).toBe('ACTIVE');
  });

  it('refuses each item the cloud would refuse with its reason, and runs the rest', async () => {
    const bastion = (await byName('bastion')).id;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const task = await accepted(await batch({ action: 'stop', ids: [WEB, DB, bastion, unknown] }));
    expect(task.status).toBe('partially_failed');
    const [web, db, locked, gone] = task.subtasks;
    expect(web).toMatchObject({ status: 'succeeded' });
    expect(db).toMatchObject({ status: 'failed', error: { code: 'SERVER_STATUS', message: 'db-01 is SHUTOFF; stopping needs it ACTIVE' } });
    expect(locked).toMatchObject({ status: 'failed', error: { code: 'SERVER_LOCKED' } });
    expect(gone).toMatchObject({ status: 'failed', error: { code: 'NOT_FOUND' } });
    expect((await server(WEB)).status).toBe('SHUTOFF');
  });

  it('ends failed with the cloud\'s code when the job fails', async () => {
    await c.control('POST', '/faults', { kind: 'job', jobType: 'rebootServer', code: 'Ecs.0227', message: 'Failed to reboot.' });
    const task = await accepted(await batch({ action: 'reboot', ids: [WEB] }));
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({ code: 'Ecs.0227', message: 'Failed to reboot.', service: 'ecs' });
  });

  it('validates the action and is closed to viewers', async () => {
    const res = await batch({ action: 'pause', ids: [] });
    expect(res.status).toBe(400);
    expect((res.body.error.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['action', 'ids']);
    expect((await c.viewer.send('post', '/api/v1/servers/batch-action', { action: 'stop', ids: [WEB] })).status).toBe(403);
  });
});
