import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Task } from '@console/contract';
import type { Probe, ProbeResult, Tracking } from '../src/tasks/types.ts';
import { loginAs, makeApp, testProfile, withUser } from './helpers.ts';
import { listen, SseClient } from './sse.ts';

/** A scripted upstream: each job id answers its list of results in turn, the last one forever. */
function scriptedProbe(script: Record<string, ProbeResult[]>) {
  const calls = new Map<string, number>();
  const probe: Probe = async (_profile, tracking: Tracking) => {
    const key = tracking.mode === 'job' ? tracking.jobId : tracking.mode === 'resource' ? tracking.resource.id : 'done';
    const n = calls.get(key) ?? 0;
    calls.set(key, n + 1);
    const answers = script[key];
    if (!answers) throw new Error(`no script for ${key}`);
    return answers[Math.min(n, answers.length - 1)]!;
  };
  return { probe, calls };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(probe: Probe, opts: { dbFile?: string; profiles?: ReturnType<typeof testProfile>[] } = {}) {
  const made = await makeApp({ probe, ...opts });
  made.ctx.tracker.start();
  const http = await listen(made.app);
  cleanups.push(() => made.ctx.tracker.stop(), () => http.close());
  const admin = await loginAs(made.app);
  return { ...made, http, admin };
}

const taskEvents = (c: SseClient) => c.messages.filter((m) => m.event === 'task').map((m) => JSON.parse(m.data).task as Task);

describe('task tracker and event stream', () => {
  it('streams a job-tracked task from running to succeeded, in order, with resource changes', async () => {
    const { probe } = scriptedProbe({
      'job-1': [{ state: 'running', progress: 30 }, { state: 'running', progress: 60 }, { state: 'succeeded', status: 'available', entities: [{ type: 'disk', id: 'vol-1' }] }],
    });
    const { ctx, http, admin } = await setup(probe);
    const sse = await SseClient.open(http.url, admin.cookie);
    cleanups.push(() => sse.close());

    const task = ctx.tasks.start({
      kind: 'disk.create', profileId: 'emulator', username: 'admin', targets: [{ type: 'disk', id: 'vol-1', name: 'data' }],
      subtasks: [{ target: { type: 'disk', id: 'vol-1' }, tracking: { mode: 'job', service: 'evs', jobId: 'job-1' } }],
      upstream: { service: 'evs', jobId: 'job-1', requestId: 'req-1' },
    });
    expect(task.status).toBe('running');
    await sse.until((m) => taskEvents({ messages: m } as SseClient).some((t) => t.status === 'succeeded'));

    const seen = taskEvents(sse);
    expect(seen.map((t) => t.progress)).toEqual([0, 30, 60, 100]);
    expect(seen.at(-1)).toMatchObject({ id: task.id, status: 'succeeded', finishedAt: expect.any(String) });
    const ids = sse.messages.map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const resource = sse.messages.find((m) => m.event === 'resource');
    expect(JSON.parse(resource!.data)).toEqual({ type: 'resource', resource: { type: 'disk', id: 'vol-1' }, status: 'available' });

    const fetched = await admin.get(`/api/v1/tasks/${task.id}`).expect(200);
    expect(fetched.body.status).toBe('succeeded');
    const list = await admin.get('/api/v1/tasks?resourceId=vol-1').expect(200);
    expect(list.body.items.map((t: Task) => t.id)).toEqual([task.id]);
  });

  it('marks a batch with one failed item as partially failed, with the reason on that item', async () => {
    const { probe } = scriptedProbe({
      a: [{ state: 'succeeded' }],
      b: [{ state: 'running' }, { state: 'failed', error: { code: 'EVS.2024', message: 'disk is in use', service: 'evs', requestId: 'r-b' } }],
      c: [{ state: 'succeeded' }],
    });
    const { ctx, admin } = await setup(probe);
    const task = ctx.tasks.start({
      kind: 'disk.delete', profileId: 'emulator', username: 'admin', targets: ['a', 'b', 'c'].map((id) => ({ type: 'disk' as const, id })),
      subtasks: ['a', 'b', 'c'].map((id) => ({ target: { type: 'disk' as const, id }, tracking: { mode: 'job' as const, service: 'evs' as const, jobId: id } })),
    });
    await expect.poll(async () => (await admin.get(`/api/v1/tasks/${task.id}`)).body.status, { timeout: 10_000 }).toBe('partially_failed');
    const done = (await admin.get(`/api/v1/tasks/${task.id}`)).body as Task;
    expect(done.subtasks.map((s) => s.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(done.subtasks[1]!.error).toEqual({ code: 'EVS.2024', message: 'disk is in use', service: 'evs', requestId: 'r-b' });
    expect(done.error?.code).toBe('EVS.2024');
  });

  it('an item refused up front fails without polling; all refused means failed', async () => {
    const { probe, calls } = scriptedProbe({});
    const { ctx } = await setup(probe);
    const task = ctx.tasks.start({
      kind: 'disk.delete', profileId: 'emulator', username: 'admin', targets: [{ type: 'disk', id: 'x' }],
      subtasks: [{ target: { type: 'disk', id: 'x' }, tracking: { mode: 'done' }, error: { code: 'EVS.2032', message: 'in-use' } }],
    });
    expect(task.status).toBe('failed');
    expect(calls.size).toBe(0);
  });

  it('polls upstream once per interval however many browsers watch', async () => {
    const { probe, calls } = scriptedProbe({ 'job-w': [{ state: 'running' }, { state: 'running' }, { state: 'running' }, { state: 'running' }, { state: 'succeeded' }] });
    const { ctx, http, admin } = await setup(probe);
    const watchers = await Promise.all(Array.from({ length: 50 }, () => SseClient.open(http.url, admin.cookie)));
    cleanups.push(() => watchers.forEach((w) => w.close()));
    const task = ctx.tasks.start({
      kind: 'disk.create', profileId: 'emulator', username: 'admin', targets: [],
      subtasks: [{ tracking: { mode: 'job', service: 'evs', jobId: 'job-w' } }],
    });
    await Promise.all(watchers.map((w) => w.until((m) => m.some((x) => x.event === 'task' && JSON.parse(x.data).task.status === 'succeeded'))));
    expect(calls.get('job-w')).toBe(5);
    expect(ctx.tracker.pollCounts.get(task.id)).toBe(5);
  });

  it('replays what a reconnecting browser missed, from Last-Event-ID', async () => {
    const { probe } = scriptedProbe({});
    const { ctx, http, admin } = await setup(probe);
    const first = await SseClient.open(http.url, admin.cookie);
    const publish = (n: number) => ctx.bus.publish('emulator', { type: 'resource', resource: { type: 'disk', id: `d${n}` }, status: 'available' });
    for (let i = 0; i < 3; i++) publish(i);
    await first.until((m) => m.length === 3);
    const lastSeen = first.messages.at(-1)!.id!;
    first.close();

    for (let i = 3; i < 8; i++) publish(i);
    const again = await SseClient.open(http.url, admin.cookie, lastSeen);
    cleanups.push(() => again.close());
    publish(8);
    await again.until((m) => m.length === 6);
    expect(again.messages.map((m) => JSON.parse(m.data).resource.id)).toEqual(['d3', 'd4', 'd5', 'd6', 'd7', 'd8']);
  });

  it('shows a user only the tasks and events of the profiles they may use', async () => {
    const { probe } = scriptedProbe({});
    const { ctx, http, app, users } = await setup(probe, { profiles: [testProfile('emulator'), testProfile('prod', { allowedUsers: ['ops'] })] });
    await withUser(users, 'guest', 'viewer');
    const guest = await loginAs(app, 'guest', 'guest-password-123');
    const sse = await SseClient.open(http.url, guest.cookie);
    cleanups.push(() => sse.close());
    const hidden = ctx.tasks.start({ kind: 'disk.create', profileId: 'prod', username: 'admin', targets: [], subtasks: [{ tracking: { mode: 'done' } }] });
    const shown = ctx.tasks.start({ kind: 'disk.create', profileId: 'emulator', username: 'admin', targets: [], subtasks: [{ tracking: { mode: 'done' } }] });
    await sse.until((m) => m.length >= 1);
    expect(taskEvents(sse).map((t) => t.id)).toEqual([shown.id]);
    await guest.get(`/api/v1/tasks/${hidden.id}`).expect(404);
    expect((await guest.get('/api/v1/tasks')).body.items.map((t: Task) => t.id)).toEqual([shown.id]);
  });

  it('cuts off a client that stops reading instead of buffering without bound', async () => {
    const { probe } = scriptedProbe({});
    const made = await makeApp({ probe, events: { maxBufferedBytes: 64 * 1024 } });
    const http = await listen(made.app);
    cleanups.push(() => http.close());
    const admin = await loginAs(made.app);
    const stalled = await SseClient.open(http.url, admin.cookie, undefined, true);
    const big = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 2000 && !stalled.closed; i++) {
      made.ctx.bus.publish('emulator', { type: 'resource', resource: { type: 'disk', id: `${i}`, name: big }, status: 'available' });
      if (i % 100 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    stalled.res!.resume();
    await stalled.until(() => false, 5000).catch(() => undefined);
    expect(stalled.closed).toBe(true);
    expect(made.ctx.bus.subscriberCount).toBe(0);
  });
});

describe('restart', () => {
  it('resumes open tasks from the store after the BFF restarts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-restart-'));
    const dbFile = path.join(dir, 'console.db');
    const first = scriptedProbe({ 'job-r': [{ state: 'running', progress: 10 }] });
    const a = await setup(first.probe, { dbFile });
    const task = a.ctx.tasks.start({
      kind: 'disk.create', profileId: 'emulator', username: 'admin', targets: [],
      subtasks: [{ tracking: { mode: 'job', service: 'evs', jobId: 'job-r' } }],
    });
    await expect.poll(() => first.calls.get('job-r') ?? 0).toBeGreaterThan(0);
    await a.ctx.tracker.stop();
    a.db.close();

    const second = scriptedProbe({ 'job-r': [{ state: 'succeeded' }] });
    const b = await setup(second.probe, { dbFile });
    await expect.poll(async () => (await b.admin.get(`/api/v1/tasks/${task.id}`)).body.status, { timeout: 10_000 }).toBe('succeeded');
    b.db.close();
  });
});
