import '../vaults/catalogue.ts';
import type { VbsBackup, VbsBackupPage, VbsPolicy } from '@console/contract';
import { Link2, Pencil, Power, RotateCcw, Trash2, Unlink } from 'lucide-react';
import { nameColumn, statusColumn } from '../../components/list/columns.tsx';
import { namedRows, offsetPages } from '../../components/list/presets.ts';
import type { ListConfig } from '../../components/list/types.ts';
import { firstValue } from '../../components/list/urlState.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ProtectedLink } from '../vaults/VaultCells.tsx';
import { gib } from '../vaults/vaultModel.ts';
import { deleteVbsBackup, vbsBackupListQuery, vbsPolicyListQuery, type VbsBackupParams } from './api.ts';
import { PolicyEnabled } from '../policies/PolicyCells.tsx';
import { VbsBackupStatus, VbsPolicySchedule } from './VbsText.tsx';

import { VBS_STATUSES } from './VbsText.tsx';

const deleteCheck = (b: VbsBackup) => (b.status === 'available' || b.status === 'error' ? undefined : ('vbs.refusal.status' as const));

export function vbsBackupListConfig(canChange: boolean, onRestore: (b: VbsBackup) => void): ListConfig<VbsBackup, VbsBackupPage> {
  return {
    id: 'vbs-backups',
    title: 'vbs.backupsTitle',
    ...namedRows,
    ...offsetPages,
    search: { placeholder: 'backups.searchName' },
    filters: [
      { kind: 'select', param: 'status', label: 'backups.columns.status', options: VBS_STATUSES.map((s) => ({ value: s, label: `vbs.status.${s}` as const })) },
      { kind: 'text', param: 'diskId', label: 'vbs.filterDisk' },
    ],
    columns: [
      nameColumn('backups.columns.name'),
      statusColumn('backups.columns.status', VbsBackupStatus),
      { id: 'disk', header: 'vbs.disk', cell: (b) => <ProtectedLink type="disk" id={b.diskId} name={b.diskName} />, csv: (b) => b.diskName ?? b.diskId },
      { id: 'size', header: 'backups.columns.size', className: 'text-right tabular-nums', cell: (b) => gib(b.sizeGiB), csv: (b) => b.sizeGiB },
      { id: 'az', header: 'vbs.az', defaultVisible: false, cell: (b) => b.availabilityZone, csv: (b) => b.availabilityZone },
      { id: 'created', header: 'backups.columns.created', cell: (b) => <DateTime iso={b.createdAt} />, csv: (b) => b.createdAt },
    ],
    query: (request) => {
      const params: VbsBackupParams = { limit: request.limit, offset: request.offset };
      if (request.search) params.name = request.search;
      const status = firstValue(request.filters, 'status');
      if (status && (VBS_STATUSES as readonly string[]).includes(status)) params.status = status as VbsBackupParams['status'];
      const disk = firstValue(request.filters, 'diskId')?.trim();
      if (disk && /^[A-Za-z0-9-]{1,64}$/.test(disk)) params.diskId = disk;
      return vbsBackupListQuery(params);
    },
    page: (raw) => ({ items: raw.items }),
    ...(canChange
      ? {
          rowActions: [{ id: 'restore', label: 'backups.actions.restore', icon: RotateCcw, check: (b: VbsBackup) => (b.status === 'available' ? undefined : 'vbs.refusal.notAvailable'), onSelect: onRestore }],
          batchActions: [{ id: 'delete', label: 'backups.actions.delete', icon: Trash2, danger: true, check: deleteCheck, run: (b: VbsBackup) => deleteVbsBackup(b.id) }],
        }
      : {}),
    emptyText: 'vbs.noBackups',
  };
}

export function vbsPolicyListConfig(canChange: boolean, handlers: Record<'onEdit' | 'onBind' | 'onUnbind' | 'onToggle' | 'onDelete', (p: VbsPolicy) => void>): ListConfig<VbsPolicy, { items: VbsPolicy[] }> {
  return {
    id: 'vbs-policies',
    title: 'vbs.policiesTitle',
    getId: (p) => p.id,
    itemLabel: (p) => p.name,
    paging: 'client',
    pageSizes: [20, 50],
    search: { placeholder: 'policies.searchName', matches: (p, text) => p.name.toLowerCase().includes(text) },
    columns: [
      { id: 'name', header: 'policies.columns.name', alwaysVisible: true, sortable: true, sortValue: (p) => p.name, cell: (p) => <span className="font-medium">{p.name}</span>, csv: (p) => p.name },
      { id: 'enabled', header: 'policies.columns.enabled', cell: (p) => <PolicyEnabled enabled={p.enabled} />, csv: (p) => p.enabled },
      { id: 'schedule', header: 'policies.columns.schedule', cell: (p) => <VbsPolicySchedule policy={p} />, csv: (p) => p.startTimes.join(',') },
      { id: 'disks', header: 'vbs.diskCount', className: 'text-right tabular-nums', sortable: true, sortValue: (p) => p.diskCount, cell: (p) => p.diskCount, csv: (p) => p.diskCount },
    ],
    query: () => vbsPolicyListQuery(),
    page: (raw) => ({ items: raw.items, total: raw.items.length }),
    ...(canChange
      ? {
          rowActions: [
            { id: 'edit', label: 'policies.actions.edit', icon: Pencil, onSelect: handlers.onEdit },
            { id: 'bind', label: 'vbs.actions.bind', icon: Link2, onSelect: handlers.onBind },
            { id: 'unbind', label: 'vbs.actions.unbind', icon: Unlink, check: (p: VbsPolicy) => (p.diskCount > 0 ? undefined : 'vbs.bind.noneBound'), onSelect: handlers.onUnbind },
            { id: 'toggle', label: 'policies.actions.toggle', icon: Power, onSelect: handlers.onToggle },
            { id: 'delete', label: 'policies.actions.delete', icon: Trash2, danger: true, onSelect: handlers.onDelete },
          ],
        }
      : {}),
    emptyText: 'vbs.noPolicies',
  };
}
