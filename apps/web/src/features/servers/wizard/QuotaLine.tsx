import '../catalogue.ts';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { quotaBar } from '../../disks/diskModel.ts';

/** One ECS quota: used, what this request adds, against the limit. */
export function QuotaLine({ label, usage, adding, unit }: { label: string; usage: { limit: number | null; used: number }; adding: number; unit: string }) {
  const { t } = useTranslation();
  const bar = quotaBar(usage, adding);
  return (
    <div className="text-xs text-slate-600 dark:text-slate-300">
      <p className="font-medium">{label}</p>
      {bar.limit === null ? (
        <p>{t('servers.quota.unlimited', { used: `${bar.used}${unit}`, adding: `${bar.adding}${unit}` })}</p>
      ) : (
        <>
          <ProgressBar value={bar.percent} label={label} />
          <p className={`mt-1 ${bar.over ? 'font-medium text-red-700 dark:text-red-400' : ''}`}>
            {t('servers.quota.text', { used: `${bar.used}${unit}`, adding: `${bar.adding}${unit}`, limit: `${bar.limit}${unit}` })}
          </p>
        </>
      )}
    </div>
  );
}
