import '../vaults/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { scheduleIssues } from '@console/contract';
import { formatDateTime } from '../../lib/format.ts';
import { nextRuns } from './schedule.ts';

/** The next runs the cloud will make of these UTC rules, in the reader's zone. */
export function SchedulePreview({ patterns, start, count = 5 }: { patterns: readonly string[]; start?: string | undefined; count?: number }) {
  const { t, i18n } = useTranslation();
  const runs = patterns.length && scheduleIssues(patterns).length === 0 ? nextRuns(patterns, new Date(), count, start) : [];
  return (
    <div className="mt-2">
      <p className="font-medium text-slate-700 dark:text-slate-200">{t('policies.schedule.nextRuns')}</p>
      {runs.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">{t('policies.schedule.noRuns')}</p>
      ) : (
        <ol aria-label={t('policies.schedule.nextRuns')} className="mt-1 space-y-0.5 text-slate-700 tabular-nums dark:text-slate-200">
          {runs.map((run) => <li key={run.getTime()}><time dateTime={run.toISOString()}>{formatDateTime(run.toISOString(), i18n.language)}</time></li>)}
        </ol>
      )}
    </div>
  );
}
