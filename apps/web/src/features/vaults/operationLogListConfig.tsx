import './catalogue.ts';
import { OPERATION_STATUSES, OPERATION_TYPES, type OperationLog, type OperationLogPage } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListConfig } from '../../components/list/types.ts';
import { firstValue } from '../../components/list/urlState.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { StatusBadge, type StatusToneMap } from '../../components/StatusBadge.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { operationLogQuery, type OperationLogParams } from '../backups/api.ts';
import { OperationText } from './VaultText.tsx';

const opTones: StatusToneMap = { success: { tone: 'green' }, skipped: { tone: 'amber' }, failed: { tone: 'red' }, timeout: { tone: 'red' }, running: { tone: 'blue', transitional: true }, waiting: { tone: 'blue', transitional: true } };

/** CBR's own task list (operation logs) of one vault: backups by policy appear here too. */
export function operationLogListConfig(vaultId: string): ListConfig<OperationLog, OperationLogPage> {
  return {
    id: 'vault-operation-logs',
    title: 'vaults.tabs.tasks',
    getId: (o) => o.id,
    itemLabel: (o) => o.id,
    paging: 'offset',
    pageSizes: [20, 50, 100],
    filters: [
      { kind: 'select', param: 'type', label: 'vaults.ops.type', options: OPERATION_TYPES.map((x) => ({ value: x, label: `vaults.ops.types.${x}` as const })) },
      { kind: 'select', param: 'status', label: 'vaults.ops.status', options: OPERATION_STATUSES.map((x) => ({ value: x, label: `vaults.ops.statuses.${x}` as const })) },
    ],
    columns: [
      { id: 'type', header: 'vaults.ops.type', alwaysVisible: true, cell: (o) => <OperationText type={o.type} />, csv: (o) => o.type },
      { id: 'status', header: 'vaults.ops.status', cell: (o) => <OperationStatus op={o} />, csv: (o) => o.status },
      { id: 'resource', header: 'vaults.ops.resource', cell: (o) => o.resource?.name || o.resource?.id || '', csv: (o) => o.resource?.name ?? '' },
      {
        id: 'backup', header: 'vaults.ops.backup',
        cell: (o) => (o.backupId ? <Link to={`/backups/${encodeURIComponent(o.backupId)}`} className="text-blue-700 hover:underline dark:text-blue-300">{o.backupName || o.backupId}</Link> : null),
        csv: (o) => o.backupName ?? '',
      },
      { id: 'error', header: 'vaults.ops.error', cell: (o) => (o.error ? <span className="text-red-700 dark:text-red-400"><code className="font-mono text-xs">{o.error.code}</code> {o.error.message}</span> : null), csv: (o) => (o.error ? `${o.error.code} ${o.error.message}` : '') },
      { id: 'created', header: 'vaults.ops.created', cell: (o) => <DateTime iso={o.createdAt} />, csv: (o) => o.createdAt },
      { id: 'ended', header: 'vaults.ops.ended', cell: (o) => (o.endedAt ? <DateTime iso={o.endedAt} /> : null), csv: (o) => o.endedAt ?? '' },
    ],
    query: (request) => {
      const params: OperationLogParams = { limit: request.limit, offset: request.offset, vaultId };
      const type = firstValue(request.filters, 'type');
      if (type && (OPERATION_TYPES as readonly string[]).includes(type)) params.type = type as OperationLogParams['type'];
      const status = firstValue(request.filters, 'status');
      if (status && (OPERATION_STATUSES as readonly string[]).includes(status)) params.status = status as OperationLogParams['status'];
      return operationLogQuery(params);
    },
    page: (raw) => ({ items: raw.items, total: raw.total }),
    emptyText: 'vaults.ops.empty',
  };
}

function OperationStatus({ op }: { op: OperationLog }) {
  const { t } = useTranslation();
  const label = t(`vaults.ops.statuses.${op.status}`, { defaultValue: op.status });
  return (
    <span className="flex min-w-28 flex-col items-start gap-1">
      <StatusBadge status={op.status} label={label} map={opTones} />
      {(op.status === 'running' || op.status === 'waiting') && <ProgressBar value={op.progress} label={label} />}
    </span>
  );
}
