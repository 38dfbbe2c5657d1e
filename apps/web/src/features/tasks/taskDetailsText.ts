import './catalogue.ts';
import type { TFunction } from 'i18next';
import type { ResourceRef, Task } from '@console/contract';
import { durationParts } from '../../lib/format.ts';
import { taskKindLabel } from './taskText.ts';

export function resourceTypeLabel(type: ResourceRef['type'], t: TFunction): string {
  return t(`resourceTypes.${type}`);
}

/** "Create disk: data-01": what a task did, to what, for headings and titles. */
export function taskTitle(task: Task, t: TFunction): string {
  const kind = taskKindLabel(task.kind, t);
  const first = task.targets[0];
  if (!first) return kind;
  const name = first.name ?? first.id;
  return task.targets.length > 1 ? t('tasks.titleMany', { kind, name, more: task.targets.length - 1 }) : t('tasks.titleOne', { kind, name });
}

/** How long a task ran (or has been running, at `now`). */
export function taskDuration(task: Task, now: number, t: TFunction): string {
  const parts = durationParts(task.createdAt, task.finishedAt ?? new Date(now).toISOString());
  if (!parts) return '';
  if (parts.hours > 0) return t('duration.hoursMinutes', { hours: parts.hours, minutes: parts.minutes });
  if (parts.minutes > 0) return t('duration.minutesSeconds', { minutes: parts.minutes, seconds: parts.seconds });
  return t('duration.seconds', { seconds: parts.seconds });
}
