import './catalogue.ts';
import type { Task } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { CallLink } from '../calls/CallLink.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { TaskErrorBox } from './TaskErrorBox.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { TaskTargets } from './TaskTargets.tsx';
import { isOpenStatus } from './taskModel.ts';
import { taskDuration } from './taskDetailsText.ts';
import { taskKindLabel } from './taskText.ts';

function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex min-w-0 items-center gap-1">
      <code className="truncate font-mono text-xs" title={value}>
        {value}
      </code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

export function TaskOverview({ task, now }: { task: Task; now: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section className="card px-4 py-1" aria-label={t('tasks.detail.summary')}>
        <DetailList>
          <Detail term={t('tasks.columns.kind')}>
            {taskKindLabel(task.kind, t)} <code className="ml-1 font-mono text-xs text-slate-500 dark:text-slate-400">{task.kind}</code>
          </Detail>
          <Detail term={t('tasks.columns.status')}>
            <span className="flex items-center gap-3">
              <TaskStatusBadge status={task.status} />
              {isOpenStatus(task.status) && (
                <>
                  <ProgressBar className="w-40" value={task.progress} label={t('tasks.progressOf', { name: taskKindLabel(task.kind, t) })} />
                  <span className="text-xs tabular-nums">{t('tasks.percent', { value: task.progress })}</span>
                </>
              )}
            </span>
          </Detail>
          <Detail term={t('tasks.columns.targets')}>
            <TaskTargets targets={task.targets} max={10} />
          </Detail>
          <Detail term={t('tasks.columns.user')}>{task.username}</Detail>
          <Detail term={t('tasks.columns.profile')}>{task.profileId}</Detail>
          <Detail term={t('tasks.columns.created')}>{formatDateTime(task.createdAt, i18n.language)}</Detail>
          <Detail term={t('tasks.columns.finished')}>{task.finishedAt ? formatDateTime(task.finishedAt, i18n.language) : t('tasks.notFinished')}</Detail>
          <Detail term={t('tasks.columns.duration')}>{taskDuration(task, now, t)}</Detail>
        </DetailList>
      </section>
      <div className="space-y-4">
        {task.error && (
          <section aria-label={t('tasks.detail.failure')}>
            <h2 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">{t('tasks.detail.failure')}</h2>
            <TaskErrorBox error={task.error} />
          </section>
        )}
        {task.upstream && (
          <section className="card px-4 py-1" aria-label={t('tasks.detail.upstream')}>
            <DetailList>
              <Detail term={t('tasks.detail.service')}>{task.upstream.service.toUpperCase()}</Detail>
              {task.upstream.jobId && (
                <Detail term={t('tasks.detail.jobId')}>
                  <Copyable value={task.upstream.jobId} label={t('tasks.detail.copyJobId')} />
                </Detail>
              )}
              {task.upstream.requestId && (
                <Detail term={t('errors.requestId')}>
                  <Copyable value={task.upstream.requestId} label={t('errors.copyRequestId')} />
                </Detail>
              )}
            </DetailList>
          </section>
        )}
        <CallLink taskId={task.id} className="text-sm text-blue-700 dark:text-blue-300" />
      </div>
    </div>
  );
}
