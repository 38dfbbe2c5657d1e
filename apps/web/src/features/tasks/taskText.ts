import type { TFunction } from 'i18next';
import type { TaskStatus } from '@console/contract';
import { isKnownKind } from './taskModel.ts';

// Words for tasks that the frame needs on every page (the finished-task toast): their strings
// are in the core catalogue. Everything else about tasks is in taskDetailsText.ts.

export function taskKindLabel(kind: string, t: TFunction): string {
  return isKnownKind(kind) ? t(`tasks.kinds.${kind}`) : kind;
}

export function taskStatusLabel(status: TaskStatus, t: TFunction): string {
  return t(`tasks.status.${status}`);
}
