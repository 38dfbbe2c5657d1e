import './catalogue.ts';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { quotaBar } from './diskModel.ts';

/** Capacity used, plus what this form would add, against the quota. */
export function QuotaBar({ usage, adding }: { usage: { limit: number | null; used: number; reserved?: number } | undefined; adding: number }) {
  const { t } = useTranslation();
  if (!usage) return null;
  const bar = quotaBar(usage, adding);
  return (
    <div className="mt-2 text-xs text-slate-600 dark:text-slate-300">
      {bar.limit === null ? (
        <p>{t('disks.quota.unlimited', { used: bar.used })}</p>
      ) : (
        <>
          <ProgressBar value={bar.percent} label={t('disks.quota.label')} />
          <p className={`mt-1 ${bar.over ? 'font-medium text-red-700 dark:text-red-400' : ''}`}>
            {t('disks.quota.text', { used: bar.used, adding: bar.adding, limit: bar.limit })}
          </p>
        </>
      )}
    </div>
  );
}
