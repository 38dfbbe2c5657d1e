import '../vaults/catalogue.ts';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.tsx';
import { CheckboxField } from '../../components/form/fields.tsx';
import type { PolicyFormValues } from './policyForm.ts';
import { RetentionEditor } from './RetentionEditor.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

interface PolicyFieldsProps {
  control: Control<PolicyFormValues>;
  register: UseFormRegister<PolicyFormValues>;
  errors: FieldErrors<PolicyFormValues>;
  offset: number;
  start?: string | undefined;
  autoFocus?: boolean;
}

/** A policy's fields, for its own dialog and for the vault wizard's "new policy" step. */
export function PolicyFields({ control, register, errors, offset, start, autoFocus }: PolicyFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="space-y-5">
      <TextField label={t('policies.form.name')} autoFocus={autoFocus} autoComplete="off" {...register('name')} error={errors.name?.message} />
      <CheckboxField label={t('policies.form.enabled')} help={t('policies.form.enabledHelp')} {...register('enabled')} />
      <Controller control={control} name="schedule" render={({ field }) => <ScheduleEditor value={field.value} onChange={field.onChange} offset={offset} start={start} error={errors.schedule?.message} />} />
      <Controller control={control} name="retention" render={({ field }) => <RetentionEditor value={field.value} onChange={field.onChange} errors={errors.retention} />} />
    </div>
  );
}
