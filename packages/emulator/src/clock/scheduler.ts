import type { Db, Statement } from '../store/db.ts';
import type { Durations, VirtualClock } from './clock.ts';

export interface TransitionContext {
  /** Virtual time at which this transition was due: follow-ups are timed from here, not from now. */
  readonly dueAt: number;
  schedule(kind: string, baseDelayMs: number, payload: unknown): void;
}

export type TransitionHandler = (payload: never, ctx: TransitionContext) => void;

interface TransitionRow {
  id: number;
  due_at: number;
  kind: string;
  payload: string;
}

/**
 * Persistent timeline of pending state transitions. A transition is a row (due time, kind,
 * payload); running it and deleting the row happen in one transaction, so after a crash every
 * transition has either happened or is still pending, and pending ones run on the next start.
 * Due transitions run when a timer fires and, lazily, before every request is handled.
 */
export class Scheduler {
  private readonly handlers = new Map<string, TransitionHandler>();
  private nextDue = Number.POSITIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Earliest due time scheduled while a batch runs: a batch stops before rows due after it. */
  private scheduledDuringBatch = Number.POSITIVE_INFINITY;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly insert: Statement;

  constructor(
    private readonly db: Db,
    private readonly clock: VirtualClock,
    private readonly durations: Durations,
    private readonly onError: (err: unknown, kind: string) => void,
  ) {
    this.insert = db.prepare('INSERT INTO transitions (due_at, kind, payload) VALUES (?, ?, ?)');
    this.refreshNextDue();
    this.unsubscribe = clock.onChange(() => {
      this.tick();
      this.arm();
    });
  }

  register(kind: string, handler: TransitionHandler): void {
    if (this.handlers.has(kind)) throw new Error(`transition ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /** Schedules `kind` after `baseDelayMs` (scaled by the speed) counted from `from` (default now). */
  schedule(kind: string, baseDelayMs: number, payload: unknown, from = this.clock.now()): void {
    const due = from + this.durations.ms(baseDelayMs);
    this.insert.run(due, kind, JSON.stringify(payload));
    if (this.running) this.scheduledDuringBatch = Math.min(this.scheduledDuringBatch, due);
    if (due < this.nextDue) {
      this.nextDue = due;
      this.arm();
    }
  }

  /** Runs everything that is due. Cheap when nothing is: one comparison. */
  tick(): void {
    if (this.running || this.closed || this.clock.now() < this.nextDue) return;
    this.running = true;
    try {
      const select = this.db.prepare('SELECT id, due_at, kind, payload FROM transitions WHERE due_at <= ? ORDER BY due_at, id LIMIT 256');
      const remove = this.db.prepare('DELETE FROM transitions WHERE id = ?');
      for (;;) {
        const rows = select.all(this.clock.now()) as TransitionRow[];
        if (rows.length === 0) break;
        this.scheduledDuringBatch = Number.POSITIVE_INFINITY;
        for (const row of rows) {
          // Something scheduled by an earlier row is due before this one: select again so the
          // timeline stays in due order (a long clock advance runs many steps in one tick).
          if (this.scheduledDuringBatch < row.due_at) break;
          this.runOne(row, remove);
        }
      }
    } finally {
      this.running = false;
      this.refreshNextDue();
      this.arm();
    }
  }

  pending(limit = 100): { id: number; dueAt: number; kind: string; payload: unknown }[] {
    const rows = this.db.prepare('SELECT id, due_at, kind, payload FROM transitions ORDER BY due_at, id LIMIT ?').all(limit) as TransitionRow[];
    return rows.map((r) => ({ id: r.id, dueAt: r.due_at, kind: r.kind, payload: JSON.parse(r.payload) as unknown }));
  }

  /** After the store was wiped underneath (reset). */
  refreshNextDue(): void {
    const row = this.db.prepare('SELECT min(due_at) AS due FROM transitions').get() as { due: number | null };
    this.nextDue = row.due ?? Number.POSITIVE_INFINITY;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
  }

  private runOne(row: TransitionRow, remove: { run(id: number): unknown }): void {
    const handler = this.handlers.get(row.kind);
    const ctx: TransitionContext = {
      dueAt: row.due_at,
      schedule: (kind, baseDelayMs, payload) => this.schedule(kind, baseDelayMs, payload, row.due_at),
    };
    try {
      this.db.transaction(() => {
        if (handler) handler(JSON.parse(row.payload) as never, ctx);
        remove.run(row.id);
      })();
    } catch (err) {
      // A failing transition must not wedge the timeline: report it and drop it.
      this.onError(err, row.kind);
      remove.run(row.id);
    }
    if (!handler) this.onError(new Error(`no handler for transition ${row.kind}`), row.kind);
  }

  private arm(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.closed || this.clock.frozen || !Number.isFinite(this.nextDue)) return;
    const delay = Math.min(Math.max(0, this.nextDue - this.clock.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, delay);
    this.timer.unref();
  }
}
