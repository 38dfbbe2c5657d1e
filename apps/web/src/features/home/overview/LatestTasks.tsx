import '../catalogue.ts';
import { ListTodo } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { useNow } from '../../../components/useNow.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useTaskPage } from '../../tasks/api.ts';
import { TaskStatusBadge } from '../../tasks/TaskStatusBadge.tsx';
import { TaskTargets } from '../../tasks/TaskTargets.tsx';
import { taskKindLabel } from '../../tasks/taskText.ts';

const shown = 6;

/** The newest tasks, from the same cache the task list uses, so the event stream keeps them current. */
export function LatestTasks() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const page = useTaskPage({ limit: shown });
  return (
    <Card title={t('overview.tasks.title')} icon={ListTodo}>
      {page.data === undefined ? (
        <div className="py-3">
          <Spinner label={t('common.loading')} />
        </div>
      ) : page.data.items.length === 0 ? (
        <p className="py-3 text-sm text-slate-600 dark:text-slate-400">{t('overview.tasks.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {page.data.items.map((task) => (
            <li key={task.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <Link to={`/tasks/${task.id}`} className="font-medium text-slate-900 hover:underline dark:text-white">
                {taskKindLabel(task.kind, t)}
              </Link>
              <TaskStatusBadge status={task.status} />
              <span className="min-w-0 flex-1 truncate text-slate-600 dark:text-slate-300">
                <TaskTargets targets={task.targets} max={1} shortIds />
              </span>
              <time dateTime={task.createdAt} title={formatDateTime(task.createdAt, i18n.language)} className="text-xs text-slate-500 dark:text-slate-400">
                {formatRelative(task.createdAt, now, i18n.language)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <p className="border-t border-slate-100 py-2 text-sm dark:border-slate-800">
        <Link to="/tasks" className="text-blue-700 hover:underline dark:text-blue-300">
          {t('overview.tasks.all')}
        </Link>
      </p>
    </Card>
  );
}
