import './catalogue.ts';
import type { Subtask } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { TaskErrorBox } from './TaskErrorBox.tsx';
import { ResourceRefView } from './TaskTargets.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { isOpenStatus } from './taskModel.ts';

/** The items of a batch, each with its own status, progress and failure reason. */
export function SubtaskList({ subtasks, onNavigate }: { subtasks: readonly Subtask[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800">
      {subtasks.map((subtask) => (
        <li key={subtask.id} className="py-2 text-sm">
          <div className="flex items-center gap-2">
            <span className="min-w-0 flex-1">
              {subtask.target ? (
                <ResourceRefView target={subtask.target} onNavigate={onNavigate} />
              ) : (
                <span className="text-slate-600 dark:text-slate-300">{t('tasks.item', { id: subtask.id })}</span>
              )}
            </span>
            <TaskStatusBadge status={subtask.status} />
          </div>
          {isOpenStatus(subtask.status) && (
            <ProgressBar className="mt-1.5" value={subtask.progress} label={t('tasks.progressOf', { name: subtask.target?.name ?? subtask.target?.id ?? subtask.id })} />
          )}
          {subtask.error && (
            <div className="mt-1.5">
              <TaskErrorBox error={subtask.error} compact />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
