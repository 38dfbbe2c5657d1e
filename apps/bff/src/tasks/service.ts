import { randomUUID } from 'node:crypto';
import type { ResourceRef, Subtask, Task, TaskError, TaskKind, TaskStatus } from '@console/contract';
import type { EventBus } from '../events/bus.ts';
import type { TaskStore } from './store.ts';
import type { PollState, ProbeResult, StoredTask, Tracking } from './types.ts';

export interface NewSubtask {
  target?: ResourceRef;
  tracking: Tracking;
  /** set when the upstream call itself already failed for this item */
  error?: TaskError;
}

export interface NewTask {
  kind: TaskKind;
  profileId: string;
  username: string;
  targets: ResourceRef[];
  subtasks: NewSubtask[];
  upstream?: Task['upstream'];
}

export interface PollTiming {
  firstMs: number;
  factor: number;
  maxMs: number;
}

export const defaultPollTiming: PollTiming = { firstMs: 1000, factor: 1.5, maxMs: 15_000 };

const terminal = (s: TaskStatus) => s === 'succeeded' || s === 'failed' || s === 'partially_failed';

/** The task of a batch: succeeded when all items did, failed when all failed, partially otherwise. */
export function aggregate(subtasks: Subtask[]): { status: TaskStatus; progress: number } {
  const progress = subtasks.length ? Math.round(subtasks.reduce((a, s) => a + s.progress, 0) / subtasks.length) : 100;
  if (!subtasks.every((s) => terminal(s.status))) {
    return { status: subtasks.some((s) => s.status !== 'queued') ? 'running' : 'queued', progress };
  }
  const ok = subtasks.filter((s) => s.status === 'succeeded').length;
  return { status: ok === subtasks.length ? 'succeeded' : ok === 0 ? 'failed' : 'partially_failed', progress: 100 };
}

/** Creates tasks and applies what the tracker learns; every change is one event. */
export class TaskService {
  constructor(
    private readonly store: TaskStore,
    private readonly bus: EventBus,
    private readonly timing: PollTiming = defaultPollTiming,
    /** Called for every new task, inside the request that started it. */
    private readonly onStart: (task: Task) => void = () => {},
  ) {}

  start(input: NewTask): Task {
    const now = Date.now();
    const polls: Record<string, PollState> = {};
    const subtasks: Subtask[] = input.subtasks.map((s, i) => {
      const id = `${i + 1}`;
      const done = s.error !== undefined || s.tracking.mode === 'done';
      if (!done) polls[id] = { tracking: s.tracking, nextPollAt: now + this.timing.firstMs, intervalMs: this.timing.firstMs, polls: 0 };
      return {
        id,
        ...(s.target ? { target: s.target } : {}),
        status: s.error ? 'failed' : done ? 'succeeded' : 'running',
        progress: done ? 100 : 0,
        ...(s.tracking.mode === 'job' ? { upstreamJobId: s.tracking.jobId } : {}),
        ...(s.error ? { error: s.error } : {}),
      };
    });
    const { status, progress } = aggregate(subtasks);
    const iso = new Date(now).toISOString();
    const task: Task = {
      id: randomUUID(),
      kind: input.kind,
      profileId: input.profileId,
      username: input.username,
      status,
      progress,
      targets: input.targets,
      subtasks,
      ...(input.upstream ? { upstream: input.upstream } : {}),
      ...summaryError(subtasks),
      createdAt: iso,
      updatedAt: iso,
      ...(terminal(status) ? { finishedAt: iso } : {}),
    };
    this.store.insert({ task, polls });
    this.bus.publish(task.profileId, { type: 'task', task });
    this.onStart(task);
    return task;
  }

  /** Records one probe's answer for one subtask and schedules its next poll. */
  apply(taskId: string, subtaskId: string, result: ProbeResult | { state: 'unknown' }): StoredTask | undefined {
    let changed = false;
    const resourceEvents: { ref: ResourceRef; status: string }[] = [];
    const updated = this.store.update(taskId, (current) => {
      const now = Date.now();
      const poll = current.polls[subtaskId];
      const sub = current.task.subtasks.find((s) => s.id === subtaskId);
      if (!poll || !sub || terminal(sub.status)) return current;
      const polls = { ...current.polls };
      let next: Subtask = sub;
      if (result.state === 'unknown' || result.state === 'running') {
        const intervalMs = Math.min(poll.intervalMs * this.timing.factor, this.timing.maxMs);
        polls[subtaskId] = { ...poll, polls: poll.polls + 1, intervalMs, nextPollAt: now + intervalMs };
        if (result.state === 'running') {
          const progress = Math.max(sub.progress, Math.min(99, result.progress ?? sub.progress));
          if (progress !== sub.progress || sub.status !== 'running') next = { ...sub, status: 'running', progress };
        }
      } else {
        delete polls[subtaskId];
        next = result.state === 'succeeded'
          ? { ...sub, status: 'succeeded', progress: 100 }
          : { ...sub, status: 'failed', progress: 100, error: result.error };
        if (result.state === 'succeeded') for (const ref of result.entities ?? []) resourceEvents.push({ ref, status: result.status ?? 'changed' });
      }
      if (result.state !== 'unknown' && result.status && sub.target) resourceEvents.push({ ref: sub.target, status: result.status });
      if (next === sub) return { ...current, polls };
      changed = true;
      const subtasks = current.task.subtasks.map((s) => (s.id === subtaskId ? next : s));
      const { status, progress } = aggregate(subtasks);
      const iso = new Date(now).toISOString();
      const task: Task = {
        ...current.task,
        subtasks,
        status,
        progress,
        ...summaryError(subtasks),
        updatedAt: iso,
        ...(terminal(status) ? { finishedAt: iso } : {}),
      };
      return { task, polls };
    });
    if (updated) {
      for (const r of dedupe(resourceEvents)) this.bus.publish(updated.task.profileId, { type: 'resource', resource: r.ref, status: r.status });
      if (changed) this.bus.publish(updated.task.profileId, { type: 'task', task: updated.task });
    }
    return updated;
  }
}

function summaryError(subtasks: Subtask[]): { error?: TaskError } {
  const failed = subtasks.filter((s) => s.error);
  if (failed.length === 0) return {};
  if (failed.length === 1) return { error: failed[0]!.error! };
  return { error: { ...failed[0]!.error!, message: `${failed.length} of ${subtasks.length} items failed; first: ${failed[0]!.error!.message}` } };
}

function dedupe(list: { ref: ResourceRef; status: string }[]) {
  const seen = new Map<string, { ref: ResourceRef; status: string }>();
  for (const r of list) seen.set(`${r.ref.type}:${r.ref.id}`, r);
  return [...seen.values()];
}
