import './catalogue.ts';
import type { Task } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { SubtaskList } from './SubtaskList.tsx';
import { TaskErrorBox } from './TaskErrorBox.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { TaskTargets } from './TaskTargets.tsx';
import { isOpenStatus } from './taskModel.ts';
import { taskDuration } from './taskDetailsText.ts';
import { taskKindLabel } from './taskText.ts';

/** One task in the task center: what, to what, by whom, how far, and why it failed. */
export function TaskCard({ task, now, onNavigate }: { task: Task; now: number; onNavigate: () => void }) {
  const { t, i18n } = useTranslation();
  const open = isOpenStatus(task.status);
  const batch = task.subtasks.length > 1;
  const failedItems = task.subtasks.filter((subtask) => subtask.status === 'failed').length;
  return (
    <article className="px-4 py-3" aria-label={taskKindLabel(task.kind, t)}>
      <div className="flex items-start gap-2">
        <Link
          to={`/tasks/${task.id}`}
          onClick={onNavigate}
          className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900 hover:underline dark:text-white"
        >
          {taskKindLabel(task.kind, t)}
        </Link>
        <TaskStatusBadge status={task.status} />
      </div>
      <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        <time dateTime={task.createdAt} title={formatDateTime(task.createdAt, i18n.language)}>
          {formatRelative(task.createdAt, now, i18n.language)}
        </time>
        {' · '}
        {task.username}
        {' · '}
        {taskDuration(task, now, t)}
      </p>
      {open && (
        <div className="mt-2 flex items-center gap-2">
          <ProgressBar className="flex-1" value={task.progress} label={t('tasks.progressOf', { name: taskKindLabel(task.kind, t) })} />
          <span className="text-xs text-slate-600 tabular-nums dark:text-slate-300">{t('tasks.percent', { value: task.progress })}</span>
        </div>
      )}
      {!batch && (
        <div className="mt-2 text-sm">
          <TaskTargets targets={task.targets} onNavigate={onNavigate} />
        </div>
      )}
      {task.error && !batch && (
        <div className="mt-2">
          <TaskErrorBox error={task.error} compact />
        </div>
      )}
      {batch && (
        <details className="mt-2 text-sm" open={failedItems > 0 && task.subtasks.length <= 5}>
          <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-300">
            {t('tasks.itemsSummary', { count: task.subtasks.length, failed: failedItems })}
          </summary>
          <SubtaskList subtasks={task.subtasks} onNavigate={onNavigate} />
        </details>
      )}
    </article>
  );
}
