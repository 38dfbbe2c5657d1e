import { invalid } from '../errors.ts';

/**
 * The RRULE subset CBR policy triggers accept (seed 004:L7330-7337): FREQ=WEEKLY with BYDAY, or
 * FREQ=DAILY with INTERVAL, plus BYHOUR and BYMINUTE, all in UTC. No other key is allowed.
 */
export interface Rule {
  freq: 'WEEKLY' | 'DAILY';
  /** 0 = Sunday … 6 = Saturday (WEEKLY only). */
  days: number[];
  interval: number;
  /** Minutes after midnight UTC, ascending. */
  times: number[];
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_MS = 86_400_000;
const MAX_RULES = 24;
const MAX_POINTS_PER_DAY = 24;

function ints(value: string, key: string, min: number, max: number): number[] {
  const out = value.split(',').map((part) => {
    if (!/^\d{1,2}$/.test(part)) throw invalid(`trigger pattern ${key}=${value}: expected integers from ${min} to ${max}`);
    const n = Number(part);
    if (n < min || n > max) throw invalid(`trigger pattern ${key}=${value}: ${n} is outside ${min}-${max}`);
    return n;
  });
  return [...new Set(out)].sort((a, b) => a - b);
}

export function parseRule(text: string): Rule {
  const fields = new Map<string, string>();
  for (const part of text.trim().replace(/^RRULE:/, '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw invalid(`trigger pattern "${text}": "${part}" is not KEY=VALUE`);
    const key = part.slice(0, eq).toUpperCase();
    if (fields.has(key)) throw invalid(`trigger pattern "${text}": ${key} appears twice`);
    fields.set(key, part.slice(eq + 1));
  }
  for (const key of fields.keys()) {
    if (!['FREQ', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'INTERVAL'].includes(key)) throw invalid(`trigger pattern "${text}": ${key} is not supported; use FREQ, BYDAY, BYHOUR, BYMINUTE, INTERVAL`);
  }
  const freq = fields.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'DAILY') throw invalid(`trigger pattern "${text}": FREQ must be WEEKLY or DAILY`);
  const hour = fields.get('BYHOUR');
  const minute = fields.get('BYMINUTE');
  if (hour === undefined || minute === undefined) throw invalid(`trigger pattern "${text}": BYHOUR and BYMINUTE are required`);
  const hours = ints(hour, 'BYHOUR', 0, 23);
  const minutes = ints(minute, 'BYMINUTE', 0, 59);
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b);
  let days: number[] = [];
  let interval = 1;
  if (freq === 'WEEKLY') {
    const byday = fields.get('BYDAY');
    if (!byday) throw invalid(`trigger pattern "${text}": FREQ=WEEKLY needs BYDAY`);
    days = [...new Set(byday.split(',').map((d) => {
      const i = DAY_CODES.indexOf(d);
      if (i < 0) throw invalid(`trigger pattern "${text}": BYDAY ${d} is not one of ${DAY_CODES.join(', ')}`);
      return i;
    }))].sort();
    if (fields.has('INTERVAL') && fields.get('INTERVAL') !== '1') throw invalid(`trigger pattern "${text}": FREQ=WEEKLY takes no INTERVAL other than 1`);
  } else {
    if (fields.has('BYDAY')) throw invalid(`trigger pattern "${text}": FREQ=DAILY takes no BYDAY`);
    const raw = fields.get('INTERVAL') ?? '1';
    if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1) throw invalid(`trigger pattern "${text}": INTERVAL must be a positive integer`);
    interval = Number(raw);
  }
  return { freq, days, interval, times };
}

/** Parses and checks a whole pattern list: ≤24 rules, ≤24 time points a day, at least an hour apart. */
export function parsePattern(pattern: unknown): Rule[] {
  if (!Array.isArray(pattern) || pattern.length === 0) throw invalid('trigger.properties.pattern must be a non-empty array of strings');
  if (pattern.length > MAX_RULES) throw invalid(`trigger.properties.pattern has ${pattern.length} rules; at most ${MAX_RULES} are allowed`);
  const rules = pattern.map((p) => {
    if (typeof p !== 'string') throw invalid('trigger.properties.pattern must contain strings');
    return parseRule(p);
  });
  const points = [...new Set(rules.flatMap((r) => r.times))].sort((a, b) => a - b);
  if (points.length > MAX_POINTS_PER_DAY) throw invalid(`the pattern has ${points.length} time points a day; at most ${MAX_POINTS_PER_DAY} are allowed`);
  for (let i = 1; i < points.length; i++) {
    if (points[i]! - points[i - 1]! < 60) throw invalid('backup times must be at least one hour apart');
  }
  if (points.length > 1 && points[0]! + 1440 - points[points.length - 1]! < 60) throw invalid('backup times must be at least one hour apart');
  return rules;
}

/**
 * The first firing strictly after `after` (ms). DAILY intervals count days from `anchor` (the
 * policy's start time), so INTERVAL=2 fires every other day from the day the policy began.
 */
export function nextFire(rules: readonly Rule[], after: number, anchor: number): number {
  const anchorDay = Math.floor(anchor / DAY_MS);
  let best = Number.POSITIVE_INFINITY;
  for (const rule of rules) {
    const span = rule.freq === 'WEEKLY' ? 8 : rule.interval + 1;
    for (let d = Math.floor(after / DAY_MS); d <= Math.floor(after / DAY_MS) + span; d++) {
      const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday
      const matches = rule.freq === 'WEEKLY' ? rule.days.includes(weekday) : (((d - anchorDay) % rule.interval) + rule.interval) % rule.interval === 0;
      if (!matches) continue;
      const t = rule.times.map((m) => d * DAY_MS + m * 60_000).find((x) => x > after);
      if (t !== undefined) {
        best = Math.min(best, t);
        break;
      }
    }
  }
  return best;
}
