import './catalogue.ts';
import { useState } from 'react';
import { ArrowRight } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Sheet } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useNow } from '../../components/useNow.ts';
import { useSession } from '../auth/session.ts';
import { openTasksParams, useTaskPage } from './api.ts';
import type { TaskListParams } from './taskCache.ts';
import { sortTasks } from './taskModel.ts';
import { TaskCard } from './TaskCard.tsx';

type DrawerView = 'all' | 'open' | 'failed';
const views: readonly DrawerView[] = ['all', 'open', 'failed'];
const recentLimit = 30;

function paramsFor(view: DrawerView, username: string | undefined): TaskListParams {
  const base: TaskListParams = view === 'open' ? openTasksParams : view === 'failed' ? { status: 'failed', limit: recentLimit } : { limit: recentLimit };
  return username ? { ...base, username } : base;
}

/** The task center: recent tasks, running ones first, kept live by the event stream. */
export default function TaskDrawer({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const now = useNow();
  const [view, setView] = useState<DrawerView>('all');
  const [mine, setMine] = useState(false);
  const page = useTaskPage(paramsFor(view, mine ? user.username : undefined));
  const tasks = page.data ? sortTasks(page.data.items) : [];
  const close = () => onOpenChange(false);

  return (
    <Sheet
      open={open}
      onOpenChange={onOpenChange}
      title={t('tasks.center.title')}
      description={t('tasks.center.description')}
    >
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div role="radiogroup" aria-label={t('tasks.center.show')} className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
          {views.map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="radio"
              aria-checked={view === candidate}
              onClick={() => setView(candidate)}
              className={`rounded px-2 py-0.5 text-xs font-medium ${
                view === candidate ? 'bg-blue-600 text-white' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
              }`}
            >
              {t(`tasks.center.views.${candidate}`)}
            </button>
          ))}
        </div>
        <label className="flex items-center gap-1.5 text-xs text-slate-700 dark:text-slate-200">
          <input type="checkbox" className="size-4 accent-blue-600" checked={mine} onChange={(event) => setMine(event.target.checked)} />
          {t('tasks.center.mine')}
        </label>
        <Link to="/tasks" onClick={close} className="ml-auto inline-flex items-center gap-1 text-xs font-medium text-blue-700 hover:underline dark:text-blue-300">
          {t('tasks.center.all')}
          <ArrowRight aria-hidden className="size-3.5" />
        </Link>
      </div>
      {page.isPending ? (
        <div className="p-4">
          <Spinner label={t('common.loading')} />
        </div>
      ) : page.isError ? (
        <div className="p-4">
          <ErrorNotice title={t('tasks.loadFailed')} error={page.error} onRetry={() => void page.refetch()} />
        </div>
      ) : tasks.length === 0 ? (
        <p className="p-6 text-center text-sm text-slate-500 dark:text-slate-400">{t(`tasks.center.empty.${view}`)}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label={t('tasks.center.list')}>
          {tasks.map((task) => (
            <li key={task.id}>
              <TaskCard task={task} now={now} onNavigate={close} />
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}
