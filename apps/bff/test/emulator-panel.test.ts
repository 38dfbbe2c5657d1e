import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SERVERS } from '@console/emulator';
import type { CallEntry, EmulatorQuotas, EmulatorStatus, Task } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';
import { listen, SseClient } from './sse.ts';
import { loginAs, makeApp, testProfile } from './helpers.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

describe('emulator control panel', () => {
  it('injects a job failure that the next create task reports with the injected code, then clears', async () => {
    const added = await c.operator.send('post', '/api/v1/emulator/faults', { kind: 'job', jobType: 'createVolume', code: 'EVS.2001', message: 'injected by QA' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const status = (await c.operator.get('/api/v1/emulator')).body as EmulatorStatus;
    expect(status.faults).toEqual([expect.objectContaining({ kind: 'job', jobType: 'createVolume', code: 'EVS.2001' })]);

    const res = await c.operator.send('post', '/api/v1/disks', { availabilityZone: 'cn-north-4a', type: 'SSD', sizeGiB: 10, name: 'doomed' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = await c.settled((res.body.task as Task).id);
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({ code: 'EVS.2001', service: 'evs' });

    await c.operator.send('delete', '/api/v1/emulator/faults').expect(200);
    expect(((await c.operator.get('/api/v1/emulator')).body as EmulatorStatus).faults).toEqual([]);
    const again = await c.operator.send('post', '/api/v1/disks', { availabilityZone: 'cn-north-4a', type: 'SSD', sizeGiB: 10, name: 'fine' });
    expect((await c.settled(again.body.task.id)).status).toBe('succeeded');
  });

  it('a refusal it injects reaches the console with the request id of the recorded call', async () => {
    await c.operator.send('post', '/api/v1/emulator/faults', { kind: 'error', service: 'ecs', operation: 'AttachServerVolume', rate: 1, status: 400, code: 'Ecs.0005', message: 'injected refusal' }).expect(201);
    const web = DEMO_SERVERS['web-01'];
    const server = (await c.viewer.get(`/api/v1/servers/${web}`)).body as { availabilityZone: string };
    const created = await c.operator.send('post', '/api/v1/disks', { availabilityZone: server.availabilityZone, type: 'SSD', sizeGiB: 10, name: 'refused-attach' });
    const disk = (await c.settled((created.body.task as Task).id)).targets[0]!;
    const refused = await c.operator.send('post', `/api/v1/servers/${web}/volumes`, { diskId: disk.id });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    const upstream = refused.body.error.upstream as { code: string; requestId: string };
    expect(upstream).toMatchObject({ service: 'ecs', code: 'Ecs.0005', requestId: expect.any(String) });
    const calls = (await c.operator.get(`/api/v1/calls?requestId=${upstream.requestId}`)).body.items as CallEntry[];
    expect(calls).toEqual([expect.objectContaining({ service: 'ecs', method: 'POST', status: 400, errorCode: 'Ecs.0005' })]);
  });

  it('announces a fault that wore out inside the emulator, so no badge stays behind', async () => {
    await c.operator.send('post', '/api/v1/emulator/faults', { kind: 'job', jobType: 'createVolume', code: 'EVS.2001' }).expect(201);
    await c.operator.send('post', '/api/v1/emulator/faults', { kind: 'latency', service: 'evs', fixedMs: 1 }).expect(201);
    const http = await listen(c.app);
    const sse = await SseClient.open(http.url, c.viewer.cookie);
    const res = await c.operator.send('post', '/api/v1/disks', { availabilityZone: 'cn-north-4a', type: 'SSD', sizeGiB: 10, name: 'wears-out' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    // the job fault was used up by that create; the latency fault stays
    await sse.until((m) => m.some((x) => x.event === 'emulator'));
    const announced = sse.messages.filter((x) => x.event === 'emulator').map((x) => (JSON.parse(x.data) as { status: EmulatorStatus }).status);
    expect(announced.at(-1)!.faults).toEqual([expect.objectContaining({ kind: 'latency' })]);
    sse.close();
    await http.close();
  });

  it('freezes and advances the clock, and tells every console about it', async () => {
    const http = await listen(c.app);
    const sse = await SseClient.open(http.url, c.viewer.cookie);
    const frozen = (await c.operator.send('post', '/api/v1/emulator/clock', { action: 'freeze' }).expect(200)).body as EmulatorStatus;
    expect(frozen.clock.frozen).toBe(true);
    const later = (await c.operator.send('post', '/api/v1/emulator/clock', { action: 'advance', seconds: 3600 }).expect(200)).body as EmulatorStatus;
    expect(Date.parse(later.clock.now.replace(/Z?$/, 'Z')) - Date.parse(frozen.clock.now.replace(/Z?$/, 'Z'))).toBeGreaterThanOrEqual(3600_000);
    await sse.until((m) => m.filter((x) => x.event === 'emulator').length >= 2);
    sse.close();
    await http.close();
    await c.operator.send('post', '/api/v1/emulator/clock', { action: 'resume' }).expect(200);
  });

  it('reseeds and announces that everything shown is stale', async () => {
    const http = await listen(c.app);
    const sse = await SseClient.open(http.url, c.viewer.cookie);
    await c.operator.send('post', '/api/v1/emulator/reset').expect(200);
    expect((await c.viewer.get('/api/v1/disks')).body.total).toBe(0);
    await c.operator.send('post', '/api/v1/emulator/seed', { set: 'demo' }).expect(200);
    expect((await c.viewer.get('/api/v1/disks')).body.total).toBeGreaterThan(0);
    await sse.until((m) => m.filter((x) => x.event === 'reset').length >= 2);
    sse.close();
    await http.close();
  });

  it('lowers a quota so that the cloud refuses a create with its quota code, and reports usage', async () => {
    const before = (await c.operator.get('/api/v1/emulator/quotas').expect(200)).body as EmulatorQuotas;
    const volumes = before.items.find((q) => q.key === 'volumes')!;
    expect(volumes.inUse).toBeGreaterThan(0);
    const set = (await c.operator.send('put', '/api/v1/emulator/quotas', { volumes: volumes.inUse }).expect(200)).body as EmulatorQuotas;
    expect(set.items.find((q) => q.key === 'volumes')).toMatchObject({ limit: volumes.inUse, inUse: volumes.inUse });
    const refused = await c.operator.send('post', '/api/v1/disks', { availabilityZone: 'cn-north-4a', type: 'SSD', sizeGiB: 10, name: 'over-quota' });
    expect(refused.status, JSON.stringify(refused.body)).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(refused.body)).toContain('EVS.1034');
    const bad = await c.operator.send('put', '/api/v1/emulator/quotas', { volumes: -2, backups: 3 }).expect(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('volumes');
    await c.operator.send('put', '/api/v1/emulator/quotas', {}).expect(400);
  });

  it('validates requests and keeps viewers out', async () => {
    const bad = await c.operator.send('post', '/api/v1/emulator/faults', { kind: 'error', rate: 2, status: 200, code: '' }).expect(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'rate', 'status']);
    await c.viewer.get('/api/v1/emulator').expect(403);
  });

  it('refuses when the active profile is a real cloud', async () => {
    const { app } = await makeApp({ profiles: [testProfile('prod')] });
    const admin = await loginAs(app);
    const res = await admin.get('/api/v1/emulator').expect(409);
    expect(res.body.error.code).toBe('NOT_EMULATOR');
  });
});
