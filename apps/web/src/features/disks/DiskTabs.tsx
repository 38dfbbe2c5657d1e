import './catalogue.ts';
import type { Disk, Task, TaskPage } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { DataList } from '../../components/list/DataList.tsx';
import type { ListConfig } from '../../components/list/types.ts';
import { taskListQuery } from '../tasks/api.ts';
import { taskListConfig } from '../tasks/taskListConfig.tsx';
import { toTaskParams } from '../tasks/taskQuery.ts';
import { useSnapshots } from './api.ts';
import { AttachedTo, DiskStatus, YesNo } from './DiskCells.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { qosText } from './diskModel.ts';
import { diskTypeLabel } from './diskText.ts';
import { RoleText } from './RoleText.tsx';
import { SnapshotStatus } from './SnapshotStatus.tsx';

export function OverviewTab({ disk }: { disk: Disk }) {
  const { t } = useTranslation();
  return (
    <DetailList>
      <Detail term={t('disks.columns.status')}><DiskStatus status={disk.status} /></Detail>
      <Detail term={t('disks.columns.type')}>{diskTypeLabel(disk.type, t)}</Detail>
      <Detail term={t('disks.columns.size')}>{`${disk.sizeGiB} GiB`}</Detail>
      {qosText(disk) && <Detail term={t('disks.columns.qos')}>{qosText(disk)}</Detail>}
      <Detail term={t('disks.columns.role')}><RoleText role={disk.role} /></Detail>
      <Detail term={t('disks.columns.bootable')}><YesNo value={disk.bootable} /></Detail>
      <Detail term={t('disks.columns.shared')}><YesNo value={disk.shared} /></Detail>
      <Detail term={t('disks.columns.encrypted')}><YesNo value={disk.encrypted} /></Detail>
      <Detail term={t('disks.deviceType')}>{disk.deviceType}</Detail>
      <Detail term={t('disks.billing')}>{disk.chargingMode === 'prePaid' ? t('disks.prePaid') : t('disks.postPaid')}</Detail>
      <Detail term={t('disks.columns.az')}>{disk.availabilityZone}</Detail>
      <Detail term={t('disks.columns.attachedTo')}><AttachedTo disk={disk} /></Detail>
      <Detail term={t('disks.form.description')}>{disk.description || t('common.none')}</Detail>
      <Detail term={t('disks.sourceSnapshot')}>{disk.snapshotId ? <code className="font-mono text-xs">{disk.snapshotId}</code> : t('common.none')}</Detail>
      <Detail term={t('disks.columns.created')}><DateTime iso={disk.createdAt} /></Detail>
      <Detail term={t('disks.updated')}><DateTime iso={disk.updatedAt} /></Detail>
    </DetailList>
  );
}

export function AttachmentsTab({ disk }: { disk: Disk }) {
  const { t } = useTranslation();
  if (disk.attachments.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('disks.notAttached')}</p>;
  return (
    <div className="card px-4 py-1">
      <DetailList>
        {disk.attachments.map((attachment) => (
          <Detail key={attachment.serverId} term={attachment.device}>
            <span className="flex flex-wrap items-center gap-2">
              <AttachedTo disk={{ attachments: [attachment] }} />
              <span className="text-xs text-slate-500 dark:text-slate-400">{t('disks.attachedAt')}</span>
              <DateTime iso={attachment.attachedAt} />
            </span>
          </Detail>
        ))}
      </DetailList>
    </div>
  );
}

export function SnapshotsTab({ disk }: { disk: Disk }) {
  const { t } = useTranslation();
  const snapshots = useSnapshots({ limit: 100, diskId: disk.id });
  const items = snapshots.data?.items ?? [];
  if (snapshots.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('disks.noSnapshots')}</p>;
  return (
    <div className="card px-4 py-1">
      <DetailList>
        {items.map((snapshot) => (
          <Detail key={snapshot.id} term={snapshot.name || snapshot.id}>
            <span className="flex flex-wrap items-center gap-3">
              <SnapshotStatus status={snapshot.status} />
              <span>{`${snapshot.sizeGiB} GiB`}</span>
              <DateTime iso={snapshot.createdAt} />
            </span>
          </Detail>
        ))}
      </DetailList>
    </div>
  );
}

export function KeyValueTab({ values, empty }: { values: Readonly<Record<string, string>>; empty: string }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <div className="card px-4 py-1">
      <DetailList>
        {entries.map(([key, value]) => (
          <Detail key={key} term={key}><code className="font-mono text-xs break-all">{value}</code></Detail>
        ))}
      </DetailList>
    </div>
  );
}

/** The task list, narrowed to this disk; its own filters (status, kind…) still apply. */
function diskTaskListConfig(diskId: string): ListConfig<Task, TaskPage> {
  const { search: _search, ...rest } = taskListConfig;
  return { ...rest, id: 'disk-tasks', query: (request) => taskListQuery({ ...toTaskParams(request), resourceId: diskId }) };
}

export function TasksTab({ disk }: { disk: Disk }) {
  return <DataList config={diskTaskListConfig(disk.id)} />;
}
