import './catalogue.ts';
import { useMemo, useState } from 'react';
import { Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Vault } from '@console/contract';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { DataList } from '../../components/list/DataList.tsx';
import { YesNo } from '../disks/DiskCells.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { usePolicy } from '../policies/api.ts';
import { PolicyEnabled, PolicyRetention, PolicySchedule } from '../policies/PolicyCells.tsx';
import { SchedulePreview } from '../policies/SchedulePreview.tsx';
import { operationLogListConfig } from './operationLogListConfig.tsx';
import { TasksFor } from './TasksFor.tsx';
import { CapacityBar, PolicyLink, ProtectedLink, ProtectStatus, VaultStatus } from './VaultCells.tsx';
import { gib, tagsText } from './vaultModel.ts';
import { ProtectedTypeText, ProtectTypeText } from './VaultText.tsx';
import { RemoveResourcesDialog } from './VaultWorkDialogs.tsx';

export function OverviewTab({ vault }: { vault: Vault }) {
  const { t } = useTranslation();
  return (
    <div className="card px-4 py-1">
      <DetailList>
        <Detail term={t('vaults.columns.status')}><VaultStatus status={vault.status} /></Detail>
        <Detail term={t('vaults.columns.capacity')}><CapacityBar capacity={vault.capacity} /></Detail>
        <Detail term={t('vaults.columns.protectedType')}><ProtectedTypeText type={vault.protectedType} /></Detail>
        <Detail term={t('vaults.columns.protectType')}><ProtectTypeText type={vault.protectType} /></Detail>
        <Detail term={t('vaults.columns.resources')}>{vault.resourceCount}</Detail>
        <Detail term={t('vaults.columns.policy')}><PolicyLink policy={vault.policy} /></Detail>
        <Detail term={t('vaults.form.autoBind')}><YesNo value={vault.autoBind} />{vault.autoBind && vault.bindRules.tags.length > 0 && <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{tagsText(vault.bindRules.tags)}</span>}</Detail>
        <Detail term={t('vaults.form.autoExpand')}><YesNo value={vault.autoExpand} /></Detail>
        <Detail term={t('vaults.form.description')}>{vault.description || t('common.none')}</Detail>
        <Detail term={t('vaults.columns.created')}><DateTime iso={vault.createdAt} /></Detail>
      </DetailList>
    </div>
  );
}

export function ResourcesTab({ vault, canChange }: { vault: Vault; canChange: boolean }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<string[]>();
  if (vault.resources.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('vaults.resources.none')}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t('vaults.tabs.resources')}</caption>
        <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t('vaults.resources.name')}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t('vaults.resources.protectStatus')}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t('vaults.resources.size')}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t('vaults.resources.backups')}</th>
            {canChange && <th scope="col" className="px-4 py-2"><span className="sr-only">{t('vaults.resources.actions')}</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {vault.resources.map((r) => (
            <tr key={r.id}>
              <td className="px-4 py-2"><ProtectedLink type={r.type} id={r.id} name={r.name} /></td>
              <td className="px-4 py-2"><ProtectStatus status={r.protectStatus} /></td>
              <td className="px-4 py-2 text-right tabular-nums">{r.sizeGiB === undefined ? '' : gib(r.sizeGiB)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.backupCount ?? ''}</td>
              {canChange && (
                <td className="px-4 py-2 text-right">
                  <button type="button" className="btn-icon size-8" aria-label={t('vaults.resources.remove', { name: r.name || r.id })} title={t('vaults.resources.remove', { name: r.name || r.id })} onClick={() => setRemoving([r.id])}>
                    <Trash2 aria-hidden className="size-4" />
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {removing && <RemoveResourcesDialog vault={vault} ids={removing} onClose={() => setRemoving(undefined)} />}
    </div>
  );
}

export function PolicyTab({ vault }: { vault: Vault }) {
  const { t } = useTranslation();
  const policy = usePolicy(vault.policy?.id ?? '');
  if (!vault.policy) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('vaults.policy.none')}</p>;
  if (!policy.data) return <p className="text-sm">{t('common.loading')}</p>;
  const p = policy.data;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="card px-4 py-1">
        <DetailList>
          <Detail term={t('policies.columns.name')}><PolicyLink policy={vault.policy} /></Detail>
          <Detail term={t('policies.columns.enabled')}><PolicyEnabled enabled={p.enabled} /></Detail>
          <Detail term={t('policies.columns.schedule')}><PolicySchedule policy={p} /></Detail>
          <Detail term={t('policies.columns.retention')}><PolicyRetention policy={p} /></Detail>
        </DetailList>
      </div>
      <div className="card p-4 text-sm"><SchedulePreview patterns={p.schedule} start={p.scheduleStart} /></div>
    </div>
  );
}

export function VaultTasksTab({ vault }: { vault: Vault }) {
  const { t } = useTranslation();
  const config = useMemo(() => operationLogListConfig(vault.id), [vault.id]);
  return (
    <div className="space-y-6">
      <section>
        <h2 className="mb-1 text-sm font-semibold text-slate-900 dark:text-white">{t('vaults.ops.title')}</h2>
        <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">{t('vaults.ops.intro')}</p>
        <DataList config={config} />
      </section>
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">{t('vaults.ops.consoleTasks')}</h2>
        <TasksFor resourceId={vault.id} listId="vault-tasks" />
      </section>
    </div>
  );
}

export function TagsTab({ vault }: { vault: Vault }) {
  const { t } = useTranslation();
  if (vault.tags.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('vaults.noTags')}</p>;
  return (
    <div className="card px-4 py-1">
      <DetailList>
        {vault.tags.map((tag) => <Detail key={tag.key} term={tag.key}><code className="font-mono text-xs break-all">{tag.value}</code></Detail>)}
      </DetailList>
    </div>
  );
}
