import './catalogue.ts';
import type { CallDetail } from '@console/contract';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';
import { DetailLayout } from '../../components/detail/DetailLayout.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useCall } from './api.ts';
import { CallStatus, CallUser, queryText, RequestIdCell, TaskCell } from './CallCells.tsx';
import { DateTime } from '../../components/DateTime.tsx';

const tabs = ['overview', 'request', 'response'] as const;

/** A body as the BFF kept it: secrets already replaced, large ones outlined. */
function Body({ value, label }: { value: unknown; label: string }) {
  const { t } = useTranslation();
  if (value === undefined) return <p className="py-4 text-sm text-slate-500 dark:text-slate-400">{t('calls.detail.noBody')}</p>;
  const json = JSON.stringify(value, null, 2);
  return (
    <div className="py-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('calls.detail.redacted')}</p>
        <CopyButton value={json} label={t('calls.detail.copyBody', { body: label })} />
      </div>
      <pre aria-label={label} className="max-h-[60vh] overflow-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">{json}</pre>
    </div>
  );
}

function Overview({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const query = queryText(call.query);
  return (
    <section className="card px-4 py-1" aria-label={t('calls.detail.overview')}>
      <DetailList>
        <Detail term={t('calls.columns.at')}><DateTime iso={call.at} /></Detail>
        <Detail term={t('calls.columns.service')}>{call.service.toUpperCase()}</Detail>
        <Detail term={t('calls.columns.method')}><code className="font-mono text-xs">{call.method}</code></Detail>
        <Detail term={t('calls.columns.path')}><code className="font-mono text-xs break-all">{call.path}</code></Detail>
        <Detail term={t('calls.columns.operation')}><code className="font-mono text-xs break-all">{call.route}</code></Detail>
        <Detail term={t('calls.columns.query')}>{query ? <code className="font-mono text-xs break-all">{query}</code> : t('common.none')}</Detail>
        <Detail term={t('calls.columns.status')}><CallStatus call={call} /></Detail>
        {call.errorMessage && <Detail term={t('calls.columns.error')}><span className="break-words">{call.errorMessage}</span></Detail>}
        <Detail term={t('calls.columns.latency')}>{t('calls.detail.latency', { ms: Math.round(call.durationMs) })}</Detail>
        <Detail term={t('calls.columns.attempts')}>{call.attempts > 1 ? t('calls.detail.retried', { attempts: call.attempts, retries: call.attempts - 1 }) : call.attempts}</Detail>
        <Detail term={t('calls.columns.requestId')}>{call.requestId ? <RequestIdCell requestId={call.requestId} full /> : t('common.none')}</Detail>
        <Detail term={t('calls.columns.task')}>{call.taskId ? <TaskCell taskId={call.taskId} full /> : t('common.none')}</Detail>
        <Detail term={t('calls.columns.user')}><CallUser username={call.username} /></Detail>
        <Detail term={t('calls.columns.profile')}>{call.profileId}</Detail>
      </DetailList>
    </section>
  );
}

export function CallDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  const [tab, setTab] = useTabParam(tabs);
  const title = call.data ? `${call.data.method} ${call.data.route}` : t('calls.detail.title');
  useDocumentTitle(title);

  if (call.isPending) return <Spinner label={t('common.loading')} />;
  if (call.isError) {
    return (
      <div className="mx-auto max-w-3xl">
        <ErrorNotice title={t('calls.detail.loadFailed')} error={call.error} onRetry={() => void call.refetch()} />
      </div>
    );
  }
  const data = call.data;
  return (
    <DetailLayout
      back={{ to: '/calls', label: t('calls.title') }}
      title={title}
      id={String(data.id)}
      status={<CallStatus call={data} />}
      tabs={[
        { id: 'overview', label: t('calls.detail.overview') },
        { id: 'request', label: t('calls.detail.request') },
        { id: 'response', label: t('calls.detail.response') },
      ]}
      tab={tab}
      onTabChange={setTab}
    >
      {tab === 'overview' && <Overview call={data} />}
      {tab === 'request' && <section className="card px-4" aria-label={t('calls.detail.request')}><Body value={data.requestBody} label={t('calls.detail.request')} /></section>}
      {tab === 'response' && <section className="card px-4" aria-label={t('calls.detail.response')}><Body value={data.responseBody} label={t('calls.detail.response')} /></section>}
    </DetailLayout>
  );
}
