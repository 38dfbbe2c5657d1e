import './catalogue.ts';
import './liveDisks.ts';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailLayout } from '../../components/detail/DetailLayout.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ApiRequestError } from '../../lib/api.ts';
import { useSession } from '../auth/session.ts';
import { ResourceBackupsTab } from '../backups/ResourceBackupsTab.tsx';
import { useDisk } from './api.ts';
import { DiskActions } from './DiskActions.tsx';
import { DiskStatus } from './DiskCells.tsx';
import { AttachmentsTab, KeyValueTab, OverviewTab, SnapshotsTab, TasksTab } from './DiskTabs.tsx';

const tabIds = ['overview', 'attachments', 'snapshots', 'backups', 'tags', 'metadata', 'tasks'] as const;

export function DiskDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const disk = useDisk(id);
  const [tab, setTab] = useTabParam(tabIds);
  const name = disk.data ? disk.data.name || disk.data.id : id;
  useDocumentTitle(t('disks.detail.title', { name }));

  if (disk.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (!disk.data) {
    const gone = disk.error instanceof ApiRequestError && disk.error.status === 404;
    return <ErrorNotice title={gone ? t('disks.detail.gone') : t('disks.detail.loadFailed')} error={disk.error} onRetry={() => void disk.refetch()} />;
  }
  const d = disk.data;
  const tabs = [
    { id: 'overview', label: t('disks.tabs.overview') },
    { id: 'attachments', label: t('disks.tabs.attachments'), count: d.attachments.length },
    { id: 'snapshots', label: t('disks.tabs.snapshots') },
    { id: 'backups', label: t('disks.tabs.backups') },
    { id: 'tags', label: t('disks.tabs.tags'), count: Object.keys(d.tags).length },
    { id: 'metadata', label: t('disks.tabs.metadata') },
    { id: 'tasks', label: t('disks.tabs.tasks') },
  ];
  return (
    <DetailLayout
      back={{ to: '/disks', label: t('disks.title') }}
      title={name}
      id={d.id}
      status={<DiskStatus status={d.status} />}
      actions={user.role === 'viewer' ? undefined : <DiskActions disk={d} />}
      tabs={tabs}
      tab={tab}
      onTabChange={setTab}
    >
      {tab === 'overview' && <OverviewTab disk={d} />}
      {tab === 'attachments' && <AttachmentsTab disk={d} />}
      {tab === 'snapshots' && <SnapshotsTab disk={d} />}
      {tab === 'backups' && <ResourceBackupsTab resourceId={d.id} kind="disk" />}
      {tab === 'tags' && <KeyValueTab values={d.tags} empty={t('disks.noTags')} />}
      {tab === 'metadata' && <KeyValueTab values={d.metadata} empty={t('disks.noMetadata')} />}
      {tab === 'tasks' && <TasksTab disk={d} />}
    </DetailLayout>
  );
}
