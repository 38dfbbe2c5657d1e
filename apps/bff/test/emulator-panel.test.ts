import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorStatus, Task } from '@console/contract';
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
