import './catalogue.ts';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateVaultSchema, VAULT_SIZE_GIB, type CreateVault } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { NumberField, toOptionalNumber } from '../../components/form/fields.tsx';
import { firstTagError, TagListField } from '../../components/form/TagsField.tsx';
import { createPolicy } from '../policies/api.ts';
import { policyDefaults, policyResolver, toPolicyInput, type PolicyFormValues } from '../policies/policyForm.ts';
import { browserOffsetMinutes } from '../policies/schedule.ts';
import { createVault, useCbrMutation } from './api.ts';
import { ResourcePicker } from './ResourcePicker.tsx';
import { PolicyStep, type PolicyChoice } from './VaultPolicyStep.tsx';
import { WizardButtons, WizardSteps } from './Wizard.tsx';

type Input = (typeof CreateVaultSchema)['_zod']['input'];
const steps = ['basics', 'resources', 'policy', 'binding'] as const;
type Step = (typeof steps)[number];
const stepFields: Record<Step, (keyof Input)[]> = { basics: ['name', 'protectedType', 'sizeGiB', 'description'], resources: ['resources'], policy: ['policyId'], binding: ['autoBind', 'bindRules', 'autoExpand', 'tags'] };

/** The vault wizard: what it protects and how big, which resources, which policy (existing or new), auto-bind. */
export function CreateVaultDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const offset = useMemo(() => browserOffsetMinutes(), []);
  const [step, setStep] = useState<Step>('basics');
  const [choice, setChoice] = useState<PolicyChoice>('none');
  const [refusal, setRefusal] = useState<unknown>();
  const form = useForm<Input, unknown, CreateVault>({ resolver: zodResolver(CreateVaultSchema), defaultValues: { name: '', protectedType: 'disk', sizeGiB: 100, resources: [], autoBind: false, autoExpand: false, tags: [] } });
  const policyForm = useForm<PolicyFormValues>({ resolver: useMemo(() => policyResolver(t, offset), [t, offset]), defaultValues: policyDefaults(undefined, offset) });
  const { register, control, formState, setError, trigger, handleSubmit } = form;
  const type = useWatch({ control, name: 'protectedType' });
  const autoBind = useWatch({ control, name: 'autoBind' });
  // A policy made for this vault is made once: a retry after the vault was refused reuses it.
  const madePolicy = useRef<string | undefined>(undefined);
  const create = useCbrMutation(async (values: CreateVault) => {
    if (choice !== 'new') return createVault({ ...values, ...(choice === 'none' ? { policyId: undefined } : {}) });
    madePolicy.current ??= (await createPolicy(toPolicyInput(policyForm.getValues(), offset))).policy?.id;
    return createVault({ ...values, policyId: madePolicy.current });
  }, (task) => announceTask(task, t));

  const index = steps.indexOf(step);
  const next = async () => {
    const ok = await trigger(stepFields[step], { shouldFocus: true });
    const policyOk = step !== 'policy' || choice !== 'new' || (await policyForm.trigger());
    if (step === 'policy' && choice === 'existing' && !form.getValues('policyId')) {
      setError('policyId', { type: 'worded', message: t('vaults.create.choosePolicy') });
      return;
    }
    if (ok && policyOk) setStep(steps[index + 1]!);
  };
  const submit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (answer) => {
        onClose();
        if (answer.vault) void navigate(`/vaults/${encodeURIComponent(answer.vault.id)}`);
      },
      onError: (error) => {
        if (applyServerFieldErrors(error, ['name', 'sizeGiB', 'resources', 'policyId', 'tags', 'bindRules'], setError)) setStep('basics');
        else setRefusal(error);
      },
    }),
  );
  const sizeHint = t('vaults.form.sizeRange', { min: VAULT_SIZE_GIB.min, max: VAULT_SIZE_GIB.max });
  return (
    <Modal wide open onOpenChange={(open) => !open && onClose()} title={t('vaults.create.title')} description={t('vaults.create.description')}>
      <form noValidate onSubmit={(e) => { if (step !== 'binding') { e.preventDefault(); void next(); } else void submit(e); }}>
        <WizardSteps steps={steps.map((s) => ({ id: s, label: t(`vaults.create.steps.${s}`) }))} current={step} />
        {refusal !== undefined && <div className="mb-3"><ErrorNotice title={t('common.refused')} error={refusal} /></div>}
        <div className="space-y-4">
          {step === 'basics' && (
            <>
              <fieldset>
                <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('vaults.columns.protectedType')}</legend>
                <div className="mt-1 flex gap-4 text-sm">
                  {(['disk', 'server'] as const).map((value) => (
                    <label key={value} className="flex items-center gap-2"><input type="radio" className="accent-blue-600" value={value} {...register('protectedType', { onChange: () => form.setValue('resources', []) })} />{t(`vaults.protectedType.${value}`)}</label>
                  ))}
                </div>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t('vaults.form.typeHelp')}</p>
              </fieldset>
              <TextField label={t('vaults.form.name')} autoFocus autoComplete="off" {...register('name')} error={fieldErrorText(formState.errors.name, t, { custom: t('vaults.form.nameRule'), too_big: t('vaults.form.nameRule') })} />
              <NumberField label={t('vaults.form.size')} min={VAULT_SIZE_GIB.min} help={sizeHint} {...register('sizeGiB', { setValueAs: toOptionalNumber })} error={fieldErrorText(formState.errors.sizeGiB, t, { too_small: sizeHint, too_big: sizeHint, invalid_type: sizeHint })} />
              <TextField label={t('vaults.form.description')} autoComplete="off" {...register('description', { setValueAs: (v: string) => v || undefined })} error={fieldErrorText(formState.errors.description, t)} />
            </>
          )}
          {step === 'resources' && (
            <Controller control={control} name="resources" render={({ field }) => (
              <ResourcePicker type={type} value={(field.value ?? []).map((r: { id: string }) => r.id)} onChange={(ids) => field.onChange(ids.map((id) => ({ id })))} error={fieldErrorText(formState.errors.resources as never, t)} />
            )} />
          )}
          {step === 'policy' && <PolicyStep choice={choice} onChoice={setChoice} form={form} policyForm={policyForm} offset={offset} />}
          {step === 'binding' && (
            <>
              <label className="flex items-center gap-2 text-sm font-medium text-slate-700 dark:text-slate-200"><input type="checkbox" className="size-4 accent-blue-600" {...register('autoBind')} />{t('vaults.form.autoBind')}</label>
              <p className="-mt-3 text-xs text-slate-500 dark:text-slate-400">{t('vaults.form.autoBindHelp', { type: t(`vaults.protectedType.${type}`) })}</p>
              {autoBind && (
                <Controller control={control} name="bindRules" render={({ field }) => (
                  <TagListField label={t('vaults.form.bindRules')} help={t('vaults.form.bindRulesHelp')} value={field.value?.tags} onChange={(tags) => field.onChange({ tags })} error={fieldErrorText(firstTagError(formState.errors.bindRules?.tags), t, { custom: t('vaults.form.tagsRule'), too_big: t('vaults.form.bindRulesMax') })} />
                )} />
              )}
              <label className="flex items-center gap-2 text-sm font-medium text-slate-700 dark:text-slate-200"><input type="checkbox" className="size-4 accent-blue-600" {...register('autoExpand')} />{t('vaults.form.autoExpand')}</label>
              <Controller control={control} name="tags" render={({ field }) => (
                <TagListField label={t('vaults.form.tags')} help={t('vaults.form.tagsHelp')} value={field.value} onChange={field.onChange} error={fieldErrorText(firstTagError(formState.errors.tags), t, { custom: t('vaults.form.tagsRule'), too_big: t('vaults.form.tagsMax') })} />
              )} />
            </>
          )}
        </div>
        <WizardButtons first={index === 0} last={step === 'binding'} pending={create.isPending} onBack={() => setStep(steps[index - 1]!)} submitLabel={t('vaults.create.submit')} />
      </form>
    </Modal>
  );
}
