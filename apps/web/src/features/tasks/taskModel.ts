import { openTaskStatuses, type Task, type TaskStatus } from '@console/contract';
import type { StatusToneMap } from '../../components/StatusBadge.tsx';

export const taskStatuses: readonly TaskStatus[] = ['queued', 'running', 'succeeded', 'failed', 'partially_failed'];

export function isOpenStatus(status: TaskStatus): boolean {
  return openTaskStatuses.includes(status);
}

export const taskStatusLooks: StatusToneMap = {
  queued: { tone: 'neutral', transitional: true },
  running: { tone: 'blue', transitional: true },
  succeeded: { tone: 'green' },
  failed: { tone: 'red' },
  partially_failed: { tone: 'amber' },
};

const statusRank: Record<TaskStatus, number> = { running: 0, queued: 1, failed: 2, partially_failed: 2, succeeded: 2 };

/** Running work first (what the person is waiting for), then queued, then the rest; newest first within each. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort(
    (a, b) => statusRank[a.status] - statusRank[b.status] || Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id),
  );
}

export { TASK_KINDS as taskKinds, isTaskKind as isKnownKind } from '@console/contract';

/** How long after it finished a task first heard of is still news worth a toast. */
const recentMs = 5 * 60_000;

/**
 * Whether a change to `task` means "your task just finished": it is the person's own, it is now
 * finished, and it was last seen open (or is first seen finished only moments ago, as quick tasks are).
 */
export function shouldAnnounceFinish(previous: TaskStatus | undefined, task: Task, username: string, now: number): boolean {
  if (task.username !== username || isOpenStatus(task.status)) return false;
  if (previous !== undefined) return isOpenStatus(previous);
  return task.finishedAt !== undefined && now - Date.parse(task.finishedAt) < recentMs;
}

export { qualifiedCode } from '../../components/errorText.ts';
