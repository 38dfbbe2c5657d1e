import './catalogue.ts';
import type { CallEntry } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { shortenId } from '../../lib/format.ts';

export const callPath = (call: Pick<CallEntry, 'id'>) => `/calls/${call.id}`;

/** The query string as it was sent, for reading (values were never secrets: they are in URLs). */
export function queryText(query: CallEntry['query']): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  return search.toString();
}

export function statusTone(status: number): BadgeTone {
  if (status === 0 || status >= 500) return 'red';
  if (status >= 400) return 'amber';
  return status >= 300 ? 'blue' : 'green';
}

/**
 * Method and operation (the path template, which reads at a glance), linked to the call's page;
 * under it the path as called, with its query.
 */
export function CallRequestCell({ call }: { call: CallEntry }) {
  const query = queryText(call.query);
  const called = `${call.path}${query ? `?${query}` : ''}`;
  return (
    <span className="flex min-w-0 flex-col">
      <Link to={callPath(call)} className="inline-flex max-w-[24rem] items-baseline gap-1.5 font-mono text-xs text-blue-700 hover:underline dark:text-blue-300">
        <span className="font-semibold">{call.method}</span>
        <span className="truncate">{call.route}</span>
      </Link>
      <span className="max-w-[24rem] truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={called}>{called}</span>
    </span>
  );
}

export function CallStatus({ call }: { call: CallEntry }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-2">
      <Badge tone={statusTone(call.status)}>{call.status === 0 ? t('calls.noAnswer') : call.status}</Badge>
      {call.errorCode && <code className="font-mono text-xs text-red-700 dark:text-red-300" title={call.errorMessage ?? undefined}>{call.errorCode}</code>}
    </span>
  );
}

/** In a list cell the id is cut to fit; on the call's page (`full`) it is shown whole. */
export function RequestIdCell({ requestId, full = false }: { requestId: string | null; full?: boolean }) {
  const { t } = useTranslation();
  if (!requestId) return null;
  return (
    <span className={`inline-flex items-center gap-1 ${full ? 'min-w-0' : 'max-w-48'}`}>
      <code className={`font-mono text-xs ${full ? 'break-all' : 'truncate'}`} title={requestId}>{requestId}</code>
      <CopyButton value={requestId} label={t('errors.copyRequestId')} />
    </span>
  );
}

export function TaskCell({ taskId, full = false }: { taskId: string | null; full?: boolean }) {
  const { t } = useTranslation();
  if (!taskId) return null;
  return (
    <Link to={`/tasks/${encodeURIComponent(taskId)}`} className="font-mono text-xs text-blue-700 hover:underline dark:text-blue-300" title={t('calls.openTask')}>
      {full ? taskId : shortenId(taskId)}
    </Link>
  );
}

/** Who made the call; calls no person asked for (the backup watch) are the console's own. */
export function CallUser({ username }: { username: string | null }) {
  const { t } = useTranslation();
  return username ?? <span className="text-slate-600 dark:text-slate-400">{t('calls.background')}</span>;
}
