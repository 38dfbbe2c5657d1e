import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SERVERS } from '@console/emulator';
import type { ConsoleEvent, Disk, Server, ServerDisk, Task } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const WEB = DEMO_SERVERS['web-01'];
const DB = DEMO_SERVERS['db-01'];

const server = async (id: string) => (await c.viewer.get(`/api/v1/servers/${id}`)).body as Server;
const disk = async (id: string) => c.viewer.get(`/api/v1/disks/${id}`);
const diskNamed = async (name: string): Promise<Disk> => ((await c.viewer.get(`/api/v1/disks?name=${name}`)).body.items as Disk[]).find((d) => d.name === name)!;
const accepted = async (res: { status: number; body: { task?: Task } }): Promise<Task> => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return c.settled(res.body.task!.id);
};
const post = (path: string, body?: object) => c.operator.send('post', `/api/v1/servers${path}`, body);

describe('resizing', () => {
  it('resizes a stopped server through the ECS job; it stays stopped', async () => {
    const task = await accepted(await post(`/${DB}/resize`, { flavorId: 'm3.2xlarge.8' }));
    expect(task).toMatchObject({ kind: 'server.resize', status: 'succeeded', upstream: { jobId: expect.any(String) } });
    expect(await server(DB)).toMatchObject({ status: 'SHUTOFF', flavor: { id: 'm3.2xlarge.8', vcpus: 8, ramMiB: 65536 } });
  });

  it('resizes a running server, which waits for confirmation, then keeps or reverts the flavor', async () => {
    expect((await accepted(await post(`/${WEB}/resize`, { flavorId: 's3.xlarge.2' }))).status).toBe('succeeded');
    expect(await server(WEB)).toMatchObject({ status: 'VERIFY_RESIZE', statusText: 'verifyResize', flavor: { id: 's3.xlarge.2' } });
    expect((await accepted(await post(`/${WEB}/confirm-resize`))).status).toBe('succeeded');
    expect(await server(WEB)).toMatchObject({ status: 'ACTIVE', flavor: { id: 's3.xlarge.2', vcpus: 4 } });

    expect((await accepted(await post(`/${WEB}/resize`, { flavorId: 's3.2xlarge.2' }))).status).toBe('succeeded');
    expect((await accepted(await post(`/${WEB}/revert-resize`))).status).toBe('succeeded');
    expect(await server(WEB)).toMatchObject({ status: 'ACTIVE', flavor: { id: 's3.xlarge.2' } });
  });

  it('says why before asking the cloud', async () => {
    const same = await post(`/${DB}/resize`, { flavorId: 'm3.xlarge.8' });
    expect(same.body.error.fields).toEqual([{ path: 'flavorId', message: 'db-01 already has m3.xlarge.8; choose another flavor' }]);
    const unknown = await post(`/${DB}/resize`, { flavorId: 'x9.huge.1' });
    expect(unknown.body.error.fields).toEqual([{ path: 'flavorId', message: 'no such flavor in this region' }]);
    const confirm = await post(`/${DB}/confirm-resize`);
    expect(confirm.status).toBe(409);
    expect(confirm.body.error).toMatchObject({ code: 'SERVER_STATUS', message: 'db-01 is SHUTOFF; confirming a resize needs it VERIFY_RESIZE' });
  });
});

