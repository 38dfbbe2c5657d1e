import './catalogue.ts';
import type { Task, TaskPage } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListConfig } from '../../components/list/types.ts';
import { taskListQuery } from './api.ts';
import { isOpenStatus, taskKinds, taskStatuses } from './taskModel.ts';
import { toTaskParams } from './taskQuery.ts';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { TaskTargets } from './TaskTargets.tsx';
import { taskDuration } from './taskDetailsText.ts';
import { taskKindLabel } from './taskText.ts';
import { DateTime } from '../../components/DateTime.tsx';

function KindCell({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <Link to={`/tasks/${task.id}`} className="font-medium whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300">
      {taskKindLabel(task.kind, t)}
    </Link>
  );
}

function StatusCell({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-2">
      <TaskStatusBadge status={task.status} />
      {isOpenStatus(task.status) && <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">{t('tasks.percent', { value: task.progress })}</span>}
    </span>
  );
}

function DurationCell({ task }: { task: Task }) {
  const { t } = useTranslation();
  return <span className="whitespace-nowrap tabular-nums">{task.finishedAt ? taskDuration(task, Date.parse(task.finishedAt), t) : '—'}</span>;
}

function ErrorCell({ task }: { task: Task }) {
  if (!task.error) return null;
  return (
    <span className="block max-w-64 truncate text-xs text-red-700 dark:text-red-300" title={task.error.message}>
      <code className="font-mono">{task.error.code}</code> {task.error.message}
    </span>
  );
}

const mono = (value: string | undefined) => (value ? <code className="font-mono text-xs">{value}</code> : null);

export const taskListConfig: ListConfig<Task, TaskPage> = {
  id: 'tasks',
  title: 'tasks.title',
  getId: (task) => task.id,
  itemLabel: (task) => `${task.kind} ${task.id}`,
  paging: 'cursor',
  pageSizes: [50, 100, 200, 500],
  search: { placeholder: 'tasks.searchResource' },
  filters: [
    {
      kind: 'select',
      param: 'status',
      label: 'tasks.columns.status',
      options: [{ value: 'open', label: 'tasks.status.open' }, ...taskStatuses.map((status) => ({ value: status, label: `tasks.status.${status}` as const }))],
    },
    { kind: 'select', param: 'kind', label: 'tasks.columns.kind', options: taskKinds.map((kind) => ({ value: kind, label: `tasks.kinds.${kind}` as const })) },
    { kind: 'text', param: 'username', label: 'tasks.columns.user' },
    { kind: 'date-range', label: 'tasks.since', sinceParam: 'since' },
  ],
  columns: [
    { id: 'kind', header: 'tasks.columns.kind', alwaysVisible: true, cell: (task) => <KindCell task={task} />, csv: (task) => task.kind },
    { id: 'status', header: 'tasks.columns.status', cell: (task) => <StatusCell task={task} />, csv: (task) => task.status },
    { id: 'targets', header: 'tasks.columns.targets', cell: (task) => <TaskTargets targets={task.targets} max={2} shortIds />, csv: (task) => task.targets.map((target) => `${target.type}:${target.id}`).join(' ') },
    { id: 'user', header: 'tasks.columns.user', cell: (task) => task.username, csv: (task) => task.username },
    { id: 'created', header: 'tasks.columns.created', cell: (task) => <DateTime iso={task.createdAt} />, csv: (task) => task.createdAt },
    { id: 'duration', header: 'tasks.columns.duration', cell: (task) => <DurationCell task={task} />, csv: (task) => task.finishedAt ? (Date.parse(task.finishedAt) - Date.parse(task.createdAt)) / 1000 : undefined },
    { id: 'error', header: 'tasks.columns.error', cell: (task) => <ErrorCell task={task} />, csv: (task) => task.error ? `${task.error.code}: ${task.error.message}` : undefined },
    { id: 'finished', header: 'tasks.columns.finished', defaultVisible: false, cell: (task) => <DateTime iso={task.finishedAt} />, csv: (task) => task.finishedAt },
    { id: 'profile', header: 'tasks.columns.profile', defaultVisible: false, cell: (task) => task.profileId, csv: (task) => task.profileId },
    { id: 'id', header: 'tasks.columns.id', defaultVisible: false, cell: (task) => mono(task.id), csv: (task) => task.id },
    { id: 'requestId', header: 'tasks.columns.requestId', defaultVisible: false, cell: (task) => mono(task.error?.requestId ?? task.upstream?.requestId), csv: (task) => task.error?.requestId ?? task.upstream?.requestId },
  ],
  query: (request) => taskListQuery(toTaskParams(request)),
  page: (raw) => ({ items: raw.items, nextCursor: raw.nextBefore }),
  rowHref: (task) => `/tasks/${task.id}`,
  emptyText: 'tasks.empty',
};
