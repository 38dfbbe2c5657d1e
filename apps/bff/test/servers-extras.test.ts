import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SERVERS, emulatorDefaults } from '@console/emulator';
import { sign } from '@console/signer';
import type { AuditPage, CallPage, ConsoleEvent, KeyPair, SecurityGroup, Server, ServerNic, ServerOperation, Task } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

// The emulator's catalog: bootable images, the demo VPC and its application subnet.
const UBUNTU = '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01';
const CENTOS = '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b02';
const VPC = '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60';
const SUBNET = '8a1f2e3d-4c5b-4a69-8e7d-6c5b4a392811';
const WEB = DEMO_SERVERS['web-01'];
const DB = DEMO_SERVERS['db-01'];
const PASSWORD = 'Sup3r-Secret-Pass';

const server = async (id: string) => (await c.viewer.get(`/api/v1/servers/${id}`)).body as Server;
const accepted = async (res: { status: number; body: { task?: Task } }): Promise<Task> => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return c.settled(res.body.task!.id);
};
const post = (path: string, body?: object) => c.operator.send('post', `/api/v1/servers${path}`, body);

/** Key pairs are made outside the console (it only lists them): straight to the emulator's Nova API. */
async function createKeypair(name: string): Promise<void> {
  const { url, info } = c.emulator;
  const target = `${url}/ecs/v2.1/${info.projectId}/os-keypairs`;
  const body = JSON.stringify({ keypair: { name } });
  const headers = sign({ method: 'POST', url: target, headers: { 'Content-Type': 'application/json' }, body }, { ak: info.ak, sk: emulatorDefaults.sk, projectId: info.projectId });
  const res = await fetch(target, { method: 'POST', headers, body });
  expect(res.status).toBe(200);
}

