import '../catalogue.ts';
import { useEffect } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { useSecurityGroups, useSubnets, useVpcs } from '../networkApi.ts';
import type { WizardForm } from './wizardModel.ts';

/** A VPC, one of its subnets (those of another zone are left out), and up to five security groups. */
export function StepNetwork({ form }: { form: UseFormReturn<WizardForm> }) {
  const { t } = useTranslation();
  const { register, control, setValue, formState: { errors } } = form;
  const [vpcId, zone, subnetId] = useWatch({ control, name: ['vpcId', 'availabilityZone', 'subnetId'] });
  const vpcs = useVpcs();
  const subnets = useSubnets(vpcId || undefined);
  const groups = useSecurityGroups(vpcId || undefined);
  const usable = (subnets.data?.items ?? []).filter((s) => !s.availabilityZone || s.availabilityZone === zone);
  // A subnet belongs to one VPC: choosing another VPC drops it.
  useEffect(() => {
    if (subnetId && subnets.data && !usable.some((s) => s.id === subnetId)) setValue('subnetId', '');
  }, [subnetId, subnets.data, usable, setValue]);
  const failed = [vpcs, subnets, groups].find((q) => q.isError);
  return (
    <>
      <h2 className="text-base font-semibold text-slate-900 dark:text-white">{t('servers.wizard.steps.network')}</h2>
      {failed && <ErrorNotice title={t('servers.wizard.networkFailed')} error={failed.error} onRetry={() => void failed.refetch()} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('servers.wizard.vpc')}
          options={[{ value: '', label: vpcs.isPending ? t('common.loading') : t('servers.wizard.chooseVpc') }, ...(vpcs.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name} (${v.cidr})` }))]}
          {...register('vpcId')}
          error={errors.vpcId?.message}
        />
        <SelectField
          label={t('servers.wizard.subnet')}
          disabled={!vpcId}
          options={[{ value: '', label: t('servers.wizard.chooseSubnet') }, ...usable.map((s) => ({ value: s.id, label: `${s.name} (${s.cidr})` }))]}
          help={vpcId && subnets.data && usable.length === 0 ? t('servers.wizard.noSubnets', { zone }) : undefined}
          {...register('subnetId')}
          error={errors.subnetId?.message}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('servers.wizard.groups')}</legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('servers.wizard.groupsHelp')}</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {(groups.data?.items ?? []).map((g) => (
            <label key={g.id} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
              <input type="checkbox" className="mt-0.5 size-4 accent-blue-600" value={g.id} {...register('securityGroupIds')} />
              <span>
                <span className="font-medium">{g.name}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{g.description || t('servers.groups.ruleCount', { count: g.rules.length })}</span>
              </span>
            </label>
          ))}
        </div>
        {!vpcId && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t('servers.wizard.vpcFirst')}</p>}
        {errors.securityGroupIds?.message && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors.securityGroupIds.message}</p>}
      </fieldset>
    </>
  );
}
