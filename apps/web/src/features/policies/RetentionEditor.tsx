import '../vaults/catalogue.ts';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from 'react-hook-form';
import { RETENTION_LIMITS } from '@console/contract';
import { TextField } from '../../components/TextField.tsx';
import { NumberField, toOptionalNumber } from '../../components/form/fields.tsx';
import { PERIODIC_FIELDS, type RetentionDraft, type RetentionKind } from './retention.ts';

const KINDS: readonly RetentionKind[] = ['count', 'days', 'periodic', 'forever'];

interface RetentionEditorProps {
  value: RetentionDraft;
  onChange: (value: RetentionDraft) => void;
  errors?: FieldErrors<RetentionDraft> | undefined;
}

/**
 * One kind of rule at a time: the cloud refuses a number of days together with anything else, so
 * the choice is a radio group and only the chosen kind's fields are shown and sent.
 */
export function RetentionEditor({ value, onChange, errors }: RetentionEditorProps) {
  const { t } = useTranslation();
  const set = (change: Partial<RetentionDraft>) => onChange({ ...value, ...change });
  const num = (key: keyof RetentionDraft) => ({
    value: value[key] === undefined || Number.isNaN(value[key]) ? '' : (value[key] as number),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [key]: toOptionalNumber(e.target.value) }),
    error: errors?.[key]?.message,
  });
  const periodicRange = t('policies.retention.periodicRange', { max: RETENTION_LIMITS.periodic.max });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('policies.retention.title')}</legend>
      <div className="grid gap-1.5 text-sm sm:grid-cols-2" role="radiogroup" aria-label={t('policies.retention.title')}>
        {KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="radio" name="retention-kind" className="accent-blue-600" checked={value.kind === kind} onChange={() => set({ kind })} />
            {t(`policies.retention.kinds.${kind}`)}
          </label>
        ))}
      </div>
      {value.kind === 'count' && <NumberField label={t('policies.retention.maxBackups')} min={1} help={t('policies.retention.countRange', { max: RETENTION_LIMITS.maxBackups.max })} className="max-w-60" {...num('maxBackups')} />}
      {value.kind === 'days' && <NumberField label={t('policies.retention.retentionDays')} min={1} help={t('policies.retention.countRange', { max: RETENTION_LIMITS.retentionDays.max })} className="max-w-60" {...num('retentionDays')} />}
      {value.kind === 'periodic' && (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400">{t('policies.retention.periodicHelp')}</p>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {PERIODIC_FIELDS.map((key) => <NumberField key={key} label={t(`policies.retention.${key}`)} min={0} max={RETENTION_LIMITS.periodic.max} {...num(key)} />)}
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">{periodicRange}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <NumberField label={t('policies.retention.capBackups')} min={1} help={t('policies.retention.capHelp')} {...num('capBackups')} />
            <TextField label={t('policies.retention.timezone')} value={value.timezone ?? ''} onChange={(e) => set({ timezone: e.target.value || undefined })} error={errors?.timezone?.message} />
          </div>
        </>
      )}
      {value.kind === 'forever' && <p className="text-xs text-slate-500 dark:text-slate-400">{t('policies.retention.foreverHelp')}</p>}
    </fieldset>
  );
}
