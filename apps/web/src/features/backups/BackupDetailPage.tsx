import '../vaults/catalogue.ts';
import '../vaults/liveCbr.ts';
import { useState } from 'react';
import { RotateCcw, Trash2 } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { whyNotDeleteBackup, whyNotRestore, type Backup } from '@console/contract';
import { DetailLayout } from '../../components/detail/DetailLayout.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ApiRequestError } from '../../lib/api.ts';
import { useSession } from '../auth/session.ts';
import { ActionButton } from '../disks/ActionButton.tsx';
import { YesNo } from '../disks/DiskCells.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { TasksFor } from '../vaults/TasksFor.tsx';
import { BackupStatus, ProtectedLink } from '../vaults/VaultCells.tsx';
import { cbrRefusalKey, gib } from '../vaults/vaultModel.ts';
import { useBackup } from './api.ts';
import { BackupDialogs } from './BackupDialogSwitch.tsx';
import { BackupTypeText } from './BackupText.tsx';
import { SharingTab } from './SharingTab.tsx';

const tabIds = ['overview', 'disks', 'sharing', 'tasks'] as const;

function Overview({ backup }: { backup: Backup }) {
  const { t } = useTranslation();
  return (
    <div className="card px-4 py-1">
      <DetailList>
        <Detail term={t('backups.columns.status')}><BackupStatus status={backup.status} progress={backup.progress} /></Detail>
        <Detail term={t('backups.columns.resource')}><ProtectedLink type={backup.resourceType} id={backup.resourceId} name={backup.resourceName} /></Detail>
        <Detail term={t('backups.columns.vault')}><Link to={`/vaults/${encodeURIComponent(backup.vaultId)}`} className="text-blue-700 hover:underline dark:text-blue-300">{backup.vaultName ?? backup.vaultId}</Link></Detail>
        <Detail term={t('backups.columns.type')}><BackupTypeText backup={backup} /></Detail>
        <Detail term={t('backups.columns.size')}>{gib(backup.sizeGiB)}</Detail>
        <Detail term={t('backups.detail.restorable')}><YesNo value={backup.restorable && backup.type === 'backup'} /></Detail>
        <Detail term={t('backups.detail.checkpoint')}><code className="font-mono text-xs break-all">{backup.checkpointId}</code></Detail>
        <Detail term={t('backups.detail.description')}>{backup.description || t('common.none')}</Detail>
        <Detail term={t('backups.columns.created')}><DateTime iso={backup.createdAt} /></Detail>
        <Detail term={t('backups.columns.expires')}>{backup.expiresAt ? <DateTime iso={backup.expiresAt} /> : t('backups.detail.noExpiry')}</Detail>
      </DetailList>
    </div>
  );
}

function Disks({ backup }: { backup: Backup }) {
  const { t } = useTranslation();
  if (backup.disks.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('backups.detail.noDisks')}</p>;
  return (
    <div className="card px-4 py-1">
      <DetailList>
        {backup.disks.map((d) => (
          <Detail key={d.id} term={d.bootable ? t('backups.detail.systemDisk') : t('backups.detail.dataDisk')}>
            <span className="flex flex-wrap items-center gap-3">
              <ProtectedLink type="disk" id={d.diskId} name={d.diskName} />
              <span>{gib(d.sizeGiB)}</span>
              <code className="font-mono text-xs text-slate-500 dark:text-slate-400">{d.id}</code>
            </span>
          </Detail>
        ))}
      </DetailList>
    </div>
  );
}

export function BackupDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const backup = useBackup(id);
  const [tab, setTab] = useTabParam(tabIds);
  const [open, setOpen] = useState<'restore' | 'delete'>();
  const name = backup.data ? backup.data.name || backup.data.id : id;
  useDocumentTitle(t('backups.detail.title', { name }));
  if (backup.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (!backup.data) {
    const gone = backup.error instanceof ApiRequestError && backup.error.status === 404;
    return <ErrorNotice title={gone ? t('backups.detail.gone') : t('backups.detail.loadFailed')} error={backup.error} onRetry={() => void backup.refetch()} />;
  }
  const b = backup.data;
  const reason = (key: ReturnType<typeof cbrRefusalKey>) => (key ? t(key) : undefined);
  return (
    <DetailLayout
      back={{ to: '/backups', label: t('backups.title') }}
      title={name}
      id={b.id}
      status={<BackupStatus status={b.status} progress={b.progress} />}
      actions={user.role === 'viewer' ? undefined : (
        <>
          <ActionButton label={t('backups.actions.restore')} icon={RotateCcw} refusal={reason(cbrRefusalKey(whyNotRestore(b)))} onClick={() => setOpen('restore')} />
          <ActionButton label={t('backups.actions.delete')} icon={Trash2} danger refusal={reason(cbrRefusalKey(whyNotDeleteBackup(b)))} onClick={() => setOpen('delete')} />
        </>
      )}
      tabs={[{ id: 'overview', label: t('backups.tabs.overview') }, { id: 'disks', label: t('backups.tabs.disks'), count: b.disks.length }, { id: 'sharing', label: t('backups.tabs.sharing') }, { id: 'tasks', label: t('backups.tabs.tasks') }]}
      tab={tab}
      onTabChange={setTab}
    >
      {tab === 'overview' && <Overview backup={b} />}
      {tab === 'disks' && <Disks backup={b} />}
      {tab === 'sharing' && <SharingTab backup={b} canChange={user.role !== 'viewer'} />}
      {tab === 'tasks' && <TasksFor resourceId={b.id} listId="backup-tasks" />}
      {open && <BackupDialogs open={{ kind: open, backup: b }} onClose={() => setOpen(undefined)} back />}
    </DetailLayout>
  );
}
