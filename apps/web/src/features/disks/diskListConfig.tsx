import './catalogue.ts';
import { DISK_STATUSES, DISK_TYPES, whyNotDeleteDisk, type Disk, type DiskPage } from '@console/contract';
import { Trash2 } from 'lucide-react';
import { idColumn, statusColumn } from '../../components/list/columns.tsx';
import { namedRows, offsetPages } from '../../components/list/presets.ts';
import type { ListConfig } from '../../components/list/types.ts';
import { deleteDisk, deleteDisks, diskListQuery } from './api.ts';
import { AttachedTo, DiskNameCell, DiskStatus, YesNo } from './DiskCells.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { attachmentsText, qosText, refusalKey, tagsText } from './diskModel.ts';
import { toDiskParams } from './diskQuery.ts';
import { RoleText } from './RoleText.tsx';

export const diskStatusOptions = DISK_STATUSES.map((status) => ({ value: status, label: `disks.status.${status}` as const }));
export const diskTypeOptions = DISK_TYPES.map((type) => ({ value: type, label: `disks.types.${type}` as const }));

/** Disks: paged, sorted and filtered by the API; deletion checks each disk before anything is sent. */
export function diskListConfig(canChange: boolean): ListConfig<Disk, DiskPage> {
  return {
    id: 'disks',
    title: 'disks.title',
    ...namedRows,
    ...offsetPages,
    defaultSort: { id: 'created', desc: true },
    search: { placeholder: 'disks.searchName' },
    filters: [
      { kind: 'select', param: 'status', label: 'disks.columns.status', options: diskStatusOptions },
      { kind: 'select', param: 'type', label: 'disks.columns.type', options: diskTypeOptions },
      { kind: 'text', param: 'availabilityZone', label: 'disks.columns.az' },
      { kind: 'text', param: 'serverId', label: 'disks.filterServer' },
      { kind: 'text', param: 'tag', label: 'disks.filterTag' },
    ],
    columns: [
      { id: 'name', header: 'disks.columns.name', alwaysVisible: true, cell: (disk) => <DiskNameCell disk={disk} />, csv: (disk) => disk.name },
      idColumn('disks.columns.id'),
      statusColumn('disks.columns.status', DiskStatus, true),
      { id: 'type', header: 'disks.columns.type', cell: (disk) => disk.type, csv: (disk) => disk.type },
      { id: 'size', header: 'disks.columns.size', sortable: true, className: 'text-right tabular-nums', cell: (disk) => <span className="whitespace-nowrap">{`${disk.sizeGiB} GiB`}</span>, csv: (disk) => disk.sizeGiB },
      { id: 'qos', header: 'disks.columns.qos', cell: (disk) => <span className="whitespace-nowrap">{qosText(disk)}</span>, csv: (disk) => qosText(disk) },
      { id: 'attachedTo', header: 'disks.columns.attachedTo', cell: (disk) => <AttachedTo disk={disk} />, csv: (disk) => attachmentsText(disk) },
      { id: 'role', header: 'disks.columns.role', cell: (disk) => <RoleText role={disk.role} />, csv: (disk) => disk.role },
      { id: 'bootable', header: 'disks.columns.bootable', defaultVisible: false, cell: (disk) => <YesNo value={disk.bootable} />, csv: (disk) => disk.bootable },
      { id: 'shared', header: 'disks.columns.shared', cell: (disk) => <YesNo value={disk.shared} />, csv: (disk) => disk.shared },
      { id: 'encrypted', header: 'disks.columns.encrypted', defaultVisible: false, cell: (disk) => <YesNo value={disk.encrypted} />, csv: (disk) => disk.encrypted },
      { id: 'az', header: 'disks.columns.az', cell: (disk) => <span className="whitespace-nowrap">{disk.availabilityZone}</span>, csv: (disk) => disk.availabilityZone },
      { id: 'tags', header: 'disks.columns.tags', defaultVisible: false, cell: (disk) => <span className="block max-w-48 truncate" title={tagsText(disk.tags)}>{tagsText(disk.tags)}</span>, csv: (disk) => tagsText(disk.tags) },
      { id: 'created', header: 'disks.columns.created', sortable: true, cell: (disk) => <DateTime iso={disk.createdAt} />, csv: (disk) => disk.createdAt },
    ],
    query: (request) => diskListQuery(toDiskParams(request)),
    page: (raw) => ({ items: raw.items, total: raw.total }),
    rowHref: (disk) => `/disks/${encodeURIComponent(disk.id)}`,
    ...(canChange
      ? {
          batchActions: [
            { id: 'delete', label: 'disks.actions.delete', icon: Trash2, danger: true, check: (disk: Disk) => refusalKey(whyNotDeleteDisk(disk)), run: (disk: Disk) => deleteDisk(disk.id), runMany: (disks: readonly Disk[]) => deleteDisks(disks.map((d) => d.id)) },
          ],
        }
      : {}),
    emptyText: 'disks.empty',
  };
}
