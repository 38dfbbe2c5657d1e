import { invalid } from '../errors.ts';

/** The retention part of a policy's operation_definition (seed 004:L7304-7324). */
export interface Retention {
  max_backups?: number;
  retention_duration_days?: number;
  day_backups?: number;
  week_backups?: number;
  month_backups?: number;
  year_backups?: number;
  timezone?: string;
  full_backup_interval?: number;
}

const DAY_MS = 86_400_000;
const TZ = /^UTC ?([+-])(\d{2}):(\d{2})$/;

function intIn(o: Record<string, unknown>, key: string, min: number, max: number, allowMinusOne: boolean): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || ((v < min || v > max) && !(allowMinusOne && v === -1))) {
    throw invalid(`operation_definition.${key} must be an integer from ${min} to ${max}${allowMinusOne ? ' or -1' : ''}`);
  }
  return v;
}

/** Offset in ms of "UTC+08:00"-style zones. */
export function zoneOffset(tz: string): number {
  const m = TZ.exec(tz);
  if (!m) throw invalid(`operation_definition.timezone "${tz}" must look like UTC+08:00`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (minutes > 14 * 60 || Number(m[3]) > 59) throw invalid(`operation_definition.timezone "${tz}" is out of range`);
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/**
 * Validates a policy's operation_definition. Zeros and -1 mean "not configured" (the seed's own
 * example sends retention_duration_days with zero day/week counts), so exclusivity is checked
 * only between settings that are actually in force.
 */
export function parseRetention(o: Record<string, unknown>): Retention {
  const r: Retention = {
    max_backups: intIn(o, 'max_backups', 0, 99999, true),
    retention_duration_days: intIn(o, 'retention_duration_days', 1, 99999, true),
    day_backups: intIn(o, 'day_backups', 0, 100, false),
    week_backups: intIn(o, 'week_backups', 0, 100, false),
    month_backups: intIn(o, 'month_backups', 0, 100, false),
    year_backups: intIn(o, 'year_backups', 0, 100, false),
    full_backup_interval: intIn(o, 'full_backup_interval', 0, 100, true),
  };
  if (o.timezone !== undefined && o.timezone !== null) {
    if (typeof o.timezone !== 'string') throw invalid('operation_definition.timezone must be a string');
    zoneOffset(o.timezone);
    r.timezone = o.timezone;
  }
  const on = (n: number | undefined) => n !== undefined && n > 0;
  const periodic = on(r.day_backups) || on(r.week_backups) || on(r.month_backups) || on(r.year_backups);
  if (on(r.retention_duration_days) && (on(r.max_backups) || periodic)) {
    throw invalid('retention_duration_days cannot be combined with max_backups or day/week/month/year_backups');
  }
  if (periodic && !r.timezone) throw invalid('day/week/month/year_backups need a timezone');
  for (const k of Object.keys(r) as (keyof Retention)[]) if (r[k] === undefined) delete r[k];
  return r;
}

export interface Kept {
  id: string;
  createdMs: number;
}

/** Which of a resource's automatic backups the rules delete at `now`. */
export function expired(backups: readonly Kept[], r: Retention, now: number): string[] {
  const sorted = [...backups].sort((a, b) => b.createdMs - a.createdMs);
  const days = r.retention_duration_days ?? -1;
  if (days > 0) return sorted.filter((b) => b.createdMs <= now - days * DAY_MS).map((b) => b.id);
  const keep = new Set<string>();
  let configured = false;
  if ((r.max_backups ?? -1) > 0) {
    configured = true;
    for (const b of sorted.slice(0, r.max_backups)) keep.add(b.id);
  }
  const offset = r.timezone ? zoneOffset(r.timezone) : 0;
  const periods: [number | undefined, (local: Date) => number][] = [
    [r.day_backups, (d) => Math.floor(d.getTime() / DAY_MS)],
    // Weeks start on Monday: day 0 (1970-01-01) was a Thursday.
    [r.week_backups, (d) => Math.floor((Math.floor(d.getTime() / DAY_MS) + 3) / 7)],
    [r.month_backups, (d) => d.getUTCFullYear() * 12 + d.getUTCMonth()],
    [r.year_backups, (d) => d.getUTCFullYear()],
  ];
  for (const [count, periodOf] of periods) {
    if (count === undefined || count <= 0) continue;
    configured = true;
    const seen = new Set<number>();
    for (const b of sorted) {
      const p = periodOf(new Date(b.createdMs + offset));
      if (seen.has(p)) continue;
      if (seen.size >= count) break;
      seen.add(p);
      keep.add(b.id);
    }
  }
  if (!configured) return [];
  return sorted.filter((b) => !keep.has(b.id)).map((b) => b.id);
}
