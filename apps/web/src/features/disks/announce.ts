import './catalogue.ts';
import type { TFunction } from 'i18next';
import type { Task } from '@console/contract';
import { showToast } from '../../components/toast/toastStore.ts';

/** Says the change was accepted and links its task; the task center follows it live from here. */
export function announceTask(task: Task, t: TFunction): void {
  showToast({ tone: 'info', title: t('disks.taskStarted'), link: { to: `/tasks/${encodeURIComponent(task.id)}`, label: t('disks.viewTask') } });
}
