import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { TaskSchema } from './tasks.ts';
import type { FieldIssue } from './disks.ts';

// CBR backup policies (shared/spec/cbr.md §3.3): a schedule of UTC RRULE patterns and one retention
// rule. The SPA's schedule and retention editors validate with the same functions the BFF uses.

export const POLICY_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_SCHEDULE_RULES = 24;
export const MAX_TIMES_PER_DAY = 24;
export const MIN_MINUTES_APART = 60;
export const RETENTION_LIMITS = { maxBackups: { min: 1, max: 99_999 }, retentionDays: { min: 1, max: 99_999 }, periodic: { min: 0, max: 100 } } as const;
export const FULL_BACKUP_INTERVAL = { min: -1, max: 100 } as const;
export const WEEK_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const RULE_KEYS = ['FREQ', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'INTERVAL'];

/** One parsed schedule rule: minutes after midnight UTC, ascending. */
export interface ScheduleRule {
  freq: 'WEEKLY' | 'DAILY';
  days: string[];
  interval: number;
  times: number[];
}

function numbers(value: string, key: string, max: number): number[] | string {
  const parts = value.split(',');
  if (parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) > max)) return `${key} takes numbers from 0 to ${max}, comma-separated`;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

/** Parses one RRULE of the subset CBR accepts; a string is the reason it is refused. */
export function parseScheduleRule(text: string): ScheduleRule | string {
  const fields = new Map<string, string>();
  for (const part of text.trim().split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `"${part}" is not KEY=VALUE`;
    const key = part.slice(0, eq).toUpperCase();
    if (!RULE_KEYS.includes(key)) return `${key} is not supported; use only ${RULE_KEYS.join(', ')}`;
    if (fields.has(key)) return `${key} appears twice`;
    fields.set(key, part.slice(eq + 1));
  }
  const freq = fields.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'DAILY') return 'FREQ must be WEEKLY or DAILY';
  const hour = fields.get('BYHOUR');
  const minute = fields.get('BYMINUTE');
  if (hour === undefined || minute === undefined) return 'BYHOUR and BYMINUTE are required (UTC)';
  const hours = numbers(hour, 'BYHOUR', 23);
  if (typeof hours === 'string') return hours;
  const minutes = numbers(minute, 'BYMINUTE', 59);
  if (typeof minutes === 'string') return minutes;
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b);
  if (freq === 'WEEKLY') {
    const byday = fields.get('BYDAY');
    if (!byday) return 'FREQ=WEEKLY needs BYDAY, e.g. BYDAY=MO,WE,FR';
    const days = byday.split(',');
    const bad = days.find((d) => !(WEEK_DAYS as readonly string[]).includes(d));
    if (bad !== undefined) return `BYDAY ${bad} is not one of ${WEEK_DAYS.join(', ')}`;
    if (fields.has('INTERVAL') && fields.get('INTERVAL') !== '1') return 'FREQ=WEEKLY takes no INTERVAL other than 1';
    return { freq, days: [...new Set(days)], interval: 1, times };
  }
  if (fields.has('BYDAY')) return 'FREQ=DAILY takes no BYDAY; use FREQ=WEEKLY to pick days';
  const interval = fields.get('INTERVAL') ?? '1';
  if (!/^\d{1,3}$/.test(interval) || Number(interval) < 1) return 'INTERVAL is a whole number of days, at least 1';
  return { freq, days: [], interval: Number(interval), times };
}