describe('locking and renaming', () => {
  it('locks a server against operations and unlocks it', async () => {
    const lock = await post(`/${DB}/lock`);
    expect(lock.body.server.locked).toBe(true);
    expect((await c.settled(lock.body.task.id)).status).toBe('succeeded');
    expect((await server(DB)).locked).toBe(true);
    const refused = await post(`/${DB}/resize`, { flavorId: 'm3.2xlarge.8' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SERVER_LOCKED');
    await accepted(await post(`/${DB}/unlock`));
    expect((await server(DB)).locked).toBe(false);
  });

  it('renames a server; the disk views name it at once', async () => {
    expect((await diskNamed('web-01-data')).attachments[0]!.serverName).toBe('web-01');
    const res = await c.operator.send('patch', `/api/v1/servers/${WEB}`, { name: 'web-primary' });
    expect(res.body.server.name).toBe('web-primary');
    expect((await c.settled(res.body.task.id)).status).toBe('succeeded');
    expect((await server(WEB)).name).toBe('web-primary');
    expect((await diskNamed('web-01-data')).attachments[0]!.serverName).toBe('web-primary');
    const blank = await c.operator.send('patch', `/api/v1/servers/${WEB}`, { name: '  ' });
    expect(blank.body.error.fields).toEqual([{ path: 'name', message: 'required' }]);
    await accepted(await c.operator.send('patch', `/api/v1/servers/${WEB}`, { name: 'web-01' }));
  });
});

describe('attaching and detaching disks', () => {
  it('attaches a new disk, names the server in the disk, and detaches it again', async () => {
    const zone = (await server(WEB)).availabilityZone;
    const created = await accepted(await c.operator.send('post', '/api/v1/disks', { name: 'scratch', availabilityZone: zone, type: 'SSD', sizeGiB: 10 }));
    const diskId = created.targets[0]!.id;
    const events: ConsoleEvent[] = [];
    const stop = c.ctx.bus.subscribe((e) => events.push(e.event));

    const attach = await accepted(await post(`/${WEB}/volumes`, { diskId }));
    expect(attach).toMatchObject({ kind: 'server.attach-disk', status: 'succeeded', targets: [{ type: 'server', id: WEB }, { type: 'disk', id: diskId }] });
    const attached = (await disk(diskId)).body as Disk;
    expect(attached).toMatchObject({ status: 'in-use', attachments: [{ serverId: WEB, serverName: 'web-01', device: '/dev/vdd' }] });
    const volumes = (await c.viewer.get(`/api/v1/servers/${WEB}/volumes`)).body.items as ServerDisk[];
    expect(volumes.find((v) => v.diskId === diskId)).toMatchObject({ name: 'scratch', device: '/dev/vdd', system: false, sizeGiB: 10, status: 'in-use' });
    const changed = (type: string) => events.filter((e) => e.type === 'resource' && e.resource.type === type).map((e) => (e.type === 'resource' ? e.resource.id : ''));
    expect(changed('disk')).toContain(diskId);
    expect(changed('server')).toContain(WEB);

    events.length = 0;
    const detach = await accepted(await c.operator.send('delete', `/api/v1/servers/${WEB}/volumes/${diskId}`));
    expect(detach.status).toBe('succeeded');
    expect((await disk(diskId)).body).toMatchObject({ status: 'available', attachments: [] });
    expect(changed('disk')).toContain(diskId);
    expect(changed('server')).toContain(WEB);
    stop();
  });

  it('refuses the system disk of a running server, and disks that cannot attach', async () => {
    const system = await diskNamed('web-01-system');
    const res = await c.operator.send('delete', `/api/v1/servers/${WEB}/volumes/${system.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'SYSTEM_DISK_ATTACHED', message: 'The system disk detaches only from a stopped server; web-01 is ACTIVE, stop it first' });
    const otherZone = await diskNamed('backup-staging');
    const far = await post(`/${WEB}/volumes`, { diskId: otherZone.id });
    expect(far.status).toBe(409);
    expect(far.body.error.code).toBe('DISK_ZONE');
    const bad = await post(`/${WEB}/volumes`, { diskId: otherZone.id, device: '/dev/vda' });
    expect(bad.body.error.fields).toEqual([{ path: 'device', message: 'a data disk device such as /dev/vdb' }]);
  });

  it('ends failed with the cloud\'s code when the attach job fails, and the disk is available again', async () => {
    const zone = (await server(WEB)).availabilityZone;
    const created = await accepted(await c.operator.send('post', '/api/v1/disks', { availabilityZone: zone, type: 'SSD', sizeGiB: 10 }));
    await c.control('POST', '/faults', { kind: 'job', jobType: 'attachVolume', code: 'Ecs.0205', message: 'Failed to attach the data disk.' });
    const task = await accepted(await post(`/${WEB}/volumes`, { diskId: created.targets[0]!.id }));
    expect(task).toMatchObject({ status: 'failed', error: { code: 'Ecs.0205', service: 'ecs' } });
    expect((await disk(created.targets[0]!.id)).body.status).toBe('available');
  });
});

describe('deleting servers', () => {
  it('deletes a server with its data disks; a shared disk stays with its other server', async () => {
    const [system, data, shared] = await Promise.all([diskNamed('db-01-system'), diskNamed('db-01-data'), diskNamed('shared-logs')]);
    const task = await accepted(await c.operator.send('post', '/api/v1/servers/batch-delete', { ids: [DB], deleteVolumes: true }));
    expect(task).toMatchObject({ kind: 'server.delete', status: 'succeeded', targets: [{ id: DB, name: 'db-01' }] });
    expect((await c.viewer.get(`/api/v1/servers/${DB}`)).status).toBe(404);
    expect((await disk(system.id)).status).toBe(404);
    expect((await disk(data.id)).status).toBe(404);
    expect((await disk(shared.id)).body).toMatchObject({ status: 'in-use', attachments: [{ serverId: WEB, serverName: 'web-01' }] });
  });

  it('keeps the data disks by default and refuses a locked server', async () => {
    const bastion = ((await c.viewer.get('/api/v1/servers?name=bastion')).body.items as Server[])[0]!;
    const data = await diskNamed('web-01-data');
    const task = await accepted(await c.operator.send('post', '/api/v1/servers/batch-delete', { ids: [WEB, bastion.id] }));
    expect(task.status).toBe('partially_failed');
    expect(task.subtasks[1]).toMatchObject({ status: 'failed', error: { code: 'SERVER_LOCKED', message: 'bastion is locked; unlock it first' } });
    expect((await disk(data.id)).body).toMatchObject({ status: 'available', attachments: [] });
  });
});
