import './catalogue.ts';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CreateVault, CreateVaultSchema } from '@console/contract';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { SelectField } from '../../components/form/SelectField.tsx';
import { usePolicies } from '../policies/api.ts';
import { PolicyFields } from '../policies/PolicyFields.tsx';
import type { PolicyFormValues } from '../policies/policyForm.ts';
import { scheduleSummary } from '../policies/policyText.ts';

export type PolicyChoice = 'none' | 'existing' | 'new';

interface PolicyStepProps {
  choice: PolicyChoice;
  onChoice: (choice: PolicyChoice) => void;
  form: UseFormReturn<(typeof CreateVaultSchema)['_zod']['input'], unknown, CreateVault>;
  policyForm: UseFormReturn<PolicyFormValues>;
  offset: number;
}

/** No policy, one of the project's backup policies, or a new one made with the vault. */
export function PolicyStep({ choice, onChoice, form, policyForm, offset }: PolicyStepProps) {
  const { t } = useTranslation();
  const policies = usePolicies();
  const backupPolicies = (policies.data?.items ?? []).filter((p) => p.type === 'backup');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label={t('vaults.create.steps.policy')}>
        {(['none', 'existing', 'new'] as const).map((c) => (
          <label key={c} className="flex items-center gap-2"><input type="radio" name="policy-choice" className="accent-blue-600" checked={choice === c} onChange={() => onChoice(c)} />{t(`vaults.create.policy.${c}`)}</label>
        ))}
      </div>
      {choice === 'none' && <p className="text-xs text-slate-500 dark:text-slate-400">{t('vaults.create.policy.noneHelp')}</p>}
      {choice === 'existing' && (
        <SelectField
          label={t('vaults.columns.policy')}
          options={[{ value: '', label: policies.isPending ? t('common.loading') : t('vaults.create.choosePolicy') }, ...backupPolicies.map((p) => ({ value: p.id, label: `${p.name} — ${scheduleSummary(p.schedule, offset, t)}` }))]}
          {...form.register('policyId', { setValueAs: (v: string) => v || undefined })}
          error={fieldErrorText(form.formState.errors.policyId, t, { worded: undefined })}
        />
      )}
      {choice === 'new' && <PolicyFields control={policyForm.control} register={policyForm.register} errors={policyForm.formState.errors} offset={offset} />}
    </div>
  );
}