describe('reinstalling and changing the OS', () => {
  it('reinstalls a stopped server with a key pair and changes its OS with a password', async () => {
    await createKeypair('ops-key');
    const reinstall = await accepted(await post(`/${DB}/reinstall`, { keyName: 'ops-key' }));
    expect(reinstall).toMatchObject({ kind: 'server.reinstall', status: 'succeeded', upstream: { jobId: expect.any(String) } });
    expect(await server(DB)).toMatchObject({ status: 'SHUTOFF', keyName: 'ops-key' });

    const target = (await server(DB)).image!.id === UBUNTU ? CENTOS : UBUNTU;
    const change = await accepted(await post(`/${DB}/change-os`, { imageId: target, adminPass: PASSWORD }));
    expect(change).toMatchObject({ kind: 'server.change-os', status: 'succeeded' });
    expect((await server(DB)).image!.id).toBe(target);
  });

  it('refuses a running server and bad logins before asking the cloud', async () => {
    const running = await post(`/${WEB}/reinstall`, {});
    expect(running.status).toBe(409);
    expect(running.body.error).toMatchObject({ code: 'SERVER_STATUS', message: 'web-01 is ACTIVE; reinstalling or changing the OS needs it SHUTOFF or ERROR' });
    const both = await post(`/${DB}/reinstall`, { keyName: 'k', adminPass: PASSWORD });
    expect(both.status).toBe(400);
    expect(both.body.error.fields).toEqual([{ path: 'keyName', message: 'log in with a password or a key pair, not both' }]);
    const weak = await post(`/${DB}/change-os`, { imageId: UBUNTU, adminPass: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['adminPass']);
    expect(JSON.stringify(weak.body)).not.toContain('"password"');
    const noImage = await post(`/${DB}/change-os`, {});
    expect(noImage.body.error.fields).toEqual([{ path: 'imageId', message: 'required' }]);
  });

  it('keeps the password out of the audit log, the task and the call inspector', async () => {
    await accepted(await post(`/${DB}/change-os`, { imageId: UBUNTU, adminPass: PASSWORD }));
    const audit = await c.admin.get('/api/v1/audit?limit=20');
    const calls = await c.operator.get('/api/v1/calls?limit=50');
    const tasks = await c.operator.get('/api/v1/tasks?limit=20');
    for (const body of [audit.body as AuditPage, calls.body as CallPage, tasks.body]) expect(JSON.stringify(body)).not.toContain(PASSWORD);
    expect((calls.body as CallPage).items.some((call) => call.path.endsWith('/changeos'))).toBe(true);
  });
});

describe('tags', () => {
  it('replaces the tag set; the list filters by the new tags', async () => {
    const res = await c.operator.send('put', `/api/v1/servers/${WEB}/tags`, { tags: { env: 'staging', team: '' } });
    expect(res.body.server.tags).toEqual({ env: 'staging', team: '' });
    expect((await accepted(res)).status).toBe('succeeded');
    expect((await server(WEB)).tags).toEqual({ env: 'staging', team: '' });
    const staged = (await c.viewer.get('/api/v1/servers?tag=env%3Dstaging')).body.items as Server[];
    expect(staged.map((s) => s.name)).toEqual(['web-01']);
  });

  it('says which tag breaks the rules', async () => {
    const res = await c.operator.send('put', `/api/v1/servers/${WEB}/tags`, { tags: { 'a/b': 'x', ok: 'fine' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'tags.a/b', message: 'a tag has no ",", "/" or control characters' }]);
  });

  it('tags the servers it creates', async () => {
    const res = await c.operator.send('post', '/api/v1/servers', {
      name: 'tagged', flavorId: 's3.medium.2', imageId: UBUNTU, vpcId: VPC, nics: [{ subnetId: SUBNET }], rootVolume: { type: 'SSD', sizeGiB: 40 },
      adminPass: PASSWORD, tags: { env: 'dev', owner: 'qa' },
    });
    const task = await accepted(res);
    expect(task.status).toBe('succeeded');
    const id = task.targets[0]!.id;
    expect(await server(id)).toMatchObject({ name: 'tagged', status: 'ACTIVE', tags: { env: 'dev', owner: 'qa' } });
  });
});

describe('live status', () => {
  it('tells watching browsers at once that the servers are stopping, then that they changed', async () => {
    const events: ConsoleEvent[] = [];
    const stop = c.ctx.bus.subscribe((e) => events.push(e.event));
    try {
      const res = await c.operator.send('post', '/api/v1/servers/batch-action', { action: 'stop', ids: [WEB, DB] });
      expect(res.status).toBe(202);
      const about = (id: string) => events.flatMap((e) => (e.type === 'resource' && e.resource.id === id ? [e.status] : []));
      // db-01 is already stopped: refused, so nothing is announced for it.
      expect(about(WEB)[0]).toBe('powering-off');
      expect(about(DB)).toEqual([]);
      await c.settled(res.body.task.id);
      expect(about(WEB).length).toBeGreaterThan(1);
    } finally {
      stop();
    }
  });
});

describe('what the detail page reads', () => {
  it('lists NICs, security groups and the operation history', async () => {
    const nics = (await c.viewer.get(`/api/v1/servers/${WEB}/nics`)).body.items as ServerNic[];
    expect(nics).toEqual([expect.objectContaining({ subnetId: expect.any(String), ipAddress: (await server(WEB)).addresses.private[0], mac: expect.stringMatching(/^fa:16:3e:/), state: 'ACTIVE' })]);

    const groups = await c.viewer.get(`/api/v1/servers/${WEB}/security-groups`);
    expect(groups.status).toBe(200);
    for (const g of groups.body.items as SecurityGroup[]) expect(g.rules.every((r) => r.direction === 'ingress')).toBe(true);

    await accepted(await c.operator.send('post', '/api/v1/servers/batch-action', { action: 'stop', ids: [WEB] }));
    const ops = (await c.viewer.get(`/api/v1/servers/${WEB}/operations`)).body.items as ServerOperation[];
    expect(ops[0]).toMatchObject({ action: 'stop', requestId: expect.any(String), startedAt: expect.stringMatching(/Z$/) });
  });

  it('names the image each server boots from', async () => {
    const web = await server(WEB);
    expect(web.image!.name).toEqual(expect.any(String));
    expect(web.image!.name).not.toBe(web.image!.id);
    const listed = ((await c.viewer.get('/api/v1/servers?name=web-01')).body.items as Server[])[0]!;
    expect(listed.image).toEqual(web.image);
  });

  it('lists key pairs by name and fingerprint', async () => {
    expect((await c.viewer.get('/api/v1/keypairs')).body.items).toEqual([]);
    await createKeypair('deploy');
    const items = (await c.viewer.get('/api/v1/keypairs')).body.items as KeyPair[];
    expect(items).toEqual([{ name: 'deploy', fingerprint: expect.any(String), type: 'ssh' }]);
  });

  it('answers 404 for a server that does not exist', async () => {
    for (const part of ['nics', 'security-groups', 'operations']) {
      const res = await c.viewer.get(`/api/v1/servers/0a0b0c0d-0000-4000-8000-000000000000/${part}`);
      expect(res.status, part).toBe(404);
    }
  });
});
