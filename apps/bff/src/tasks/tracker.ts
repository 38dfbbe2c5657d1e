import type { Logger } from 'pino';
import type { ProfileRegistry } from '../profiles/registry.ts';
import type { TaskService } from './service.ts';
import type { TaskStore } from './store.ts';
import type { Probe } from './types.ts';

export interface TrackerOptions {
  concurrency?: number;
  /** An open subtask still unresolved after this long is failed as lost. */
  giveUpAfterMs?: number;
}

/**
 * The single loop that advances every open task: one upstream poll per due subtask, whoever is
 * watching. It reads its schedule from the store, so tasks resume after a restart.
 */
export class TaskTracker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private readonly inFlight = new Set<string>();
  private readonly concurrency: number;
  private readonly giveUpAfterMs: number;
  /** Upstream polls made, by task id (read by tests and benchmarks). */
  readonly pollCounts = new Map<string, number>();

  constructor(
    private readonly store: TaskStore,
    private readonly service: TaskService,
    private readonly profiles: ProfileRegistry,
    private readonly probe: Probe,
    private readonly log: Logger,
    opts: TrackerOptions = {},
  ) {
    this.concurrency = opts.concurrency ?? 8;
    this.giveUpAfterMs = opts.giveUpAfterMs ?? 2 * 3600_000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** A task was created or changed outside the loop: look again now. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, delayMs));
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const now = Date.now();
      const due: { taskId: string; subId: string; created: number; profileId: string }[] = [];
      let nextAt = Infinity;
      for (const { task, polls } of this.store.open()) {
        for (const [subId, p] of Object.entries(polls)) {
          if (this.inFlight.has(`${task.id}/${subId}`)) continue;
          if (p.nextPollAt <= now) due.push({ taskId: task.id, subId, created: Date.parse(task.createdAt), profileId: task.profileId });
          else nextAt = Math.min(nextAt, p.nextPollAt);
        }
      }
      for (let i = 0; i < due.length; i += this.concurrency) {
        await Promise.all(due.slice(i, i + this.concurrency).map((d) => this.pollOne(d.taskId, d.subId, d.created, d.profileId)));
      }
      if (due.length) {
        // what we just polled has a new nextPollAt
        for (const { polls } of this.store.open()) for (const p of Object.values(polls)) nextAt = Math.min(nextAt, p.nextPollAt);
      }
      if (nextAt !== Infinity) this.schedule(nextAt - Date.now());
    } catch (err) {
      this.log.error({ err }, 'task tracker tick failed');
      this.schedule(1000);
    } finally {
      this.running = false;
    }
  }

  private async pollOne(taskId: string, subId: string, created: number, profileId: string): Promise<void> {
    const key = `${taskId}/${subId}`;
    this.inFlight.add(key);
    try {
      const stored = this.store.get(taskId);
      const poll = stored?.polls[subId];
      if (!stored || !poll) return;
      const profile = this.profiles.get(profileId);
      if (!profile) {
        this.service.apply(taskId, subId, { state: 'failed', error: { code: 'PROFILE_REMOVED', message: `Cloud profile ${profileId} is no longer configured` } });
        return;
      }
      if (Date.now() - created > this.giveUpAfterMs) {
        this.service.apply(taskId, subId, { state: 'failed', error: { code: 'TRACKING_TIMEOUT', message: 'The operation did not finish in time; check the resource in the cloud' } });
        return;
      }
      this.pollCounts.set(taskId, (this.pollCounts.get(taskId) ?? 0) + 1);
      try {
        this.service.apply(taskId, subId, await this.probe(profile, poll.tracking, { id: taskId, username: stored.task.username }));
      } catch (err) {
        this.log.warn({ err: { message: (err as Error).message }, taskId, subId }, 'task poll failed; will retry');
        this.service.apply(taskId, subId, { state: 'unknown' });
      }
    } finally {
      this.inFlight.delete(key);
    }
  }
}
