import '../vaults/catalogue.ts';
import { useId, useState } from 'react';
import { Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { WEEK_DAYS } from '@console/contract';
import { NumberField, toOptionalNumber } from '../../components/form/fields.tsx';
import { SchedulePreview } from './SchedulePreview.tsx';
import { fromUtcPatterns, offsetLabel, toUtcPatterns, type ScheduleDraft, type WeekDay } from './schedule.ts';

/** The schedule as the editor holds it: a local draft, or the UTC rules as text when no draft can say them. */
export type ScheduleValue = { kind: 'simple'; draft: ScheduleDraft } | { kind: 'rules'; text: string };

export function scheduleValueOf(patterns: readonly string[], offset: number): ScheduleValue {
  const draft = patterns.length ? fromUtcPatterns(patterns, offset) : undefined;
  return draft ? { kind: 'simple', draft } : { kind: 'rules', text: patterns.join('\n') };
}

export function patternsOf(value: ScheduleValue, offset: number): string[] {
  return value.kind === 'simple' ? toUtcPatterns(value.draft, offset) : value.text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

interface ScheduleEditorProps {
  value: ScheduleValue;
  onChange: (value: ScheduleValue) => void;
  offset: number;
  /** When the schedule began (a saved policy): "every N days" counts from that day. */
  start?: string | undefined;
  error?: string | undefined;
}

/** Days of the week or every N days, at times of day, in the reader's zone; the UTC rules and next runs beside. */
export function ScheduleEditor({ value, onChange, offset, start, error }: ScheduleEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const patterns = patternsOf(value, offset);
  const [newTime, setNewTime] = useState('');
  const draft = value.kind === 'simple' ? value.draft : undefined;
  const set = (change: Partial<ScheduleDraft>) => draft && onChange({ kind: 'simple', draft: { ...draft, ...change } });
  const addTime = () => {
    if (!draft || !/^\d{2}:\d{2}$/.test(newTime) || draft.times.includes(newTime)) return;
    set({ times: [...draft.times, newTime].sort() });
    setNewTime('');
  };
  return (
    <fieldset className="space-y-3" aria-describedby={error ? `${id}-error` : `${id}-zone`}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('policies.schedule.title')}</legend>
      <p id={`${id}-zone`} className="text-xs text-slate-500 dark:text-slate-400">{t('policies.schedule.zone', { zone, offset: offsetLabel(offset) })}</p>
      {draft ? (
        <>
          <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label={t('policies.schedule.repeat')}>
            <label className="flex items-center gap-2"><input type="radio" className="accent-blue-600" checked={draft.mode === 'weekly'} onChange={() => set({ mode: 'weekly', days: draft.days.length ? draft.days : [...WEEK_DAYS] })} />{t('policies.schedule.weekly')}</label>
            <label className="flex items-center gap-2"><input type="radio" className="accent-blue-600" checked={draft.mode === 'daily'} onChange={() => set({ mode: 'daily', interval: draft.interval || 1 })} />{t('policies.schedule.daily')}</label>
          </div>
          {draft.mode === 'weekly' ? (
            <div className="flex flex-wrap gap-1.5" role="group" aria-label={t('policies.schedule.days')}>
              {WEEK_DAYS.map((day) => {
                const on = draft.days.includes(day);
                return (
                  <button key={day} type="button" aria-pressed={on} onClick={() => set({ days: on ? draft.days.filter((d) => d !== day) : WEEK_DAYS.filter((d) => d === day || draft.days.includes(d)) })}
                    className={`rounded-md border px-2.5 py-1 text-sm ${on ? 'border-blue-600 bg-blue-600 text-white dark:border-blue-400 dark:bg-blue-500' : 'border-slate-300 text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'}`}>
                    {t(`policies.days.${day as WeekDay}`)}
                  </button>
                );
              })}
            </div>
          ) : (
            <NumberField label={t('policies.schedule.interval')} min={1} max={999} className="max-w-40" value={Number.isNaN(draft.interval) ? '' : draft.interval} onChange={(e) => set({ interval: toOptionalNumber(e.target.value) ?? Number.NaN })} />
          )}
          <div>
            <p className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('policies.schedule.times')}</p>
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {draft.times.map((time) => (
                <li key={time} className="inline-flex items-center gap-1 rounded-md bg-slate-100 py-0.5 pr-1 pl-2 text-sm tabular-nums dark:bg-slate-800">
                  {time}
                  <button type="button" className="btn-icon size-6" aria-label={t('policies.schedule.removeTime', { time })} title={t('policies.schedule.removeTime', { time })} onClick={() => set({ times: draft.times.filter((x) => x !== time) })}>
                    <X aria-hidden className="size-3.5" />
                  </button>
                </li>
              ))}
            </ul>
            <div className="mt-2 flex items-center gap-2">
              <input type="time" step={60} className="input w-32" aria-label={t('policies.schedule.newTime')} value={newTime} onChange={(e) => setNewTime(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addTime(); } }} />
              <button type="button" className="btn-secondary" onClick={addTime}><Plus aria-hidden className="size-4" />{t('policies.schedule.addTime')}</button>
            </div>
          </div>
          <button type="button" className="text-xs text-blue-700 hover:underline dark:text-blue-300" onClick={() => onChange({ kind: 'rules', text: patterns.join('\n') })}>{t('policies.schedule.asRules')}</button>
        </>
      ) : (
        <div>
          <label htmlFor={`${id}-rules`} className="block text-sm font-medium text-slate-700 dark:text-slate-200">{t('policies.schedule.rules')}</label>
          <textarea id={`${id}-rules`} rows={4} spellCheck={false} className="input mt-1 h-auto py-1.5 font-mono text-xs" value={value.kind === 'rules' ? value.text : ''} onChange={(e) => onChange({ kind: 'rules', text: e.target.value })} />
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t('policies.schedule.rulesHelp')}</p>
          {fromUtcPatterns(patterns, offset) && (
            <button type="button" className="text-xs text-blue-700 hover:underline dark:text-blue-300" onClick={() => onChange(scheduleValueOf(patterns, offset))}>{t('policies.schedule.asDraft')}</button>
          )}
        </div>
      )}
      {error && <p id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-400">{error}</p>}
      <div className="rounded-md bg-slate-50 p-3 text-xs dark:bg-slate-800/60">
        <p className="font-medium text-slate-700 dark:text-slate-200">{t('policies.schedule.stored')}</p>
        <ul className="mt-1 space-y-0.5 font-mono text-slate-600 dark:text-slate-300">
          {patterns.map((p) => <li key={p} className="break-all">{p}</li>)}
        </ul>
        <SchedulePreview patterns={patterns} start={start} />
      </div>
    </fieldset>
  );
}
