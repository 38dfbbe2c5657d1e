import '../vaults/catalogue.ts';
import '../vaults/liveCbr.ts';
import { useMemo, useState } from 'react';
import { Pencil, Power, Trash2 } from 'lucide-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Policy } from '@console/contract';
import { DetailLayout } from '../../components/detail/DetailLayout.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ApiRequestError } from '../../lib/api.ts';
import { useSession } from '../auth/session.ts';
import { ActionButton } from '../disks/ActionButton.tsx';
import { useVaults } from '../vaults/api.ts';
import { TasksFor } from '../vaults/TasksFor.tsx';
import { CapacityBar, VaultNameCell, VaultStatus } from '../vaults/VaultCells.tsx';
import { usePolicy } from './api.ts';
import { DeletePolicyDialog, TogglePolicyDialog } from './PolicyActionDialogs.tsx';
import { PolicyEnabled, PolicyRetention, PolicySchedule } from './PolicyCells.tsx';
import { PolicyDialog } from './PolicyDialog.tsx';
import { SchedulePreview } from './SchedulePreview.tsx';
import { offsetLabel, browserOffsetMinutes } from './schedule.ts';

const tabIds = ['overview', 'vaults', 'tasks'] as const;

function Overview({ policy }: { policy: Policy }) {
  const { t } = useTranslation();
  const offset = useMemo(() => browserOffsetMinutes(), []);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="card px-4 py-1">
        <DetailList>
          <Detail term={t('policies.columns.enabled')}><PolicyEnabled enabled={policy.enabled} /></Detail>
          <Detail term={t('policies.columns.schedule')}><PolicySchedule policy={policy} /></Detail>
          <Detail term={t('policies.detail.zone')}>{offsetLabel(offset)}</Detail>
          <Detail term={t('policies.detail.rules')}><ul className="font-mono text-xs">{policy.schedule.map((p) => <li key={p} className="break-all">{p}</li>)}</ul></Detail>
          <Detail term={t('policies.columns.retention')}><PolicyRetention policy={policy} /></Detail>
          <Detail term={t('policies.detail.fullEvery')}>{policy.fullBackupInterval === undefined || policy.fullBackupInterval < 0 ? t('policies.detail.fullNever') : String(policy.fullBackupInterval)}</Detail>
          <Detail term={t('policies.columns.type')}>{policy.type}</Detail>
        </DetailList>
      </div>
      <div className="card p-4 text-sm">
        <SchedulePreview patterns={policy.schedule} start={policy.scheduleStart} count={8} />
        {!policy.enabled && <p className="mt-2 text-xs text-amber-700 dark:text-amber-300">{t('policies.detail.disabledNote')}</p>}
      </div>
    </div>
  );
}

function Vaults({ policy }: { policy: Policy }) {
  const { t } = useTranslation();
  const vaults = useVaults({ limit: 1000, offset: 0 });
  const mine = (vaults.data?.items ?? []).filter((v) => policy.vaultIds.includes(v.id));
  if (vaults.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (mine.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('policies.detail.noVaults')}</p>;
  return (
    <ul className="card divide-y divide-slate-100 dark:divide-slate-800">
      {mine.map((v) => (
        <li key={v.id} className="flex flex-wrap items-center gap-4 px-4 py-2 text-sm">
          <VaultNameCell vault={v} />
          <VaultStatus status={v.status} />
          <CapacityBar capacity={v.capacity} />
          <span>{t('vaults.resourceCount', { count: v.resourceCount })}</span>
        </li>
      ))}
    </ul>
  );
}

export function PolicyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const policy = usePolicy(id);
  const [tab, setTab] = useTabParam(tabIds);
  const [open, setOpen] = useState<'edit' | 'toggle' | 'delete'>();
  const name = policy.data?.name ?? id;
  useDocumentTitle(t('policies.detail.title', { name }));
  if (policy.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (!policy.data) {
    const gone = policy.error instanceof ApiRequestError && policy.error.status === 404;
    return <ErrorNotice title={gone ? t('policies.detail.gone') : t('policies.detail.loadFailed')} error={policy.error} onRetry={() => void policy.refetch()} />;
  }
  const p = policy.data;
  const close = () => setOpen(undefined);
  return (
    <DetailLayout
      back={{ to: '/policies', label: t('policies.title') }}
      title={p.name}
      id={p.id}
      status={<PolicyEnabled enabled={p.enabled} />}
      actions={user.role === 'viewer' ? undefined : (
        <>
          <ActionButton label={t('policies.actions.edit')} icon={Pencil} onClick={() => setOpen('edit')} />
          <ActionButton label={p.enabled ? t('policies.actions.disable') : t('policies.actions.enable')} icon={Power} onClick={() => setOpen('toggle')} />
          <ActionButton label={t('policies.actions.delete')} icon={Trash2} danger onClick={() => setOpen('delete')} />
        </>
      )}
      tabs={[{ id: 'overview', label: t('policies.tabs.overview') }, { id: 'vaults', label: t('policies.tabs.vaults'), count: p.vaultIds.length }, { id: 'tasks', label: t('policies.tabs.tasks') }]}
      tab={tab}
      onTabChange={setTab}
    >
      {tab === 'overview' && <Overview policy={p} />}
      {tab === 'vaults' && <Vaults policy={p} />}
      {tab === 'tasks' && <TasksFor resourceId={p.id} listId="policy-tasks" />}
      {open === 'edit' && <PolicyDialog policy={p} onClose={close} />}
      {open === 'toggle' && <TogglePolicyDialog policy={p} onClose={close} />}
      {open === 'delete' && <DeletePolicyDialog policy={p} onClose={close} back />}
    </DetailLayout>
  );
}
