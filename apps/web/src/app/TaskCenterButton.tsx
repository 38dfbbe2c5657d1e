import { lazy, Suspense, useState } from 'react';
import { ListTodo } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useOpenTasks } from '../features/tasks/api.ts';

const loadDrawer = () => import('../features/tasks/TaskDrawer.tsx');
// The drawer's code (and Radix Dialog's) comes with the first opening, not with every page.
const TaskDrawer = lazy(loadDrawer);

/** The header's way into the task center, showing how many tasks are still running. */
export function TaskCenterButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const openTasks = useOpenTasks();
  const count = openTasks.data?.items.length ?? 0;
  const more = Boolean(openTasks.data?.nextBefore);
  const shownCount = more ? `${count}+` : String(count);

  return (
    <>
      <button
        type="button"
        className="btn-ghost relative h-8 gap-1.5 px-2"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={count > 0 ? t('tasks.center.buttonRunning', { count: shownCount }) : t('tasks.center.button')}
        title={t('tasks.center.button')}
        onPointerEnter={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
        onClick={() => setOpen(true)}
      >
        <ListTodo aria-hidden className="size-4" />
        <span className="hidden text-sm md:inline">{t('tasks.center.short')}</span>
        {count > 0 && (
          <span aria-hidden className="min-w-5 rounded-full bg-blue-600 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums">
            {shownCount}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <TaskDrawer open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}
