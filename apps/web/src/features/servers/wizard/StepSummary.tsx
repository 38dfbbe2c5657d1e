import '../catalogue.ts';
import { useTranslation } from 'react-i18next';
import { Detail, DetailList } from '../../../components/DetailList.tsx';
import { tagsText } from '../../disks/diskModel.ts';
import { useSecurityGroups, useSubnets, useVpcs } from '../networkApi.ts';
import { flavorSpec } from '../serverModel.ts';
import { QuotaLine } from './QuotaLine.tsx';
import type { WizardContext, WizardForm } from './wizardModel.ts';

/** Everything that will be asked for, once more; the password is said to be set, never shown. */
export function StepSummary({ values: v, context }: { values: WizardForm; context: WizardContext }) {
  const { t } = useTranslation();
  const vpc = useVpcs().data?.items.find((x) => x.id === v.vpcId);
  const subnet = useSubnets(v.vpcId || undefined).data?.items.find((x) => x.id === v.subnetId);
  const groups = (useSecurityGroups(v.vpcId || undefined).data?.items ?? []).filter((g) => v.securityGroupIds.includes(g.id));
  const count = v.count ?? 1;
  const { flavor, image, ecsQuotas } = context;
  return (
    <>
      <h2 className="text-base font-semibold text-slate-900 dark:text-white">{t('servers.wizard.steps.summary')}</h2>
      <DetailList>
        <Detail term={t('servers.wizard.count')}>{count}</Detail>
        <Detail term={t('servers.wizard.name')}>{count > 1 ? t('servers.wizard.namesFrom', { first: `${v.name}-0000`, last: `${v.name}-${String(count - 1).padStart(4, '0')}` }) : v.name}</Detail>
        <Detail term={t('servers.wizard.zone')}>{v.availabilityZone}</Detail>
        <Detail term={t('servers.columns.flavor')}>{flavor ? `${flavor.id} (${flavorSpec(flavor, t)})` : v.flavorId}</Detail>
        <Detail term={t('servers.os.image')}>{image?.name ?? v.imageId}</Detail>
        <Detail term={t('servers.wizard.systemDisk')}>{`${v.rootType}, ${v.rootSize ?? ''} GiB`}</Detail>
        <Detail term={t('servers.wizard.dataDisks')}>
          {v.dataDisks.length === 0 ? t('common.none') : v.dataDisks.map((d) => `${d.type} ${d.sizeGiB ?? ''} GiB${d.shared ? ` (${t('servers.wizard.shared')})` : ''}`).join(', ')}
        </Detail>
        <Detail term={t('servers.wizard.vpc')}>{vpc ? `${vpc.name} (${vpc.cidr})` : v.vpcId}</Detail>
        <Detail term={t('servers.wizard.subnet')}>{subnet ? `${subnet.name} (${subnet.cidr})` : v.subnetId}</Detail>
        <Detail term={t('servers.wizard.groups')}>{groups.length ? groups.map((g) => g.name).join(', ') : t('servers.wizard.defaultGroup')}</Detail>
        <Detail term={t('servers.login.legend')}>{v.loginMode === 'password' ? t('servers.wizard.passwordSet') : t('servers.wizard.keypairUsed', { name: v.keyName })}</Detail>
        <Detail term={t('servers.edit.description')}>{v.description || t('common.none')}</Detail>
        <Detail term={t('servers.tagsDialog.label')}>{tagsText(v.tags) || t('common.none')}</Detail>
      </DetailList>
      {ecsQuotas && flavor && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900 dark:text-white">{t('servers.wizard.quotas')}</h3>
          <QuotaLine label={t('servers.quota.instances')} usage={ecsQuotas.instances} adding={count} unit="" />
          <QuotaLine label={t('servers.quota.cores')} usage={ecsQuotas.cores} adding={count * flavor.vcpus} unit="" />
          <QuotaLine label={t('servers.quota.ram')} usage={{ limit: ecsQuotas.ramMiB.limit === null ? null : Math.floor(ecsQuotas.ramMiB.limit / 1024), used: Math.ceil(ecsQuotas.ramMiB.used / 1024) }} adding={Math.ceil((count * flavor.ramMiB) / 1024)} unit=" GiB" />
        </div>
      )}
    </>
  );
}
