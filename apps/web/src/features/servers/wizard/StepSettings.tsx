import '../catalogue.ts';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SERVER_NAME_MAX } from '@console/contract';
import { TextField } from '../../../components/TextField.tsx';
import { firstTagError, TagsField } from '../../../components/form/TagsField.tsx';
import { LoginFields } from '../LoginFields.tsx';
import type { WizardForm } from './wizardModel.ts';

export function StepSettings({ form }: { form: UseFormReturn<WizardForm> }) {
  const { t } = useTranslation();
  const { register, control, setValue, formState: { errors } } = form;
  const [mode, count] = useWatch({ control, name: ['loginMode', 'count'] });
  const batch = (count ?? 1) > 1;
  return (
    <>
      <h2 className="text-base font-semibold text-slate-900 dark:text-white">{t('servers.wizard.steps.settings')}</h2>
      <LoginFields
        mode={mode}
        onModeChange={(m) => setValue('loginMode', m === 'keep' ? 'password' : m)}
        keyField={register('keyName')}
        passField={register('adminPass')}
        keyError={errors.keyName?.message}
        passError={errors.adminPass?.message}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <TextField label={t('servers.wizard.name')} autoComplete="off" spellCheck={false} {...register('name')} error={errors.name?.message} />
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {batch ? t('servers.wizard.nameBatch', { max: SERVER_NAME_MAX.batch }) : t('servers.wizard.nameHelp', { max: SERVER_NAME_MAX.single })}
          </p>
        </div>
        <TextField label={t('servers.edit.description')} autoComplete="off" {...register('description')} error={errors.description?.message} />
      </div>
      <Controller
        control={control}
        name="tags"
        render={({ field }) => (
          <TagsField label={t('servers.tagsDialog.label')} help={t('servers.tagsDialog.help')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={firstTagError(errors.tags)?.message} />
        )}
      />
    </>
  );
}
