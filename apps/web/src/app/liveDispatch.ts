import type { QueryClient } from '@tanstack/react-query';
import type { Task } from '@console/contract';
import type { StreamMessage } from '../lib/events.ts';
import { dispatchOtherEvent, dispatchResourceEvent, liveQueryRoots } from '../lib/resourceEvents.ts';
import { meQueryKey } from '../features/auth/session.ts';
import { applyTaskEvent, knownTaskStatus, taskKeys } from '../features/tasks/taskCache.ts';
import { shouldAnnounceFinish } from '../features/tasks/taskModel.ts';

export interface LiveContext {
  client: QueryClient;
  username: string;
  /** Tasks already announced, so a replayed event does not toast twice. */
  announced: Set<string>;
  now: () => number;
  onTaskFinished: (task: Task) => void;
}

const maxRemembered = 500;

/** Everything but the session: what a gap in the stream may have left out of date. */
export function invalidateAllButSession(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/** Routes one message of the event stream into the caches (and the person's attention). */
export function handleStreamMessage(context: LiveContext, message: StreamMessage): void {
  const { client } = context;
  switch (message.kind) {
    case 'open':
      // A fresh stream starts at "now": what changed between a list's fetch and this moment
      // would be missed, so the live lists are fetched again. A resumed stream replays instead.
      if (!message.resumed) {
        for (const root of [taskKeys.all[0], ...liveQueryRoots()]) void client.invalidateQueries({ queryKey: [root] });
      }
      return;
    case 'reset':
      void invalidateAllButSession(client);
      return;
    case 'event': {
      const { event } = message;
      if (event.type === 'resource') {
        dispatchResourceEvent(client, event);
        return;
      }
      if (event.type === 'reset') {
        void invalidateAllButSession(client);
        return;
      }
      if (event.type !== 'task') {
        dispatchOtherEvent(client, event);
        return;
      }
      const { task } = event;
      const previous = knownTaskStatus(client, task.id);
      applyTaskEvent(client, task);
      if (!context.announced.has(task.id) && shouldAnnounceFinish(previous, task, context.username, context.now())) {
        if (context.announced.size >= maxRemembered) context.announced.clear();
        context.announced.add(task.id);
        context.onTaskFinished(task);
      }
    }
  }
}
