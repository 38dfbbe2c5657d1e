import './catalogue.ts';
import { AuditPageSchema, type AuditEntry, type AuditPage } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';
import type { ListConfig } from '../../components/list/types.ts';
import { StatusBadge, type StatusToneMap } from '../../components/StatusBadge.tsx';
import { apiRequest } from '../../lib/api.ts';
import { toAuditParams } from './auditQuery.ts';
import { ParamsPopover } from './ParamsPopover.tsx';
import { auditQueryRoot } from './usersApi.ts';
import { DateTime } from '../../components/DateTime.tsx';

const resultLooks: StatusToneMap = { ok: { tone: 'green' }, error: { tone: 'red' } };

function ResultCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-2">
      <StatusBadge status={entry.result} map={resultLooks} label={t(`settings.audit.results.${entry.result}`)} />
      <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">{entry.httpStatus}</span>
      {entry.errorCode && <code className="font-mono text-xs text-red-700 dark:text-red-300">{entry.errorCode}</code>}
    </span>
  );
}

/** Batch calls name many targets: one line here, the whole list in the title and the export. */
function TargetCell({ target }: { target: string | null }) {
  if (!target) return null;
  return (
    <span className="block max-w-56 truncate font-mono text-xs" title={target}>
      {target.split(',').join(', ')}
    </span>
  );
}

function RequestIdCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.upstreamRequestId) return null;
  return (
    <span className="inline-flex max-w-56 items-center gap-1">
      <code className="truncate font-mono text-xs" title={entry.upstreamRequestId}>
        {entry.upstreamRequestId}
      </code>
      <CopyButton value={entry.upstreamRequestId} label={t('errors.copyRequestId')} />
    </span>
  );
}

export const auditListConfig: ListConfig<AuditEntry, AuditPage> = {
  id: 'audit',
  title: 'settings.audit.title',
  getId: (entry) => String(entry.id),
  itemLabel: (entry) => `${entry.action} #${entry.id}`,
  paging: 'cursor',
  pageSizes: [50, 100, 200, 500],
  search: { placeholder: 'settings.audit.searchAction' },
  filters: [
    { kind: 'text', param: 'username', label: 'settings.audit.columns.user' },
    {
      kind: 'select',
      param: 'result',
      label: 'settings.audit.columns.result',
      options: [
        { value: 'ok', label: 'settings.audit.results.ok' },
        { value: 'error', label: 'settings.audit.results.error' },
      ],
    },
    { kind: 'date-range', label: 'settings.audit.period', sinceParam: 'since', untilParam: 'until' },
  ],
  columns: [
    { id: 'at', header: 'settings.audit.columns.at', alwaysVisible: true, cell: (entry) => <DateTime iso={entry.at} />, csv: (entry) => entry.at },
    { id: 'user', header: 'settings.audit.columns.user', cell: (entry) => entry.username, csv: (entry) => entry.username },
    { id: 'action', header: 'settings.audit.columns.action', cell: (entry) => <code className="font-mono text-xs">{entry.action}</code>, csv: (entry) => entry.action },
    { id: 'target', header: 'settings.audit.columns.target', cell: (entry) => <TargetCell target={entry.target} />, csv: (entry) => entry.target },
    { id: 'result', header: 'settings.audit.columns.result', cell: (entry) => <ResultCell entry={entry} />, csv: (entry) => `${entry.result} ${entry.httpStatus}${entry.errorCode ? ` ${entry.errorCode}` : ''}` },
    { id: 'requestId', header: 'settings.audit.columns.requestId', cell: (entry) => <RequestIdCell entry={entry} />, csv: (entry) => entry.upstreamRequestId },
    { id: 'params', header: 'settings.audit.columns.params', cell: (entry) => <ParamsPopover params={entry.params} label={entry.action} />, csv: (entry) => (entry.params === null ? undefined : JSON.stringify(entry.params)) },
    { id: 'profile', header: 'settings.audit.columns.profile', defaultVisible: false, cell: (entry) => entry.profileId, csv: (entry) => entry.profileId },
    { id: 'id', header: 'settings.audit.columns.id', defaultVisible: false, cell: (entry) => entry.id, csv: (entry) => entry.id },
  ],
  query: (request) => {
    const params = toAuditParams(request);
    return {
      queryKey: [auditQueryRoot, params],
      queryFn: ({ signal }) => apiRequest(`/api/v1/audit?${new URLSearchParams(params).toString()}`, AuditPageSchema, { signal }),
      // Every change anywhere adds entries, and no event announces them: ask again on each visit.
      staleTime: 0,
    };
  },
  page: (raw) => ({ items: raw.items, nextCursor: raw.nextBefore === null ? null : String(raw.nextBefore) }),
  emptyText: 'settings.audit.empty',
};
