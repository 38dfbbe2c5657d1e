import '../vaults/catalogue.ts';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { hoursInLocalOrder, orderStartTimes, utcHourToLocal } from './vbsModel.ts';

/**
 * The 24 whole UTC hours VBS accepts, laid out in the reader's day: each box shows the local time
 * large and the UTC hour the cloud stores small, so neither is a guess.
 */
export function VbsStartTimes({ field, selected, offsetMinutes, zone, error }: { field: UseFormRegisterReturn; selected: readonly string[]; offsetMinutes: number; zone: string; error: string | undefined }) {
  const { t } = useTranslation();
  const chosen = orderStartTimes(selected, offsetMinutes).map((utc) => t('vbs.policyForm.timePair', { utc, local: utcHourToLocal(utc, offsetMinutes).time }));
  return (
    <fieldset aria-describedby="vbs-times-note" aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('vbs.policyForm.startTimes')}</legend>
      <p id="vbs-times-note" className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('vbs.policyForm.timesNote', { zone })}</p>
      <div className="mt-2 grid grid-cols-6 gap-1.5 sm:grid-cols-8">
        {hoursInLocalOrder(offsetMinutes).map((utc) => {
          const local = utcHourToLocal(utc, offsetMinutes).time;
          return (
            <label key={utc} className="flex cursor-pointer flex-col items-center rounded-md border border-slate-200 px-1 py-1 text-sm has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-500 dark:border-slate-700 dark:has-[:checked]:border-blue-400 dark:has-[:checked]:bg-blue-950/60">
              <input type="checkbox" value={utc} className="sr-only" aria-label={t('vbs.policyForm.timePair', { utc, local })} {...field} />
              <span className="font-medium tabular-nums text-slate-900 dark:text-slate-100">{local}</span>
              <span className="text-[11px] tabular-nums text-slate-500 dark:text-slate-400">{t('vbs.policyForm.utcHour', { utc })}</span>
            </label>
          );
        })}
      </div>
      <p className="mt-2 text-xs text-slate-700 dark:text-slate-300" aria-live="polite">
        {chosen.length ? t('vbs.policyForm.chosenTimes', { times: chosen.join(', ') }) : t('vbs.policyForm.noTimes')}
      </p>
      {error && <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p>}
    </fieldset>
  );
}