/** What is wrong with a schedule: each refused rule by its index, then the rules taken together. */
export function scheduleIssues(patterns: readonly string[], path = 'schedule'): FieldIssue[] {
  if (patterns.length === 0) return [{ path, message: 'add at least one backup time' }];
  if (patterns.length > MAX_SCHEDULE_RULES) return [{ path, message: `at most ${MAX_SCHEDULE_RULES} rules; remove ${patterns.length - MAX_SCHEDULE_RULES}` }];
  const issues: FieldIssue[] = [];
  const rules: ScheduleRule[] = [];
  patterns.forEach((p, i) => {
    const r = parseScheduleRule(p);
    if (typeof r === 'string') issues.push({ path: `${path}.${i}`, message: r });
    else rules.push(r);
  });
  if (issues.length) return issues;
  const points = [...new Set(rules.flatMap((r) => r.times))].sort((a, b) => a - b);
  if (points.length > MAX_TIMES_PER_DAY) return [{ path, message: `at most ${MAX_TIMES_PER_DAY} backup times a day; this schedule has ${points.length}` }];
  const close = points.findIndex((t, i) => i > 0 && t - points[i - 1]! < MIN_MINUTES_APART);
  const wraps = points.length > 1 && points[0]! + 1440 - points[points.length - 1]! < MIN_MINUTES_APART;
  if (close > 0 || wraps) {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const [a, b] = close > 0 ? [points[close - 1]!, points[close]!] : [points[points.length - 1]!, points[0]!];
    return [{ path, message: `backup times must be at least one hour apart; ${hhmm(a)} and ${hhmm(b)} UTC are not` }];
  }
  return [];
}

export const ScheduleSchema = z.array(z.string({ error: 'each rule is text' }).max(255), { error: 'a list of RRULE patterns' }).superRefine((patterns, ctx) => {
  for (const i of scheduleIssues(patterns, '')) ctx.addIssue({ code: 'custom', path: i.path ? i.path.split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [], message: i.message });
});

const TIMEZONE = /^UTC[+-](0\d|1[0-4]):[0-5]\d$/;
const count = (what: string, min: number, max: number) =>
  z.number({ error: `a whole number of ${what}` }).int(`a whole number of ${what}`).min(min, `at least ${min}`).max(max, `at most ${max}`);

/**
 * How long backups are kept — one of: the newest `maxBackups`; `retentionDays`; or the latest
 * backup of each of the last N days/weeks/months/years in `timezone` (which may add a
 * `maxBackups`). Nothing at all means backups are kept until deleted.
 */
