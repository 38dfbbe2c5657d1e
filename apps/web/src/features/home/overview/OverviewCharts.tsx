import '../catalogue.ts';
import { ChartPie, Database, HardDrive } from 'lucide-react';
import type { Overview } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, Cell, Pie, PieChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Card } from '../../../components/Card.tsx';
import { StatusBadge, statusLook } from '../../../components/StatusBadge.tsx';
import { localeOf } from '../../../lib/format.ts';
import { diskStatusTones } from '../../disks/diskModel.ts';
import { diskStatusLabel, diskTypeLabel } from '../../disks/diskText.ts';
import { formatCount, formatGiB, percentOf } from './format.ts';
import { listHref } from './links.ts';
import { diskStatusFill, statusEntries, toneFill } from './statusModel.ts';
import { ScreenLink } from './Tile.tsx';

// The charts are pictures of the lists beside them: the svg is inert, out of the way of assistive technology
// and the list says every value in words, each one a link to the list it counts.

const empty = (text: string) => <p className="py-3 text-sm text-slate-600 dark:text-slate-400">{text}</p>;

export function DiskStatusChart({ disks }: { disks: NonNullable<Overview['disks']> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const entries = statusEntries(disks.byStatus);
  return (
    <Card title={t('overview.charts.diskStatus')} icon={ChartPie}>
      {entries.length === 0 ? (
        empty(t('overview.charts.noDisks'))
      ) : (
        <div className="flex flex-wrap items-center gap-4 py-3">
          <div inert className="size-36 shrink-0">
            <PieChart width={144} height={144} accessibilityLayer={false}>
              <Pie data={entries.map(([status, count]) => ({ status, count }))} dataKey="count" nameKey="status" innerRadius={42} outerRadius={68} isAnimationActive={false} stroke="none">
                {entries.map(([status]) => (
                  <Cell key={status} fill={diskStatusFill(status, statusLook(diskStatusTones, status).tone)} />
                ))}
              </Pie>
            </PieChart>
          </div>
          <ul className="max-w-xs min-w-40 flex-1 space-y-1.5 text-sm">
            {entries.map(([status, count]) => (
              <li key={status} className="flex items-center justify-between gap-3">
                <StatusBadge status={status} label={diskStatusLabel(status, t)} map={diskStatusTones} />
                <ScreenLink href={listHref('/disks', { status })} className="font-medium text-slate-900 tabular-nums hover:underline dark:text-white">
                  {formatCount(count, locale)}
                </ScreenLink>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

export function CapacityChart({ disks }: { disks: NonNullable<Overview['disks']> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const rows = disks.byType.map((entry) => ({ ...entry, label: diskTypeLabel(entry.type, t) }));
  // The axis shows the type's code (SSD, ESSD2); the list below names it in full.
  return (
    <Card title={t('overview.charts.capacity')} icon={HardDrive}>
      {rows.length === 0 ? (
        empty(t('overview.charts.noDisks'))
      ) : (
        <div className="py-3">
          <div inert style={{ height: Math.max(80, rows.length * 32) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <XAxis type="number" hide />
                <YAxis type="category" dataKey="type" width={64} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: 'currentColor' }} />
                <Bar dataKey="sizeGiB" fill={toneFill.blue} isAnimationActive={false} barSize={16} radius={[0, 3, 3, 0]} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="mt-2 space-y-1 text-sm">
            {rows.map((row) => (
              <li key={row.type} className="flex items-baseline justify-between gap-2">
                <span className="min-w-0 truncate text-slate-700 dark:text-slate-200" title={row.label}>
                  {row.label}
                </span>
                <ScreenLink href={listHref('/disks', { type: row.type })} className="whitespace-nowrap text-slate-900 tabular-nums hover:underline dark:text-white">
                  {formatGiB(row.sizeGiB, locale)} · {t('overview.charts.disksOfType', { count: row.count })}
                </ScreenLink>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

export function VaultStorageChart({ vaults }: { vaults: NonNullable<Overview['vaults']> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const rows = vaults.items.map((v) => ({ ...v, free: Math.max(0, v.sizeGiB - v.usedGiB) }));
  return (
    <Card title={t('overview.charts.vaultStorage')} icon={Database}>
      {rows.length === 0 ? (
        empty(t('overview.charts.noVaults'))
      ) : (
        <div className="py-3">
          <div inert style={{ height: Math.max(80, rows.length * 30) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <XAxis type="number" hide />
                <YAxis type="category" dataKey="name" width={110} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: 'currentColor' }} />
                <Bar dataKey="usedGiB" stackId="v" fill={toneFill.blue} isAnimationActive={false} barSize={14} />
                <Bar dataKey="free" stackId="v" fill="#94a3b8" fillOpacity={0.35} isAnimationActive={false} barSize={14} radius={[0, 3, 3, 0]} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="mt-2 space-y-1 text-sm">
            {rows.map((v) => (
              <li key={v.id} className="flex items-baseline justify-between gap-3">
                <ScreenLink href={`/vaults/${encodeURIComponent(v.id)}`} className="truncate font-medium text-slate-900 hover:underline dark:text-white">
                  {v.name}
                </ScreenLink>
                <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-300">
                  {t('overview.charts.vaultLine', { used: formatGiB(v.usedGiB, locale), size: formatGiB(v.sizeGiB, locale) })}
                  {' · '}
                  {new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format((percentOf(v.usedGiB, v.sizeGiB) ?? 0) / 100)}
                </span>
              </li>
            ))}
          </ul>
          {vaults.total > rows.length && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('overview.charts.moreVaults', { shown: rows.length, total: vaults.total })}</p>}
        </div>
      )}
    </Card>
  );
}
