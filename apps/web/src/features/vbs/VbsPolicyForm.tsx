import '../vaults/catalogue.ts';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateVbsPolicySchema, updateVbsPolicySchemaFor, VBS_LIMITS, VBS_WEEK_DAYS, type CreateVbsPolicy, type VbsPolicy } from '@console/contract';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { CheckboxField, toOptionalNumber } from '../../components/form/fields.tsx';
import { browserOffsetMinutes, offsetLabel } from '../policies/schedule.ts';
import { createVbsPolicy, updateVbsPolicy, useVbsMutation } from './api.ts';
import { orderStartTimes } from './vbsModel.ts';
import { VbsStartTimes } from './VbsStartTimes.tsx';

type Values = CreateVbsPolicy;
const FIELDS = ['name', 'startTimes', 'frequencyDays', 'weekDays', 'retentionCount', 'retentionDays', 'keepFirstOfMonth', 'enabled', 'timezone'] as const;

function defaults(policy: VbsPolicy | undefined, zone: string): Values {
  if (!policy) return { name: '', startTimes: ['18:00'], frequencyDays: 1, retentionCount: 7, keepFirstOfMonth: false, enabled: true, timezone: zone };
  return {
    name: policy.name, startTimes: policy.startTimes,
    ...(policy.weekDays ? { weekDays: policy.weekDays as Values['weekDays'] } : { frequencyDays: policy.frequencyDays ?? 1 }),
    ...(policy.retentionDays !== undefined ? { retentionDays: policy.retentionDays } : { retentionCount: policy.retentionCount ?? 7 }),
    keepFirstOfMonth: policy.keepFirstOfMonth, enabled: policy.enabled, timezone: zone,
  };
}

const choice = 'flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200';

