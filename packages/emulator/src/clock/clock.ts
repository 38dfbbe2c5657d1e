import type { Db } from '../store/db.ts';
import { getMeta, setMeta } from '../store/db.ts';

interface ClockState {
  frozenAt: number | null;
  offset: number;
}

/**
 * The emulator's notion of "now". It runs at wall-clock rate plus an offset, can be frozen and
 * advanced from the control API, and is persisted so a restart neither rewinds nor jumps it.
 * Resource timestamps, job times, token lifetimes and scheduled transitions all use it. Request
 * signatures do not: clients sign with their real wall clock, so X-Sdk-Date skew is checked
 * against real time (see auth/authenticate.ts).
 */
export class VirtualClock {
  private state: ClockState;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: Db) {
    const saved = getMeta(db, 'clock');
    this.state = saved ? (JSON.parse(saved) as ClockState) : { frozenAt: null, offset: 0 };
  }

  now(): number {
    return this.state.frozenAt ?? Date.now() + this.state.offset;
  }

  get frozen(): boolean {
    return this.state.frozenAt !== null;
  }

  freeze(): void {
    if (this.state.frozenAt === null) this.update({ frozenAt: this.now(), offset: this.state.offset });
  }

  resume(): void {
    const at = this.state.frozenAt;
    if (at !== null) this.update({ frozenAt: null, offset: at - Date.now() });
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance needs a non-negative number of milliseconds');
    const { frozenAt, offset } = this.state;
    this.update(frozenAt === null ? { frozenAt, offset: offset + ms } : { frozenAt: frozenAt + ms, offset });
  }

  /** Back to wall-clock time, running. */
  reset(): void {
    this.update({ frozenAt: null, offset: 0 });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(next: ClockState): void {
    this.state = next;
    setMeta(this.db, 'clock', JSON.stringify(next));
    for (const l of this.listeners) l();
  }
}

export type Speed = 'realistic' | 'instant' | number;

export function parseSpeed(value: string | undefined): Speed | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'realistic' || value === 'instant') return value;
  const n = Number(value);
  if (Number.isFinite(n) && n > 0) return n;
  throw new Error(`invalid speed "${value}": use realistic, instant or a positive multiplier`);
}

/**
 * How long transitions take. Base durations are the realistic ones; a numeric speed divides them
 * (10 = ten times faster), `instant` makes every transition due immediately.
 */
export class Durations {
  constructor(private speed: Speed) {}

  get current(): Speed {
    return this.speed;
  }

  set(speed: Speed): void {
    this.speed = speed;
  }

  ms(base: number): number {
    if (this.speed === 'instant') return 0;
    if (this.speed === 'realistic') return base;
    return Math.round(base / this.speed);
  }
}
