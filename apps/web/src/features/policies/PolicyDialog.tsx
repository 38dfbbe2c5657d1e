import '../vaults/catalogue.ts';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyTaskResponse } from '@console/contract';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
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
  const form = useForm<PolicyFormValues>({ resolver, defaultValues: policyDefaults(policy, offset) });
  const openCreated = (answer: PolicyTaskResponse) => {
    if (!policy && answer.policy) void navigate(`/policies/${encodeURIComponent(answer.policy.id)}`);
  };
  return (
    <MutationFormDialog form={form} mutation={save} fields={['name', 'schedule']} onAccepted={openCreated} wide
      title={policy ? t('policies.edit.title', { name: policy.name }) : t('policies.create.title')} description={t('policies.create.description')}
      submitLabel={policy ? t('policies.edit.submit') : t('policies.create.submit')} boxes={{ refusal: 'mb-3' }} onClose={onClose}>
      <PolicyFields control={form.control} register={form.register} errors={form.formState.errors} offset={offset} start={policy?.scheduleStart} autoFocus />
    </MutationFormDialog>
  );
}
