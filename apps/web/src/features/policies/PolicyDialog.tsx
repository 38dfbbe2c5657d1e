import '../vaults/catalogue.ts';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Policy } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors } from '../../components/form/fieldErrors.ts';
import { FormButtons } from '../../components/form/FormButtons.tsx';
import { announceTask } from '../disks/announce.ts';
import { useCbrMutation } from '../vaults/api.ts';
import { createPolicy, updatePolicy } from './api.ts';
import { PolicyFields } from './PolicyFields.tsx';
import { policyDefaults, policyResolver, toPolicyInput, type PolicyFormValues } from './policyForm.ts';
import { browserOffsetMinutes } from './schedule.ts';

/** Create a policy, or change one (its schedule shown in the reader's zone, stored in UTC). */
export function PolicyDialog({ policy, onClose }: { policy?: Policy | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const offset = useMemo(() => browserOffsetMinutes(), []);
  const resolver = useMemo(() => policyResolver(t, offset), [t, offset]);
  const save = useCbrMutation((values: PolicyFormValues) => {
    const input = toPolicyInput(values, offset);
    return policy ? updatePolicy(policy.id, input) : createPolicy(input);
  }, (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { control, register, handleSubmit, setError, formState } = useForm<PolicyFormValues>({ resolver, defaultValues: policyDefaults(policy, offset) });
  const submit = handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: (answer) => {
        onClose();
        if (!policy && answer.policy) void navigate(`/policies/${encodeURIComponent(answer.policy.id)}`);
      },
      onError: (error) => { if (!applyServerFieldErrors(error, ['name', 'schedule'], setError)) setRefusal(error); },
    }),
  );
  return (
    <Modal wide open onOpenChange={(open) => !open && onClose()} title={policy ? t('policies.edit.title', { name: policy.name }) : t('policies.create.title')} description={t('policies.create.description')}>
      <form noValidate onSubmit={submit}>
        {refusal !== undefined && <div className="mb-3"><ErrorNotice title={t('common.refused')} error={refusal} /></div>}
        <PolicyFields control={control} register={register} errors={formState.errors} offset={offset} start={policy?.scheduleStart} autoFocus />
        <FormButtons submitLabel={policy ? t('policies.edit.submit') : t('policies.create.submit')} pending={save.isPending} />
      </form>
    </Modal>
  );
}
