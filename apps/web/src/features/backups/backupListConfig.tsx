import '../vaults/catalogue.ts';
import { BACKUP_STATUSES, whyNotDeleteBackup, whyNotRestore, type Backup, type BackupPage } from '@console/contract';
import { RotateCcw, Trash2 } from 'lucide-react';
import { Link } from 'react-router';
import { nameColumn } from '../../components/list/columns.tsx';
import { namedRows, offsetPages } from '../../components/list/presets.ts';
import type { ListConfig, ListRequest } from '../../components/list/types.ts';
import { dayEndIso, dayStartIso, firstValue } from '../../components/list/urlState.ts';
import { shortenId } from '../../lib/format.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { BackupStatus, ProtectedLink } from '../vaults/VaultCells.tsx';
import { cbrRefusalKey, gib } from '../vaults/vaultModel.ts';
import { backupListQuery, deleteBackup, deleteBackups, type BackupListParams } from './api.ts';
import { BackupTypeText } from './BackupText.tsx';

const idPattern = /^[A-Za-z0-9-]{1,64}$/;
const backupPath = (b: Backup) => `/backups/${encodeURIComponent(b.id)}`;

/** A list narrowed to one vault or one resource (their detail pages) keeps that filter fixed. */
export interface BackupScope {
  vaultId?: string;
  resourceId?: string;
}

export function toBackupParams(request: ListRequest, scope: BackupScope = {}): BackupListParams {
  const params: BackupListParams = { limit: request.limit, offset: request.offset };
  if (request.search) params.name = request.search;
  const status = firstValue(request.filters, 'status');
  if (status && (BACKUP_STATUSES as readonly string[]).includes(status)) params.status = status as BackupListParams['status'];
  for (const key of ['vaultId', 'resourceId'] as const) {
    const value = scope[key] ?? firstValue(request.filters, key)?.trim();
    if (value && idPattern.test(value)) params[key] = value;
  }
  const since = firstValue(request.filters, 'since');
  if (since) params.since = dayStartIso(since);
  const until = firstValue(request.filters, 'until');
  if (until) params.until = dayEndIso(until);
  return params;
}

export interface BackupHandlers {
  onRestore: (backup: Backup) => void;
  onDelete: (backup: Backup) => void;
}

export function backupListConfig(canChange: boolean, handlers: BackupHandlers, scope: BackupScope = {}, id = 'backups'): ListConfig<Backup, BackupPage> {
  return {
    id,
    title: 'backups.title',
    ...namedRows,
    ...offsetPages,
    search: { placeholder: 'backups.searchName' },
    filters: [
      { kind: 'select', param: 'status', label: 'backups.columns.status', options: BACKUP_STATUSES.map((s) => ({ value: s, label: `backups.status.${s}` as const })) },
      ...(scope.vaultId ? [] : [{ kind: 'text' as const, param: 'vaultId', label: 'backups.filterVault' as const }]),
      ...(scope.resourceId ? [] : [{ kind: 'text' as const, param: 'resourceId', label: 'backups.filterResource' as const }]),
      { kind: 'date-range', label: 'backups.columns.created', sinceParam: 'since', untilParam: 'until' },
    ],
    columns: [
      nameColumn('backups.columns.name', backupPath),
      { id: 'resource', header: 'backups.columns.resource', cell: (b) => <ProtectedLink type={b.resourceType} id={b.resourceId} name={b.resourceName} />, csv: (b) => b.resourceName || b.resourceId },
      { id: 'vault', header: 'backups.columns.vault', cell: (b) => <Link to={`/vaults/${encodeURIComponent(b.vaultId)}`} className="whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300">{b.vaultName ?? shortenId(b.vaultId)}</Link>, csv: (b) => b.vaultName ?? b.vaultId },
      { id: 'type', header: 'backups.columns.type', cell: (b) => <BackupTypeText backup={b} />, csv: (b) => `${b.resourceType} ${b.incremental ? 'incremental' : 'full'} ${b.autoTriggered ? 'auto' : 'manual'}` },
      { id: 'status', header: 'backups.columns.status', cell: (b) => <BackupStatus status={b.status} progress={b.progress} />, csv: (b) => b.status },
      { id: 'size', header: 'backups.columns.size', className: 'text-right tabular-nums', cell: (b) => <span className="whitespace-nowrap">{gib(b.sizeGiB)}</span>, csv: (b) => b.sizeGiB },
      { id: 'created', header: 'backups.columns.created', cell: (b) => <DateTime iso={b.createdAt} />, csv: (b) => b.createdAt },
      { id: 'expires', header: 'backups.columns.expires', defaultVisible: false, cell: (b) => (b.expiresAt ? <DateTime iso={b.expiresAt} /> : null), csv: (b) => b.expiresAt },
    ],
    query: (request) => backupListQuery(toBackupParams(request, scope)),
    page: (raw) => ({ items: raw.items, total: raw.total }),
    rowHref: backupPath,
    ...(canChange
      ? {
          rowActions: [
            { id: 'restore', label: 'backups.actions.restore', icon: RotateCcw, check: (b: Backup) => cbrRefusalKey(whyNotRestore(b)), onSelect: handlers.onRestore },
            { id: 'delete', label: 'backups.actions.delete', icon: Trash2, danger: true, check: (b: Backup) => cbrRefusalKey(whyNotDeleteBackup(b)), onSelect: handlers.onDelete },
          ],
          batchActions: [
            { id: 'delete', label: 'backups.actions.delete', icon: Trash2, danger: true, check: (b: Backup) => cbrRefusalKey(whyNotDeleteBackup(b)), run: (b: Backup) => deleteBackup(b.id), runMany: (items: readonly Backup[]) => deleteBackups(items.map((b) => b.id)) },
          ],
        }
      : {}),
    emptyText: 'backups.empty',
  };
}
