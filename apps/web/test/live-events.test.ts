import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Task, TaskPage } from '@console/contract';
import { handleStreamMessage, type LiveContext } from '../src/app/liveDispatch.ts';
import { applyTaskEvent, knownTaskStatus, patchTaskPage, taskKeys, type TaskListParams } from '../src/features/tasks/taskCache.ts';
import { LiveEventStream, backoffDelay, parseEvent, streamUrl, type EventSourceLike, type StreamMessage } from '../src/lib/events.ts';
import { patchResourceStatus, registerResourceEvents } from '../src/lib/resourceEvents.ts';

let clock = Date.parse('2024-05-03T10:00:00Z');
function task(id: string, overrides: Partial<Task> = {}): Task {
  const at = new Date((clock += 1000)).toISOString();
  return {
    id,
    kind: 'disk.create',
    profileId: 'emulator',
    username: 'alice',
    status: 'running',
    progress: 10,
    targets: [{ type: 'disk', id: `vol-${id}` }],
    subtasks: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
const later = (t: Task, overrides: Partial<Task>): Task => ({ ...t, updatedAt: new Date(Date.parse(t.updatedAt) + 5000).toISOString(), ...overrides });
const ids = (page: TaskPage) => page.items.map((item) => item.id);

describe('task event → cached page', () => {
  const a = task('a');
  const b = task('b');
  const c = task('c');
  const page: TaskPage = { items: [c, b, a], nextBefore: null };
  const all: TaskListParams = { limit: 50 };

  it('updates a task in place', () => {
    const next = patchTaskPage(page, later(b, { status: 'succeeded', progress: 100 }), all);
    expect(ids(next)).toEqual(['c', 'b', 'a']);
    expect(next.items[1]).toMatchObject({ status: 'succeeded', progress: 100 });
  });

  it('keeps a newer cached state than a replayed event', () => {
    const fresher: TaskPage = { items: [later(b, { status: 'succeeded' })], nextBefore: null };
    expect(patchTaskPage(fresher, b, all)).toBe(fresher);
  });

  it('puts a new task first on the first page, and only if it matches the filters', () => {
    const d = task('d');
    expect(ids(patchTaskPage(page, d, all))).toEqual(['d', 'c', 'b', 'a']);
    expect(patchTaskPage(page, d, { limit: 50, status: 'failed' })).toBe(page);
    expect(patchTaskPage(page, d, { limit: 50, username: 'bob' })).toBe(page);
    expect(ids(patchTaskPage(page, d, { limit: 50, resourceId: 'vol-d' }))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('passes the last task of a full page on to the next page', () => {
    const full: TaskPage = { items: [c, b], nextBefore: null };
    const next = patchTaskPage(full, task('d'), { limit: 2 });
    expect(next).toEqual({ items: [expect.objectContaining({ id: 'd' }), c], nextBefore: 'c' });
  });

  it('leaves later pages alone when a newer task arrives', () => {
    const older: TaskPage = { items: [b, a], nextBefore: null };
    expect(patchTaskPage(older, task('d'), { limit: 50, before: 'c' })).toBe(older);
  });

  it('drops a task that no longer matches (the running list loses a finished task)', () => {
    const running: TaskPage = { items: [c, b], nextBefore: null };
    expect(ids(patchTaskPage(running, later(c, { status: 'failed' }), { limit: 100, status: 'open' }))).toEqual(['b']);
  });

  it('slots an older task that now matches in by creation time', () => {
    const failed: TaskPage = { items: [c, a], nextBefore: null };
    expect(ids(patchTaskPage(failed, later(b, { status: 'failed' }), { limit: 50, status: 'failed' }))).toEqual(['c', 'b', 'a']);
  });
});

describe('applying events to the query cache', () => {
  it('patches every task list and the task\'s detail, and knows the last status', () => {
    const client = new QueryClient();
    const t1 = task('t1', { status: 'queued' });
    client.setQueryData(taskKeys.list({ limit: 50 }), { items: [t1], nextBefore: null });
    client.setQueryData(taskKeys.list({ limit: 100, status: 'open' }), { items: [t1], nextBefore: null });
    client.setQueryData(taskKeys.detail('t1'), t1);
    expect(knownTaskStatus(client, 't1')).toBe('queued');

    applyTaskEvent(client, later(t1, { status: 'succeeded', progress: 100 }));
    expect(client.getQueryData<TaskPage>(taskKeys.list({ limit: 50 }))?.items[0]?.status).toBe('succeeded');
    expect(client.getQueryData<TaskPage>(taskKeys.list({ limit: 100, status: 'open' }))?.items).toEqual([]);
    expect(client.getQueryData<Task>(taskKeys.detail('t1'))?.status).toBe('succeeded');
    expect(knownTaskStatus(client, 't1')).toBe('succeeded');
  });

  function context(client: QueryClient, now = Date.parse('2024-05-03T12:00:00Z')) {
    const finished: string[] = [];
    const live: LiveContext = { client, username: 'alice', announced: new Set(), now: () => now, onTaskFinished: (t) => finished.push(t.id) };
    return { live, finished };
  }

  it('announces the person\'s own task finishing once, not someone else\'s, not a replay', () => {
    const client = new QueryClient();
    const { live, finished } = context(client);
    const mine = task('mine');
    const theirs = task('theirs', { username: 'bob' });
    client.setQueryData(taskKeys.list({ limit: 100, status: 'open' }), { items: [mine, theirs], nextBefore: null });
    const done = later(mine, { status: 'failed', finishedAt: mine.updatedAt });
    handleStreamMessage(live, { kind: 'event', event: { type: 'task', task: done } });
    handleStreamMessage(live, { kind: 'event', event: { type: 'task', task: done } });
    handleStreamMessage(live, { kind: 'event', event: { type: 'task', task: later(theirs, { status: 'succeeded' }) } });
    expect(finished).toEqual(['mine']);
  });

  it('announces a quick task first heard of finished, but not one that finished long ago', () => {
    const client = new QueryClient();
    const quick = task('quick', { status: 'succeeded' });
    const { live, finished } = context(client, Date.parse(quick.updatedAt) + 2000);
    handleStreamMessage(live, { kind: 'event', event: { type: 'task', task: { ...quick, finishedAt: quick.updatedAt } } });
    const old = task('old', { status: 'succeeded' });
    handleStreamMessage({ ...live, now: () => Date.parse(old.updatedAt) + 3_600_000 }, { kind: 'event', event: { type: 'task', task: { ...old, finishedAt: old.updatedAt } } });
    expect(finished).toEqual(['quick']);
  });

  it('refetches everything but the session after a reset, and the live lists after a fresh connect', async () => {
    const client = new QueryClient();
    const { live } = context(client);
    for (const key of [['me'], ['tasks', 'list', { limit: 50 }], ['users'], ['disks', 'list']]) client.setQueryData(key, { items: [] });
    handleStreamMessage(live, { kind: 'reset' });
    const stale = () => client.getQueryCache().getAll().filter((query) => query.isStale()).map((query) => query.queryKey[0]).sort();
    expect(stale()).toEqual(['disks', 'tasks', 'users']);

    const fresh = new QueryClient();
    for (const key of [['me'], ['tasks', 'list', { limit: 50 }], ['users']]) fresh.setQueryData(key, { items: [] });
    handleStreamMessage({ ...live, client: fresh }, { kind: 'open', resumed: true });
    expect(fresh.getQueryCache().getAll().some((query) => query.state.isInvalidated)).toBe(false);
    handleStreamMessage({ ...live, client: fresh }, { kind: 'open', resumed: false });
    expect(fresh.getQueryCache().getAll().filter((query) => query.state.isInvalidated).map((query) => query.queryKey[0])).toEqual(['tasks']);
  });

  it('hands resource events to the feature that registered the type', () => {
    const client = new QueryClient();
    const { live } = context(client);
    client.setQueryData(['disks', 'list', {}], { items: [{ id: 'v1', status: 'creating' }, { id: 'v2', status: 'available' }], total: 2 });
    client.setQueryData(['disks', 'detail', 'v1'], { id: 'v1', status: 'creating' });
    const unregister = registerResourceEvents('disk', 'disks');
    handleStreamMessage(live, { kind: 'event', event: { type: 'resource', resource: { type: 'disk', id: 'v1' }, status: 'available' } });
    expect(client.getQueryData(['disks', 'list', {}])).toEqual({ items: [{ id: 'v1', status: 'available' }, { id: 'v2', status: 'available' }], total: 2 });
    expect(client.getQueryData(['disks', 'detail', 'v1'])).toEqual({ id: 'v1', status: 'available' });
    patchResourceStatus(client, 'disks', { type: 'resource', resource: { type: 'disk', id: 'v2' }, status: 'deleted' });
    expect(client.getQueryData(['disks', 'list', {}])).toEqual({ items: [{ id: 'v1', status: 'available' }], total: 1 });
    unregister();
    handleStreamMessage(live, { kind: 'event', event: { type: 'resource', resource: { type: 'disk', id: 'v1' }, status: 'deleting' } });
    expect(client.getQueryData(['disks', 'detail', 'v1'])).toEqual({ id: 'v1', status: 'available' });
  });

  it('fetches the pages again for a resource none of them holds (a backup a policy made)', () => {
    const client = new QueryClient();
    client.setQueryData(['backups', 'list', {}], { items: [{ id: 'b1', status: 'available' }], total: 1 });
    client.setQueryData(['backups', 'detail', 'b1'], { id: 'b1', status: 'available' });
    const stale = () => client.getQueryCache().findAll({ queryKey: ['backups'] }).filter((q) => q.isStale()).map((q) => q.queryKey[1]);
    patchResourceStatus(client, 'backups', { type: 'resource', resource: { type: 'backup', id: 'b1' }, status: 'available' });
    expect(stale()).toEqual([]);
    patchResourceStatus(client, 'backups', { type: 'resource', resource: { type: 'backup', id: 'b2' }, status: 'deleted' });
    expect(stale()).toEqual([]);
    patchResourceStatus(client, 'backups', { type: 'resource', resource: { type: 'backup', id: 'b2' }, status: 'protecting' });
    expect(stale()).toEqual(['list']);
  });
});

class FakeSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown, lastEventId = '') {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data), lastEventId } as MessageEvent<string>);
  }
}

