import '../catalogue.ts';
import './overviewApi.ts';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { CircleAlert } from 'lucide-react';
import { OVERVIEW_BACKUP_HOURS, type Overview as OverviewData, type OverviewSection } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import { LatestTasks } from './LatestTasks.tsx';
import { useOverview } from './overviewApi.ts';
import { QuotaBars } from './QuotaBars.tsx';
import { StatTiles } from './StatTiles.tsx';

// The chart library is the heaviest part of the overview: it arrives after the numbers.
const charts = () => import('./OverviewCharts.tsx');
const DiskStatusChart = lazy(() => charts().then((m) => ({ default: m.DiskStatusChart })));
const CapacityChart = lazy(() => charts().then((m) => ({ default: m.CapacityChart })));
const VaultStorageChart = lazy(() => charts().then((m) => ({ default: m.VaultStorageChart })));

function ChartSlot({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<div className="card h-48 animate-pulse" role="status" aria-label={t('overview.charts.loading')} />}>{children}</Suspense>
  );
}

function PartErrors({ errors }: { errors: OverviewData['errors'] }) {
  const { t } = useTranslation();
  const failed = Object.entries(errors) as [OverviewSection, { code: string; message: string }][];
  if (failed.length === 0) return null;
  return (
    <ul className="space-y-1">
      {failed.map(([part, error]) => (
        <li key={part} role="alert" className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {t('overview.partFailed', { part: t(`overview.parts.${part}`), message: error.message })} <code className="font-mono text-xs">{error.code}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The overview of the active profile: counts, charts, quotas and the latest tasks, all live. */
export function Overview() {
  const { t, i18n } = useTranslation();
  const { profile } = useSession();
  const overview = useOverview();
  // One window for the page's life, so the task cache key stays put while the page is open.
  const [taskSince] = useState(() => new Date(Date.now() - OVERVIEW_BACKUP_HOURS * 3_600_000).toISOString());
  const data = overview.data;

  return (
    <section aria-labelledby="overview-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="overview-title" className="text-base font-semibold text-slate-900 dark:text-white">
            {t('overview.title')}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t('overview.intro', { profile: profile.name })}</p>
        </div>
        {data && <p className="text-xs text-slate-500 dark:text-slate-400">{t('overview.updated', { time: formatDateTime(data.generatedAt, i18n.language) })}</p>}
      </div>
      {overview.isError && !data && <ErrorNotice title={t('overview.loadFailed')} error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && <PartErrors errors={data.errors} />}
      <StatTiles data={data} since={taskSince} />
      {data && (
        <>
          <div className="grid gap-4 lg:grid-cols-2">
            {data.disks && (
              <ChartSlot>
                <DiskStatusChart disks={data.disks} />
              </ChartSlot>
            )}
            {data.disks && (
              <ChartSlot>
                <CapacityChart disks={data.disks} />
              </ChartSlot>
            )}
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <QuotaBars data={data} />
            {data.vaults && (
              <ChartSlot>
                <VaultStorageChart vaults={data.vaults} />
              </ChartSlot>
            )}
          </div>
        </>
      )}
      <LatestTasks />
    </section>
  );
}
