import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Task } from '@console/contract';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LiveEventStream, type ConnectionStatus } from '../lib/events.ts';
import { showToast } from '../components/toast/toastStore.ts';
import { useSession } from '../features/auth/session.ts';
import { taskKindLabel, taskStatusLabel } from '../features/tasks/taskText.ts';
import { handleStreamMessage } from './liveDispatch.ts';

const LiveStatusContext = createContext<ConnectionStatus>('connecting');

export function useLiveStatus(): ConnectionStatus {
  return useContext(LiveStatusContext);
}

function targetsText(task: Task, t: TFunction): string | undefined {
  const [first, ...rest] = task.targets;
  if (!first) return undefined;
  const name = first.name ?? first.id;
  return rest.length ? t('tasks.toast.many', { first: name, more: rest.length }) : name;
}

function announce(task: Task, t: TFunction): void {
  const failed = task.status !== 'succeeded';
  showToast({
    tone: failed ? 'error' : 'success',
    title: t('tasks.toast.finished', { kind: taskKindLabel(task.kind, t), status: taskStatusLabel(task.status, t) }),
    description: task.error?.message ?? targetsText(task, t),
    link: { to: `/tasks/${task.id}`, label: t('tasks.toast.details') },
  });
}

/**
 * The one event stream of this browser tab, opened while someone is signed in. Its messages
 * update the caches every screen reads, so no list polls for changes.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { user } = useSession();
  const { t } = useTranslation();
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  // The toast speaks the language current when it is raised, not when the stream was opened.
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  }, [t]);

  useEffect(() => {
    const announced = new Set<string>();
    const stream = new LiveEventStream({
      url: '/api/v1/events',
      create: (url) => new EventSource(url),
      schedule: (run, ms) => {
        const timer = window.setTimeout(run, ms);
        return () => window.clearTimeout(timer);
      },
      onStatus: setStatus,
      onMessage: (message) =>
        handleStreamMessage(
          { client, username: user.username, announced, now: Date.now, onTaskFinished: (task) => announce(task, translate.current) },
          message,
        ),
    });
    stream.start();
    const online = () => stream.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      stream.stop();
    };
  }, [client, user.username]);

  return <LiveStatusContext value={status}>{children}</LiveStatusContext>;
}