describe('the event stream connection', () => {
  function setup() {
    const sources: FakeSource[] = [];
    const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
    const messages: StreamMessage[] = [];
    const statuses: string[] = [];
    const stream = new LiveEventStream({
      url: '/api/v1/events',
      create: (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source;
      },
      schedule: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
      onMessage: (message) => messages.push(message),
      onStatus: (status) => statuses.push(status),
      random: () => 1,
    });
    return { stream, sources, timers, messages, statuses };
  }

  it('waits longer after each failure, up to half a minute, with jitter below the ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelay(3, 0)).toBe(4000);
  });

  it('reconnects with backoff and resumes after the last event it saw', () => {
    const { stream, sources, timers, messages, statuses } = setup();
    stream.start();
    const first = sources[0]!;
    expect(first.url).toBe('/api/v1/events');
    first.onopen?.(new Event('open'));
    expect(messages).toEqual([{ kind: 'open', resumed: false }]);

    const t1 = task('t1');
    first.emit('task', { type: 'task', task: t1 }, '41');
    first.emit('task', { type: 'task', task: { nonsense: true } }, '42');
    expect(messages.at(-1)).toEqual({ kind: 'event', event: { type: 'task', task: t1 } });
    expect(messages).toHaveLength(2);

    first.onerror?.(new Event('error'));
    first.onerror?.(new Event('error'));
    expect(first.closed).toBe(true);
    expect(timers.map((timer) => timer.ms)).toEqual([1000]);
    timers[0]!.run();
    expect(sources[1]!.url).toBe('/api/v1/events?lastEventId=42');
    sources[1]!.onerror?.(new Event('error'));
    expect(timers.map((timer) => timer.ms)).toEqual([1000, 2000]);
    timers[1]!.run();
    sources[2]!.onopen?.(new Event('open'));
    expect(messages.at(-1)).toEqual({ kind: 'open', resumed: true });
    expect(statuses).toEqual(['connected', 'reconnecting', 'reconnecting', 'connected']);

    sources[2]!.onerror?.(new Event('error'));
    expect(timers.at(-1)!.ms).toBe(1000);
  });

  it('passes a reset on, ignores a replaced connection, and stops for good', () => {
    const { stream, sources, timers, messages } = setup();
    stream.start();
    const first = sources[0]!;
    first.emit('reset', { reason: 'history-expired' });
    expect(messages).toEqual([{ kind: 'reset' }]);
    first.onerror?.(new Event('error'));
    stream.reconnectNow();
    expect(timers[0]!.cancelled).toBe(true);
    first.emit('task', { type: 'task', task: task('late') });
    expect(messages).toHaveLength(1);
    stream.stop();
    expect(sources[1]!.closed).toBe(true);
    sources[1]!.onerror?.(new Event('error'));
    expect(timers).toHaveLength(1);
  });

  it('builds the resume URL and rejects events outside the contract', () => {
    expect(streamUrl('/api/v1/events', undefined)).toBe('/api/v1/events');
    expect(streamUrl('/api/v1/events?x=1', '7')).toBe('/api/v1/events?x=1&lastEventId=7');
    expect(parseEvent('not json')).toBeUndefined();
    expect(parseEvent(JSON.stringify({ type: 'task' }))).toBeUndefined();
    expect(parseEvent(JSON.stringify({ type: 'resource', resource: { type: 'disk', id: 'v' }, status: 'available' }))).toMatchObject({ type: 'resource' });
  });
});

