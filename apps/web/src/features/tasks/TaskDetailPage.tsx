import './catalogue.ts';
import { RotateCw } from 'lucide-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailLayout } from '../../components/detail/DetailLayout.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useNow } from '../../components/useNow.ts';
import { useTask } from './api.ts';
import { SubtaskList } from './SubtaskList.tsx';
import { TaskOverview } from './TaskOverview.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { taskTitle } from './taskDetailsText.ts';

const tabs = ['overview', 'subtasks'] as const;

export function TaskDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const task = useTask(id);
  const now = useNow(5_000);
  const [tab, setTab] = useTabParam(tabs);
  const title = task.data ? taskTitle(task.data, t) : t('tasks.detail.title');
  useDocumentTitle(title);

  if (task.isPending) return <Spinner label={t('common.loading')} />;
  if (task.isError) {
    return (
      <div className="mx-auto max-w-3xl">
        <ErrorNotice title={t('tasks.detail.loadFailed')} error={task.error} onRetry={() => void task.refetch()} />
      </div>
    );
  }
  const data = task.data;
  return (
    <DetailLayout
      back={{ to: '/tasks', label: t('tasks.title') }}
      title={title}
      id={data.id}
      status={<TaskStatusBadge status={data.status} />}
      actions={
        <button type="button" className="btn-secondary" onClick={() => void task.refetch()} disabled={task.isFetching}>
          <RotateCw aria-hidden className={`size-4 ${task.isFetching ? 'animate-spin' : ''}`} />
          {t('common.refresh')}
        </button>
      }
      tabs={[
        { id: 'overview', label: t('tasks.detail.overview') },
        { id: 'subtasks', label: t('tasks.detail.subtasks'), count: data.subtasks.length },
      ]}
      tab={tab}
      onTabChange={setTab}
    >
      {tab === 'overview' ? (
        <TaskOverview task={data} now={now} />
      ) : (
        <section className="card px-4 py-1" aria-label={t('tasks.detail.subtasks')}>
          {data.subtasks.length ? <SubtaskList subtasks={data.subtasks} /> : <p className="py-4 text-sm text-slate-500">{t('tasks.detail.noSubtasks')}</p>}
        </section>
      )}
    </DetailLayout>
  );
}
