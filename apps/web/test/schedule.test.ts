import { describe, expect, it } from 'vitest';
import { scheduleIssues } from '@console/contract';
import { draftProblems, fromUtcPatterns, nextRuns, offsetLabel, toUtcPatterns, type ScheduleDraft } from '../src/features/policies/schedule.ts';
import { draftFromRetention, draftIssues, retentionFromDraft, retentionKind } from '../src/features/policies/retention.ts';

const weekly = (days: ScheduleDraft['days'], times: string[]): ScheduleDraft => ({ mode: 'weekly', days, interval: 1, times });
const daily = (interval: number, times: string[]): ScheduleDraft => ({ mode: 'daily', days: [], interval, times });
const SHANGHAI = 480;
const NEW_YORK = -300;
const KOLKATA = 330;

describe('schedule: local time to the cloud\'s UTC patterns', () => {
  it('daily at 14:00 in UTC+08:00 is 06:00 UTC (the spec\'s own example)', () => {
    expect(toUtcPatterns(daily(1, ['14:00']), SHANGHAI)).toEqual(['FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00']);
  });

  it('moves week days back a day when a morning time in UTC+08:00 is the previous evening in UTC', () => {
    // Monday 02:00 in Shanghai is Sunday 18:00 UTC.
    expect(toUtcPatterns(weekly(['MO', 'WE'], ['02:00']), SHANGHAI)).toEqual(['FREQ=WEEKLY;BYDAY=TU,SU;BYHOUR=18;BYMINUTE=00']);
  });

  it('moves week days forward when an evening in UTC-05:00 is the next day in UTC, wrapping Sunday to Monday', () => {
    expect(toUtcPatterns(weekly(['FR', 'SU'], ['21:00']), NEW_YORK)).toEqual(['FREQ=WEEKLY;BYDAY=MO,SA;BYHOUR=2;BYMINUTE=00']);
  });

  it('splits times that land on different UTC days, and times with different minutes, into separate rules', () => {
    const patterns = toUtcPatterns(weekly(['MO'], ['02:00', '12:00', '13:30']), SHANGHAI);
    expect(patterns).toEqual([
      'FREQ=WEEKLY;BYDAY=SU;BYHOUR=18;BYMINUTE=00',
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=4;BYMINUTE=00',
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=5;BYMINUTE=30',
    ]);
    expect(scheduleIssues(patterns)).toEqual([]);
  });

  it('handles half-hour zones', () => {
    expect(toUtcPatterns(daily(2, ['09:00', '20:00']), KOLKATA)).toEqual([
      'FREQ=DAILY;INTERVAL=2;BYHOUR=3,14;BYMINUTE=30',
    ]);
  });

  it('round-trips: the stored UTC patterns read back as the same local schedule', () => {
    const drafts = [weekly(['MO', 'WE', 'FR'], ['02:00', '23:30']), weekly(['SU'], ['00:00', '12:00']), daily(3, ['01:00', '07:15'])];
    for (const offset of [SHANGHAI, NEW_YORK, KOLKATA, 0]) {
      for (const draft of drafts) expect(fromUtcPatterns(toUtcPatterns(draft, offset), offset)).toEqual(draft);
    }
  });

  it('reads the spec\'s examples in UTC+08:00', () => {
    expect(fromUtcPatterns(['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00'], SHANGHAI)).toEqual(weekly(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], ['22:00']));
    expect(fromUtcPatterns(['FREQ=WEEKLY;BYDAY=SU;BYHOUR=23;BYMINUTE=00'], SHANGHAI)).toEqual(weekly(['MO'], ['07:00']));
  });

  it('gives up (leaving the patterns as text) when the rules cannot be said as one local schedule', () => {
    expect(fromUtcPatterns(['FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=00', 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=5;BYMINUTE=00'], 0)).toBeUndefined();
    expect(fromUtcPatterns(['FREQ=WEEKLY;BYDAY=MO;BYHOUR=1;BYMINUTE=00', 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=5;BYMINUTE=00'], 0)).toBeUndefined();
    expect(fromUtcPatterns(['FREQ=HOURLY;BYHOUR=1;BYMINUTE=00'], 0)).toBeUndefined();
  });

  it('lets the cloud\'s limits through to the contract check: times less than an hour apart are refused', () => {
    const patterns = toUtcPatterns(daily(1, ['10:00', '10:30']), SHANGHAI);
    expect(scheduleIssues(patterns)[0]?.message).toMatch(/at least one hour apart/);
    const wrap = toUtcPatterns(daily(1, ['07:30', '08:00']), SHANGHAI);
    expect(scheduleIssues(wrap)[0]?.message).toMatch(/at least one hour apart/);
  });

  it('names what the draft lacks', () => {
    expect(draftProblems(weekly([], []))).toEqual(['noTimes', 'noDays']);
    expect(draftProblems(daily(0, ['25:00']))).toEqual(['badTime', 'badInterval']);
    expect(draftProblems(daily(1, ['06:00']))).toEqual([]);
  });

  it('labels zones as the cloud writes them', () => {
    expect(offsetLabel(SHANGHAI)).toBe('UTC+08:00');
    expect(offsetLabel(NEW_YORK)).toBe('UTC-05:00');
    expect(offsetLabel(KOLKATA)).toBe('UTC+05:30');
  });
});

describe('schedule preview (rrule)', () => {
  it('lists the next runs of all rules in order', () => {
    const patterns = ['FREQ=WEEKLY;BYDAY=SU;BYHOUR=18;BYMINUTE=00', 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=4;BYMINUTE=00'];
    const runs = nextRuns(patterns, new Date('2026-11-25T12:00:00Z'), 3); // a Wednesday
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-11-29T18:00:00.000Z', '2026-11-30T04:00:00.000Z', '2026-12-06T18:00:00.000Z']);
  });

  it('counts "every N days" from the day the schedule began, as the cloud does', () => {
    const runs = nextRuns(['FREQ=DAILY;INTERVAL=3;BYHOUR=6;BYMINUTE=00'], new Date('2026-11-25T12:00:00Z'), 2, '2026-11-24T09:13:00Z');
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-11-27T06:00:00.000Z', '2026-11-30T06:00:00.000Z']);
  });

  it('never counts the present moment as a run', () => {
    const runs = nextRuns(['FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00'], new Date('2026-11-25T06:00:00Z'), 1);
    expect(runs[0]?.toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });
});

describe('retention editor', () => {
  it('sends only the fields of the chosen kind', () => {
    const d = { kind: 'count' as const, maxBackups: 7, retentionDays: 30, dayBackups: 3, timezone: 'UTC+08:00' };
    expect(retentionFromDraft(d)).toEqual({ maxBackups: 7 });
    expect(retentionFromDraft({ ...d, kind: 'days' })).toEqual({ retentionDays: 30 });
    expect(retentionFromDraft({ ...d, kind: 'forever' })).toEqual({});
    expect(retentionFromDraft({ kind: 'periodic', dayBackups: 3, weekBackups: 2, capBackups: 20, timezone: 'UTC+08:00' })).toEqual({ dayBackups: 3, weekBackups: 2, maxBackups: 20, timezone: 'UTC+08:00' });
  });

  it('reads a stored rule back into its kind', () => {
    expect(retentionKind({})).toBe('forever');
    expect(retentionKind({ maxBackups: 4 })).toBe('count');
    expect(retentionKind({ retentionDays: 9 })).toBe('days');
    expect(retentionKind({ monthBackups: 1, maxBackups: 4, timezone: 'UTC+00:00' })).toBe('periodic');
    expect(draftFromRetention({ monthBackups: 1, maxBackups: 4, timezone: 'UTC-05:00' }, 'UTC+08:00')).toMatchObject({ kind: 'periodic', monthBackups: 1, capBackups: 4, timezone: 'UTC-05:00' });
  });

  it('enforces the cloud\'s combinations', () => {
    expect(draftIssues({ kind: 'count' })).toEqual([{ path: 'maxBackups', message: 'required' }]);
    expect(draftIssues({ kind: 'days' })).toEqual([{ path: 'retentionDays', message: 'required' }]);
    expect(draftIssues({ kind: 'periodic', dayBackups: 0, weekBackups: 0, timezone: 'UTC+08:00' }).map((i) => i.path)).toEqual(['dayBackups']);
    expect(draftIssues({ kind: 'periodic', dayBackups: 2 }).map((i) => i.path)).toEqual(['timezone']);
    expect(draftIssues({ kind: 'periodic', dayBackups: 2, capBackups: 10, timezone: 'UTC+08:00' })).toEqual([]);
    expect(draftIssues({ kind: 'forever' })).toEqual([]);
  });
});
