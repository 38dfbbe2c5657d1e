import '../disks/catalogue.ts';
import { SNAPSHOT_STATUSES, whyNotDeleteSnapshot, type Snapshot, type SnapshotPage } from '@console/contract';
import { HardDrive, Pencil, RotateCcw, Trash2 } from 'lucide-react';
import { Link } from 'react-router';
import { idColumn, nameColumn, statusColumn } from '../../components/list/columns.tsx';
import { namedRows, offsetPages } from '../../components/list/presets.ts';
import type { ListConfig } from '../../components/list/types.ts';
import { shortenId } from '../../lib/format.ts';
import { snapshotListQuery } from '../disks/api.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { refusalKey } from '../disks/diskModel.ts';
import { SnapshotStatus } from '../disks/SnapshotStatus.tsx';
import { deleteSnapshot, deleteSnapshots } from './snapshotApi.ts';
import { toSnapshotParams } from './snapshotQuery.ts';

export interface SnapshotHandlers {
  onRename: (snapshot: Snapshot) => void;
  onRollback: (snapshot: Snapshot) => void;
  onCreateDisk: (snapshot: Snapshot) => void;
  onDelete: (snapshot: Snapshot) => void;
}

const rollbackCheck = (snapshot: Snapshot) => {
  if (snapshot.createdByBackup) return 'disks.refusal.snapshotFromBackup' as const;
  return snapshot.status === 'available' ? undefined : ('snapshots.refusal.notAvailable' as const);
};

export function snapshotListConfig(canChange: boolean, handlers: SnapshotHandlers): ListConfig<Snapshot, SnapshotPage> {
  return {
    id: 'snapshots',
    title: 'snapshots.title',
    ...namedRows,
    ...offsetPages,
    search: { placeholder: 'snapshots.searchName' },
    filters: [
      { kind: 'select', param: 'status', label: 'snapshots.columns.status', options: SNAPSHOT_STATUSES.map((status) => ({ value: status, label: `snapshots.status.${status}` as const })) },
      { kind: 'text', param: 'diskId', label: 'snapshots.filterDisk' },
    ],
    columns: [
      nameColumn('snapshots.columns.name'),
      idColumn('snapshots.columns.id'),
      statusColumn('snapshots.columns.status', SnapshotStatus),
      {
        id: 'disk', header: 'snapshots.columns.disk',
        cell: (snapshot) => (
          <Link to={`/disks/${encodeURIComponent(snapshot.diskId)}`} className="whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300">
            {snapshot.diskName ?? shortenId(snapshot.diskId)}
          </Link>
        ),
        csv: (snapshot) => snapshot.diskId,
      },
      { id: 'size', header: 'snapshots.columns.size', className: 'text-right tabular-nums', cell: (snapshot) => <span className="whitespace-nowrap">{`${snapshot.sizeGiB} GiB`}</span>, csv: (snapshot) => snapshot.sizeGiB },
      { id: 'created', header: 'snapshots.columns.created', cell: (snapshot) => <DateTime iso={snapshot.createdAt} />, csv: (snapshot) => snapshot.createdAt },
    ],
    query: (request) => snapshotListQuery(toSnapshotParams(request)),
    page: (raw) => ({ items: raw.items, total: raw.total }),
    emptyText: 'snapshots.empty',
    ...(canChange
      ? {
          rowActions: [
            { id: 'create-disk', label: 'snapshots.actions.createDisk', icon: HardDrive, check: (s: Snapshot) => (s.status === 'available' ? undefined : 'snapshots.refusal.notAvailable'), onSelect: handlers.onCreateDisk },
            { id: 'rename', label: 'snapshots.actions.rename', icon: Pencil, onSelect: handlers.onRename },
            { id: 'rollback', label: 'snapshots.actions.rollback', icon: RotateCcw, check: rollbackCheck, onSelect: handlers.onRollback },
            { id: 'delete', label: 'snapshots.actions.delete', icon: Trash2, danger: true, check: (s: Snapshot) => refusalKey(whyNotDeleteSnapshot(s)), onSelect: handlers.onDelete },
          ],
          batchActions: [
            { id: 'delete', label: 'snapshots.actions.delete', icon: Trash2, danger: true, check: (s: Snapshot) => refusalKey(whyNotDeleteSnapshot(s)), run: (s: Snapshot) => deleteSnapshot(s.id), runMany: (all: readonly Snapshot[]) => deleteSnapshots(all.map((s) => s.id)) },
          ],
        }
      : {}),
  };
}
