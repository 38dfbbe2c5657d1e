import '../catalogue.ts';
import { Gauge, OctagonAlert, TriangleAlert } from 'lucide-react';
import type { Overview } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card.tsx';
import { localeOf } from '../../../lib/format.ts';
import type { TranslationKey } from '../../../i18n/keys.ts';
import { ScreenLink } from './Tile.tsx';
import { formatCount, formatGiB, formatMiB, percentOf } from './format.ts';

interface QuotaRow {
  id: string;
  label: TranslationKey;
  href: string;
  usage: { limit: number | null; used: number } | undefined;
  format: (value: number, locale: string) => string;
}

/** From this share on, the bar warns in words as well as in colour. */
export const nearLimitPercent = 90;

function QuotaLine({ row }: { row: QuotaRow }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  if (!row.usage) return null;
  const { used, limit } = row.usage;
  const percent = percentOf(used, limit);
  const name = t(row.label);
  const text =
    limit === null
      ? t('overview.quotas.unlimited', { used: row.format(used, locale) })
      : t('overview.quotas.usage', { used: row.format(used, locale), limit: row.format(limit, locale) });
  const full = percent !== undefined && percent >= 100;
  const near = percent !== undefined && percent >= nearLimitPercent;
  const barColour = full ? 'bg-red-600 dark:bg-red-400' : near ? 'bg-amber-500 dark:bg-amber-400' : 'bg-blue-600 dark:bg-blue-400';
  return (
    <li className="py-2">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <ScreenLink href={row.href} className="font-medium text-slate-900 hover:underline dark:text-white">
          {name}
        </ScreenLink>
        <span className="text-xs text-slate-600 tabular-nums dark:text-slate-300">{text}</span>
      </div>
      {percent !== undefined && (
        <div
          role="progressbar"
          aria-label={t('overview.quotas.barLabel', { name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={text}
          className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <div className={`h-full rounded-full ${barColour}`} style={{ width: `${percent}%` }} />
        </div>
      )}
      {near && (
        <p className={`mt-1 flex items-center gap-1 text-xs font-medium ${full ? 'text-red-700 dark:text-red-300' : 'text-amber-800 dark:text-amber-200'}`}>
          {full ? <OctagonAlert aria-hidden className="size-3.5" /> : <TriangleAlert aria-hidden className="size-3.5" />}
          {full ? t('overview.quotas.atLimit') : t('overview.quotas.nearLimit')}
        </p>
      )}
    </li>
  );
}

/** Usage against each quota as a bar with the limit written next to it. */
export function QuotaBars({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const { evsQuotas: evs, ecsQuotas: ecs } = data;
  const rows: QuotaRow[] = [
    { id: 'instances', label: 'overview.quotas.servers', href: '/servers', usage: ecs?.instances, format: formatCount },
    { id: 'cores', label: 'overview.quotas.cores', href: '/servers', usage: ecs?.cores, format: formatCount },
    { id: 'ram', label: 'overview.quotas.ram', href: '/servers', usage: ecs?.ramMiB, format: formatMiB },
    { id: 'volumes', label: 'overview.quotas.diskCount', href: '/disks', usage: evs?.volumes, format: formatCount },
    { id: 'gigabytes', label: 'overview.quotas.diskCapacity', href: '/disks', usage: evs?.gigabytes, format: formatGiB },
    { id: 'snapshots', label: 'overview.quotas.snapshotCount', href: '/snapshots', usage: evs?.snapshots, format: formatCount },
  ];
  return (
    <Card title={t('overview.quotas.title')} icon={Gauge}>
      <p className="pt-2 text-xs text-slate-600 dark:text-slate-400">{t('overview.quotas.intro')}</p>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((row) => (
          <QuotaLine key={row.id} row={row} />
        ))}
      </ul>
    </Card>
  );
}
