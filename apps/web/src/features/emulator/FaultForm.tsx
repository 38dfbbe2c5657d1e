import './catalogue.ts';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { AddFault } from '@console/contract';
import { LoaderCircle, Zap } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { useAddFault } from './api.ts';
import { faultServices, knownJobTypes, knownOperations } from './emulatorModel.ts';
import { faultFormDefaults, faultResolver, type FaultFormValues } from './faultForm.ts';

const fieldsOfForm: readonly (keyof FaultFormValues)[] = ['service', 'operation', 'fixedMs', 'jitterMs', 'ratePercent', 'status', 'code', 'message', 'count', 'jobType'];

/** Makes the emulator misbehave on purpose: slow answers, refusals, or a job that ends in failure. */
export function FaultForm() {
  const { t } = useTranslation();
  const add = useAddFault();
  const listId = useId();
  const { register, handleSubmit, control, setError, formState } = useForm<FaultFormValues, unknown, AddFault>({
    resolver: faultResolver,
    defaultValues: faultFormDefaults,
  });
  const [kind, service] = useWatch({ control, name: ['kind', 'service'] }) as [FaultFormValues['kind'], (typeof faultServices)[number] | ''];
  const errors = formState.errors;
  const errorOf = (field: keyof FaultFormValues, rule: string) => fieldErrorText(errors[field], t, { too_small: rule, too_big: rule, invalid_type: rule, invalid_format: rule });

  const submit = handleSubmit((fault) =>
    add.mutate(fault, {
      onSuccess: () => showToast({ tone: 'success', title: t('emulator.inject.added') }),
      onError: (error) => void applyServerFieldErrors(error, fieldsOfForm, setError),
    }),
  );

  return (
    <Card title={t('emulator.inject.title')} icon={Zap}>
      <form noValidate onSubmit={submit} className="space-y-3 py-3" aria-label={t('emulator.inject.title')}>
        <SelectField
          label={t('emulator.inject.kind')}
          help={t(`emulator.inject.kindHelp.${kind}`)}
          options={[
            { value: 'error', label: t('emulator.inject.kinds.error') },
            { value: 'latency', label: t('emulator.inject.kinds.latency') },
            { value: 'job', label: t('emulator.inject.kinds.job') },
          ]}
          {...register('kind')}
        />
        {kind === 'job' ? (
          <>
            <TextField label={t('emulator.inject.jobType')} list={`${listId}-jobs`} autoComplete="off" {...register('jobType')} error={errorOf('jobType', t('emulator.inject.jobTypeRule'))} />
            <datalist id={`${listId}-jobs`}>
              {knownJobTypes.map((type) => <option key={type} value={type} />)}
            </datalist>
          </>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label={t('emulator.inject.service')}
              options={[{ value: '', label: t('emulator.inject.anyService') }, ...faultServices.map((name) => ({ value: name, label: name.toUpperCase() }))]}
              {...register('service')}
            />
            <TextField
              label={t('emulator.inject.operation')}
              placeholder={t('emulator.inject.anyOperation')}
              list={`${listId}-operations`}
              autoComplete="off"
              {...register('operation')}
              error={errorOf('operation', t('emulator.inject.operationRule'))}
            />
            <datalist id={`${listId}-operations`}>
              {(service ? knownOperations[service] : []).map((operation) => <option key={operation} value={operation} />)}
            </datalist>
          </div>
        )}
        {kind === 'latency' && (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={t('emulator.inject.fixedMs')} inputMode="numeric" autoComplete="off" {...register('fixedMs')} error={errorOf('fixedMs', t('emulator.inject.msRule'))} />
            <TextField label={t('emulator.inject.jitterMs')} inputMode="numeric" autoComplete="off" {...register('jitterMs')} error={errorOf('jitterMs', t('emulator.inject.msRule'))} />
          </div>
        )}
        {kind === 'error' && (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={t('emulator.inject.rate')} inputMode="decimal" autoComplete="off" {...register('ratePercent')} error={errorOf('ratePercent', t('emulator.inject.rateRule'))} />
            <TextField label={t('emulator.inject.status')} inputMode="numeric" autoComplete="off" {...register('status')} error={errorOf('status', t('emulator.inject.statusRule'))} />
          </div>
        )}
        {kind !== 'latency' && (
          <>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label={t('emulator.inject.code')} placeholder={kind === 'job' ? 'Ecs.0027' : 'EVS.5503'} autoComplete="off" {...register('code')} error={errorOf('code', t('emulator.inject.codeRule'))} />
              <TextField
                label={kind === 'job' ? t('emulator.inject.jobCount') : t('emulator.inject.count')}
                placeholder={kind === 'job' ? '1' : t('emulator.inject.untilRemoved')}
                inputMode="numeric"
                autoComplete="off"
                {...register('count')}
                error={errorOf('count', t('emulator.inject.countRule'))}
              />
            </div>
            <TextField label={t('emulator.inject.message')} placeholder={t('emulator.inject.messagePlaceholder')} autoComplete="off" {...register('message')} error={errorOf('message', t('validation.tooLong', { max: 256 }))} />
          </>
        )}
        {add.isError && <ErrorNotice title={t('common.refused')} error={add.error} />}
        <div className="flex justify-end">
          <button type="submit" className="btn-primary" disabled={add.isPending} aria-busy={add.isPending}>
            {add.isPending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
            {t('emulator.inject.submit')}
          </button>
        </div>
      </form>
    </Card>
  );
}