/** Create a VBS policy, or change one; `policy` given means edit, checked against the stricter update limits. */
export function VbsPolicyFormDialog({ policy, onClose }: { policy?: VbsPolicy; onClose: () => void }) {
  const { t } = useTranslation();
  const offset = useMemo(() => browserOffsetMinutes(), []);
  const zone = offsetLabel(offset);
  const limits = policy ? VBS_LIMITS.update : VBS_LIMITS.create;
  const form = useForm<Values>({
    resolver: zodResolver(policy ? updateVbsPolicySchemaFor(policy.name) : CreateVbsPolicySchema) as Resolver<Values>,
    defaultValues: defaults(policy, zone),
  });
  const { register, setValue, control, formState } = form;
  const [byWeek, setByWeek] = useState(Boolean(policy?.weekDays));
  const [byDays, setByDays] = useState(policy?.retentionDays !== undefined);
  const save = useVbsMutation((values: Values) => {
    // The cloud wants several hours ordered by local time, and the zone that order was made in.
    const input = { ...values, startTimes: orderStartTimes(values.startTimes, offset), timezone: zone };
    return policy ? updateVbsPolicy(policy.id, input) : createVbsPolicy(input);
  }, (task) => announceTask(task, t));
  const startTimes = useWatch({ control, name: 'startTimes' });
  const errors = formState.errors;
  const range = (min: number, max: number) => t('vbs.policyForm.range', { min, max });
  const pickSchedule = (week: boolean) => { setByWeek(week); setValue('weekDays', week ? [] : undefined); setValue('frequencyDays', week ? undefined : 1); };
  const pickRetention = (days: boolean) => { setByDays(days); setValue('retentionDays', days ? 30 : undefined); setValue('retentionCount', days ? undefined : 7); };
  const numberField = { setValueAs: toOptionalNumber };
  return (
    <MutationFormDialog form={form} mutation={save} fields={FIELDS} wide title={policy ? t('vbs.policyForm.editTitle', { name: policy.name }) : t('vbs.policyForm.createTitle')} description={t('vbs.policyForm.description')}
      submitLabel={policy ? t('vbs.policyForm.save') : t('vbs.policyForm.create')} className="space-y-4" onClose={onClose}>
      <TextField label={t('vbs.policyForm.name')} autoFocus autoComplete="off" {...register('name')}
        error={fieldErrorText(errors.name, t, { invalid_format: t('vbs.policyForm.nameRule'), invalid_type: t('vbs.policyForm.nameRule'), custom: t('vbs.policyForm.nameDefault') })} />
      <VbsStartTimes field={register('startTimes')} selected={startTimes ?? []} offsetMinutes={offset} zone={zone}
        error={fieldErrorText(errors.startTimes as Parameters<typeof fieldErrorText>[0], t, { too_small: t('vbs.policyForm.chooseTime'), custom: t('vbs.policyForm.chooseTime') })} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('vbs.policyForm.frequency')}</legend>
        {policy && <p className="text-xs text-slate-600 dark:text-slate-400">{t('vbs.policyForm.kindKept')}</p>}
        <div className="flex flex-wrap gap-4">
          <label className={choice}><input type="radio" name="vbs-schedule" className="accent-blue-600" checked={!byWeek} disabled={Boolean(policy)} onChange={() => pickSchedule(false)} />{t('vbs.policyForm.everyDays')}</label>
          <label className={choice}><input type="radio" name="vbs-schedule" className="accent-blue-600" checked={byWeek} disabled={Boolean(policy)} onChange={() => pickSchedule(true)} />{t('vbs.policyForm.onWeekDays')}</label>
        </div>
        {byWeek ? (
          <div>
            <div className="flex flex-wrap gap-3" role="group" aria-label={t('vbs.policyForm.weekDays')}>
              {VBS_WEEK_DAYS.map((day) => <label key={day} className={choice}><input type="checkbox" value={day} className="size-4 accent-blue-600" {...register('weekDays')} />{t(`vbs.days.${day}`)}</label>)}
            </div>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('vbs.policyForm.weekDaysNote', { zone })}</p>
            {errors.weekDays && <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">{t('vbs.policyForm.chooseDay')}</p>}
          </div>
        ) : (
          <TextField label={t('vbs.policyForm.frequencyDays')} type="number" inputMode="numeric" min={limits.frequencyDays.min} max={limits.frequencyDays.max} className="max-w-48" {...register('frequencyDays', numberField)}
            error={errors.frequencyDays && range(limits.frequencyDays.min, limits.frequencyDays.max)} />
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('vbs.policyForm.retention')}</legend>
        <div className="flex flex-wrap gap-4">
          <label className={choice}><input type="radio" name="vbs-retention" className="accent-blue-600" checked={!byDays} disabled={Boolean(policy)} onChange={() => pickRetention(false)} />{t('vbs.policyForm.keepCount')}</label>
          <label className={choice}><input type="radio" name="vbs-retention" className="accent-blue-600" checked={byDays} disabled={Boolean(policy)} onChange={() => pickRetention(true)} />{t('vbs.policyForm.keepDays')}</label>
        </div>
        {byDays ? (
          <TextField label={t('vbs.policyForm.retentionDays')} type="number" inputMode="numeric" min={VBS_LIMITS.retentionDays.min} max={VBS_LIMITS.retentionDays.max} className="max-w-48" {...register('retentionDays', numberField)}
            error={errors.retentionDays && range(VBS_LIMITS.retentionDays.min, VBS_LIMITS.retentionDays.max)} />
        ) : (
          <TextField label={t('vbs.policyForm.retentionCount')} type="number" inputMode="numeric" min={limits.retentionCount.min} max={limits.retentionCount.max} className="max-w-48" {...register('retentionCount', numberField)}
            error={errors.retentionCount && range(limits.retentionCount.min, limits.retentionCount.max)} />
        )}
        <CheckboxField label={t('vbs.policyForm.keepFirstOfMonth')} {...register('keepFirstOfMonth')} />
      </fieldset>
      <CheckboxField label={t('vbs.policyForm.enabled')} help={t('vbs.policyForm.enabledHelp')} {...register('enabled')} />
    </MutationFormDialog>
  );
}
