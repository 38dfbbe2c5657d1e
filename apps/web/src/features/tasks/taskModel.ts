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

/** The kinds the console creates, each with a name in the catalogues; others are shown as they are. */
export const taskKinds = [
  'disk.create',
  'disk.update',
  'disk.delete',
  'disk.expand',
  'disk.qos',
  'disk.tags',
  'snapshot.create',
  'snapshot.update',
  'snapshot.delete',
  'snapshot.rollback',
  'server.create',
  'server.update',
  'server.start',
  'server.stop',
  'server.reboot',
  'server.delete',
  'server.resize',
  'server.confirm-resize',
  'server.revert-resize',
  'server.lock',
  'server.unlock',
  'server.attach-disk',
  'server.detach-disk',
  'server.reinstall',
  'server.change-os',
  'server.tags',
  'vault.create',
  'vault.update',
  'vault.delete',
  'vault.add-resources',
  'vault.remove-resources',
  'vault.set-policy',
  'vault.remove-policy',
  'vault.backup',
  'vault.tags',
  'policy.create',
  'policy.update',
  'policy.delete',
  'backup.delete',
  'backup.restore',
  'backup.share',
  'backup.unshare',
  'vbs.backup.create',
  'vbs.backup.restore',
  'vbs.backup.delete',
  'vbs.policy.create',
  'vbs.policy.update',
  'vbs.policy.delete',
  'vbs.policy.bind',
  'vbs.policy.unbind',
] as const;
export type KnownTaskKind = (typeof taskKinds)[number];

export function isKnownKind(kind: string): kind is KnownTaskKind {
  return (taskKinds as readonly string[]).includes(kind);
}

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
