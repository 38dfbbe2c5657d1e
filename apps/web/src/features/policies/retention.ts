import { retentionIssues, type Retention } from '@console/contract';

// The cloud keeps backups by one kind of rule: a number of backups, a number of days, or the
// latest backup of each of the last N days/weeks/months/years (which may add a number of backups).
// The editor offers those kinds as a choice, so combinations the cloud refuses cannot be made.

export type RetentionKind = 'forever' | 'count' | 'days' | 'periodic';

export interface RetentionDraft {
  kind: RetentionKind;
  maxBackups?: number | undefined;
  retentionDays?: number | undefined;
  dayBackups?: number | undefined;
  weekBackups?: number | undefined;
  monthBackups?: number | undefined;
  yearBackups?: number | undefined;
  /** Periodic rules only: also keep at most this many backups in all. */
  capBackups?: number | undefined;
  timezone?: string | undefined;
}

export const PERIODIC_FIELDS = ['dayBackups', 'weekBackups', 'monthBackups', 'yearBackups'] as const;

export function retentionKind(r: Retention | Partial<Retention>): RetentionKind {
  if (PERIODIC_FIELDS.some((k) => r[k] !== undefined)) return 'periodic';
  if (r.retentionDays !== undefined) return 'days';
  if (r.maxBackups !== undefined) return 'count';
  return 'forever';
}

export function draftFromRetention(r: Partial<Retention>, defaultZone: string): RetentionDraft {
  const kind = retentionKind(r);
  if (kind === 'periodic') {
    return { kind, dayBackups: r.dayBackups, weekBackups: r.weekBackups, monthBackups: r.monthBackups, yearBackups: r.yearBackups, capBackups: r.maxBackups, timezone: r.timezone ?? defaultZone };
  }
  return { kind, maxBackups: r.maxBackups, retentionDays: r.retentionDays, timezone: defaultZone };
}

const given = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? undefined : n);

/** Only the fields of the chosen kind: what the others held is not sent. */
export function retentionFromDraft(d: RetentionDraft): Partial<Retention> {
  switch (d.kind) {
    case 'forever':
      return {};
    case 'count':
      return { maxBackups: given(d.maxBackups) };
    case 'days':
      return { retentionDays: given(d.retentionDays) };
    case 'periodic': {
      const out: Partial<Retention> = { timezone: d.timezone };
      for (const k of PERIODIC_FIELDS) {
        const v = given(d[k]);
        if (v !== undefined) out[k] = v;
      }
      const cap = given(d.capBackups);
      if (cap !== undefined) out.maxBackups = cap;
      return out;
    }
  }
}

/** The contract's rules (the BFF applies the same), by draft field. */
export function draftIssues(d: RetentionDraft): { path: string; message: string }[] {
  const r = retentionFromDraft(d);
  const issues = retentionIssues(r);
  if (d.kind === 'count' && r.maxBackups === undefined) issues.push({ path: 'maxBackups', message: 'required' });
  if (d.kind === 'days' && r.retentionDays === undefined) issues.push({ path: 'retentionDays', message: 'required' });
  return issues.map((i) => (d.kind === 'periodic' && i.path === 'maxBackups' ? { ...i, path: 'capBackups' } : i));
}
