import '../vaults/catalogue.ts';
import i18next, { type TFunction } from 'i18next';
import { localeOf } from '../../lib/format.ts';
import type { Policy } from '@console/contract';
import { fromUtcPatterns } from './schedule.ts';
import { retentionKind } from './retention.ts';

/** "Mon, Thu" / "周一、周四": the reader's own way of listing. */
const list = (items: string[]) => new Intl.ListFormat(localeOf(i18next.language), { type: 'conjunction', style: 'narrow' }).format(items);

/** "Mon, Wed at 02:00, 14:00" / "Every 3 days at 06:00", in the reader's zone; the rule count otherwise. */
export function scheduleSummary(patterns: readonly string[], offset: number, t: TFunction): string {
  const draft = fromUtcPatterns(patterns, offset);
  if (!draft) return t('policies.summary.rules', { count: patterns.length });
  const times = list(draft.times);
  if (draft.mode === 'daily') return draft.interval === 1 ? t('policies.summary.daily', { times }) : t('policies.summary.everyDays', { count: draft.interval, times });
  if (draft.days.length === 7) return t('policies.summary.daily', { times });
  return t('policies.summary.weekly', { days: list(draft.days.map((d) => t(`policies.days.${d}`))), times });
}

export function retentionSummary(r: Policy['retention'], t: TFunction): string {
  switch (retentionKind(r)) {
    case 'forever':
      return t('policies.summary.forever');
    case 'count':
      return t('policies.summary.count', { count: r.maxBackups ?? 0 });
    case 'days':
      return t('policies.summary.days', { count: r.retentionDays ?? 0 });
    case 'periodic': {
      const parts = (['dayBackups', 'weekBackups', 'monthBackups', 'yearBackups'] as const)
        .filter((k) => (r[k] ?? 0) > 0)
        .map((k) => t(`policies.summary.${k}`, { count: r[k] ?? 0 }));
      if (r.maxBackups) parts.push(t('policies.summary.cap', { count: r.maxBackups }));
      return `${list(parts)} (${r.timezone ?? ''})`;
    }
  }
}
