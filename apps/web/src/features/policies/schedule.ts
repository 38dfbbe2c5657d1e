import { RRule, RRuleSet } from 'rrule';
import { parseScheduleRule, scheduleIssues, WEEK_DAYS, type ScheduleRule } from '@console/contract';

// The cloud runs policies on UTC RRULE patterns; people think in their own zone. The editor keeps
// a draft in local time and converts at the edges: a local time can fall on another UTC day, and
// then the week days move with it.

export type WeekDay = (typeof WEEK_DAYS)[number];

export interface ScheduleDraft {
  /** weekly: on the chosen days; daily: every `interval` days. */
  mode: 'weekly' | 'daily';
  /** Local week days (weekly), in Monday-first order. */
  days: WeekDay[];
  interval: number;
  /** Local times of day as "HH:MM", ascending. */
  times: string[];
}

const DAY_MINUTES = 1440;
const mod = (n: number, m: number) => ((n % m) + m) % m;

export function parseTime(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes to add to UTC to get the time in the browser's zone now (UTC+08:00 → 480). */
export function browserOffsetMinutes(at = new Date()): number {
  return -at.getTimezoneOffset();
}

/** "UTC+08:00", the way the cloud writes a zone. */
export function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${formatTime(abs)}`;
}

const shiftDays = (days: readonly WeekDay[], shift: number): WeekDay[] => {
  const indexes = new Set(days.map((d) => mod(WEEK_DAYS.indexOf(d) + shift, 7)));
  return WEEK_DAYS.filter((_d, i) => indexes.has(i));
};

/**
 * The draft as UTC patterns. Times are grouped by the UTC day they fall on (a shift of -1, 0 or +1
 * day) and by minute, because BYHOUR × BYMINUTE is a cross product: 01:30 and 02:00 cannot share a rule.
 */
export function toUtcPatterns(draft: ScheduleDraft, offsetMinutes: number): string[] {
  const groups = new Map<string, { shift: number; minute: number; hours: number[] }>();
  for (const text of draft.times) {
    const local = parseTime(text);
    if (local === undefined) continue;
    const utc = local - offsetMinutes;
    const shift = draft.mode === 'weekly' ? Math.floor(utc / DAY_MINUTES) : 0;
    const at = mod(utc, DAY_MINUTES);
    const minute = at % 60;
    const key = `${shift}:${minute}`;
    const group = groups.get(key) ?? { shift, minute, hours: [] };
    group.hours.push(Math.floor(at / 60));
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.shift - b.shift || a.minute - b.minute)
    .map(({ shift, minute, hours }) => {
      const byTime = `BYHOUR=${[...new Set(hours)].sort((a, b) => a - b).join(',')};BYMINUTE=${String(minute).padStart(2, '0')}`;
      return draft.mode === 'weekly'
        ? `FREQ=WEEKLY;BYDAY=${shiftDays(draft.days, shift).join(',')};${byTime}`
        : `FREQ=DAILY;INTERVAL=${draft.interval};${byTime}`;
    });
}

/**
 * UTC patterns back into a local draft, or undefined when the editor cannot say them (rules of both
 * kinds, different intervals, or times that run on different local days): those stay as text.
 */
export function fromUtcPatterns(patterns: readonly string[], offsetMinutes: number): ScheduleDraft | undefined {
  const rules: ScheduleRule[] = [];
  for (const pattern of patterns) {
    const rule = parseScheduleRule(pattern);
    if (typeof rule === 'string') return undefined;
    rules.push(rule);
  }
  const first = rules[0];
  if (!first || rules.some((r) => r.freq !== first.freq)) return undefined;
  if (first.freq === 'DAILY') {
    if (rules.some((r) => r.interval !== first.interval)) return undefined;
    const times = [...new Set(rules.flatMap((r) => r.times.map((t) => mod(t + offsetMinutes, DAY_MINUTES))))].sort((a, b) => a - b);
    return { mode: 'daily', days: [], interval: first.interval, times: times.map(formatTime) };
  }
  const daysByTime = new Map<number, Set<WeekDay>>();
  for (const rule of rules) {
    for (const t of rule.times) {
      const local = t + offsetMinutes;
      const at = mod(local, DAY_MINUTES);
      const set = daysByTime.get(at) ?? new Set<WeekDay>();
      for (const day of shiftDays(rule.days as WeekDay[], Math.floor(local / DAY_MINUTES))) set.add(day);
      daysByTime.set(at, set);
    }
  }
  const sets = [...daysByTime.values()].map((set) => WEEK_DAYS.filter((d) => set.has(d)).join(','));
  if (new Set(sets).size !== 1) return undefined;
  const times = [...daysByTime.keys()].sort((a, b) => a - b);
  return { mode: 'weekly', days: WEEK_DAYS.filter((d) => daysByTime.get(times[0]!)!.has(d)), interval: 1, times: times.map(formatTime) };
}

export type DraftProblem = 'noTimes' | 'badTime' | 'noDays' | 'badInterval';

/** What the person must fix in the draft before its patterns mean anything. */
export function draftProblems(draft: ScheduleDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (draft.times.length === 0) out.push('noTimes');
  if (draft.times.some((t) => parseTime(t) === undefined)) out.push('badTime');
  if (draft.mode === 'weekly' && draft.days.length === 0) out.push('noDays');
  if (draft.mode === 'daily' && (!Number.isInteger(draft.interval) || draft.interval < 1 || draft.interval > 999)) out.push('badInterval');
  return out;
}

/** The cloud's limits, checked on what would be sent: ≤24 rules and times a day, an hour apart. */
export const patternIssues = (patterns: readonly string[]) => scheduleIssues(patterns, 'schedule');

const DAY_MS = 86_400_000;

/**
 * The next runs after `after`, merged over all rules, as the cloud computes them: "every N days"
 * counts from the UTC day the schedule began (`start`; today for a schedule not yet saved).
 */
export function nextRuns(patterns: readonly string[], after: Date, count: number, start?: string): Date[] {
  const begin = start ? new Date(start) : after;
  const dtstart = new Date(Math.floor(begin.getTime() / DAY_MS) * DAY_MS);
  const set = new RRuleSet();
  for (const pattern of patterns) {
    if (typeof parseScheduleRule(pattern) === 'string') continue;
    set.rrule(new RRule({ ...RRule.parseString(pattern), bysecond: [0], dtstart }));
  }
  const runs: Date[] = [];
  let cursor = after;
  while (runs.length < count) {
    const next = set.after(cursor, false);
    if (!next) break;
    runs.push(next);
    cursor = next;
  }
  return runs;
}