export const RetentionSchema = z
  .object({
    maxBackups: count('backups', RETENTION_LIMITS.maxBackups.min, RETENTION_LIMITS.maxBackups.max).optional(),
    retentionDays: count('days', RETENTION_LIMITS.retentionDays.min, RETENTION_LIMITS.retentionDays.max).optional(),
    dayBackups: count('days', 0, RETENTION_LIMITS.periodic.max).optional(),
    weekBackups: count('weeks', 0, RETENTION_LIMITS.periodic.max).optional(),
    monthBackups: count('months', 0, RETENTION_LIMITS.periodic.max).optional(),
    yearBackups: count('years', 0, RETENTION_LIMITS.periodic.max).optional(),
    /** e.g. UTC+08:00: where the days, weeks, months and years begin. */
    timezone: z.string().regex(TIMEZONE, 'a zone like UTC+08:00 or UTC-05:00').optional(),
  })
  .superRefine((r, ctx) => {
    for (const i of retentionIssues(r)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  });
export type Retention = z.infer<typeof RetentionSchema>;

const PERIODIC = ['dayBackups', 'weekBackups', 'monthBackups', 'yearBackups'] as const;

/** The exclusivity rules of PolicyODCreate (cbr.md §3.3), by field. */
export function retentionIssues(r: Partial<Retention>): FieldIssue[] {
  const out: FieldIssue[] = [];
  const periodic = PERIODIC.filter((k) => r[k] !== undefined);
  if (r.retentionDays !== undefined) {
    if (r.maxBackups !== undefined) out.push({ path: 'retentionDays', message: 'keep backups either for a number of days or up to a number of backups, not both' });
    if (periodic.length) out.push({ path: 'retentionDays', message: `a number of days cannot be combined with ${periodic.join(', ')}` });
  }
  if (periodic.length) {
    if (!periodic.some((k) => (r[k] ?? 0) > 0)) out.push({ path: periodic[0]!, message: 'keep at least one daily, weekly, monthly or yearly backup' });
    if (r.timezone === undefined) out.push({ path: 'timezone', message: 'needed with day/week/month/year counts: say where a day begins' });
  } else if (r.timezone !== undefined) {
    out.push({ path: 'timezone', message: 'only used with day/week/month/year counts; leave it empty' });
  }
  return out;
}

export const PolicyNameSchema = z.string({ error: 'required' }).regex(POLICY_NAME_PATTERN, '1-64 letters, digits, "_" or "-"');

export const CreatePolicySchema = z.object({
  name: PolicyNameSchema,
  enabled: z.boolean().default(true),
  /** UTC RRULE patterns, e.g. FREQ=DAILY;INTERVAL=1;BYHOUR=14;BYMINUTE=00. */
  schedule: ScheduleSchema,
  retention: RetentionSchema.default({}),
  /** After how many incremental backups a full one is taken; -1 never. */
  fullBackupInterval: count('backups', FULL_BACKUP_INTERVAL.min, FULL_BACKUP_INTERVAL.max).optional(),
});
export type CreatePolicy = z.infer<typeof CreatePolicySchema>;

/** A retention given replaces the whole rule; fields left out are kept. */
export const UpdatePolicySchema = z
  .object({
    name: PolicyNameSchema.optional(),
    enabled: z.boolean().optional(),
    schedule: ScheduleSchema.optional(),
    retention: RetentionSchema.optional(),
    fullBackupInterval: count('backups', FULL_BACKUP_INTERVAL.min, FULL_BACKUP_INTERVAL.max).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'give something to change' });
export type UpdatePolicy = z.infer<typeof UpdatePolicySchema>;

export const PolicyListQuerySchema = z.object({ vaultId: z.string().max(64).optional() });

export const PolicySchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  /** backup, or replication (another region). */
  type: z.string(),
  schedule: z.array(z.string()),
  /** When the schedule began (UTC): "every N days" counts its days from this one. */
  scheduleStart: z.string().optional(),
  retention: z.object({
    maxBackups: z.number().optional(),
    retentionDays: z.number().optional(),
    dayBackups: z.number().optional(),
    weekBackups: z.number().optional(),
    monthBackups: z.number().optional(),
    yearBackups: z.number().optional(),
    timezone: z.string().optional(),
  }),
  fullBackupInterval: z.number().optional(),
  vaultIds: z.array(z.string()),
});
export type Policy = z.infer<typeof PolicySchema>;

export const PolicyListSchema = z.object({ items: z.array(PolicySchema), total: z.number() });
export type PolicyList = z.infer<typeof PolicyListSchema>;

export const PolicyTaskResponseSchema = z.object({ task: TaskSchema, policy: PolicySchema.optional() });
export type PolicyTaskResponse = z.infer<typeof PolicyTaskResponseSchema>;

export const policyApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/policies', summary: 'Backup policies (CBR)', role: 'viewer', query: PolicyListQuerySchema, response: PolicyListSchema },
  { method: 'POST', path: '/api/v1/policies', summary: 'Create a backup policy', role: 'operator', body: CreatePolicySchema, response: PolicyTaskResponseSchema, status: 201 },
  { method: 'GET', path: '/api/v1/policies/:id', summary: 'One backup policy', role: 'viewer', response: PolicySchema },
  { method: 'PATCH', path: '/api/v1/policies/:id', summary: 'Change, enable or disable a backup policy', role: 'operator', body: UpdatePolicySchema, response: PolicyTaskResponseSchema },
  { method: 'DELETE', path: '/api/v1/policies/:id', summary: 'Delete a backup policy (vaults keep their backups)', role: 'operator', response: PolicyTaskResponseSchema },
];
