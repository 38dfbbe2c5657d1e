import type { QueryClient } from '@tanstack/react-query';
import type { Task, TaskPage, TaskQuery, TaskStatus } from '@console/contract';

/** A task list query as cached: the API's query without defaults left implicit. */
export type TaskListParams = Partial<Omit<TaskQuery, 'limit'>> & { limit: number };

export const taskKeys = {
  all: ['tasks'] as const,
  lists: ['tasks', 'list'] as const,
  list: (params: TaskListParams) => ['tasks', 'list', params] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
};

/** Whether the API would list `task` for these filters (the cursor aside). */
export function taskMatches(task: Task, params: TaskListParams): boolean {
  if (params.status === 'open' ? !(task.status === 'queued' || task.status === 'running') : params.status && task.status !== params.status) return false;
  if (params.kind && task.kind !== params.kind) return false;
  if (params.username && task.username !== params.username) return false;
  if (params.resourceId && !task.targets.some((target) => target.id === params.resourceId)) return false;
  if (params.since && Date.parse(task.createdAt) < Date.parse(params.since)) return false;
  return true;
}

const newerFirst = (a: Task, b: Task) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/**
 * One page of a newest-first task list after a change to `task`, as a refetch would return it:
 * updated in place, dropped when it no longer matches the filters, or slotted in by creation time
 * when it now belongs on this page (a full page then passes its last task on to the next).
 */
export function patchTaskPage(page: TaskPage, task: Task, params: TaskListParams): TaskPage {
  const index = page.items.findIndex((item) => item.id === task.id);
  if (index >= 0) {
    const current = page.items[index]!;
    // Events arrive in order, but a refetch may already hold a later state than a replayed event.
    if (Date.parse(current.updatedAt) > Date.parse(task.updatedAt)) return page;
    const items = taskMatches(task, params)
      ? page.items.map((item, i) => (i === index ? task : item))
      : page.items.filter((_, i) => i !== index);
    return { ...page, items };
  }
  if (!taskMatches(task, params)) return page;
  const position = page.items.findIndex((item) => newerFirst(task, item) <= 0);
  const at = position === -1 ? page.items.length : position;
  // A later page (cursor) only takes tasks that sort inside it, never ones newer than its first.
  if (params.before && at === 0) return page;
  const full = page.items.length >= params.limit;
  if (full && at >= page.items.length) return page;
  if (!full && at >= page.items.length && page.nextBefore !== null) return page;
  const items = [...page.items.slice(0, at), task, ...page.items.slice(at)];
  if (items.length <= params.limit) return { ...page, items };
  const kept = items.slice(0, params.limit);
  return { items: kept, nextBefore: kept.at(-1)!.id };
}

/** Writes a task change from the event stream into every cached task list and its detail. */
export function applyTaskEvent(client: QueryClient, task: Task): void {
  const detailKey = taskKeys.detail(task.id);
  const detail = client.getQueryData<Task>(detailKey);
  if (detail && Date.parse(detail.updatedAt) <= Date.parse(task.updatedAt)) client.setQueryData(detailKey, task);
  for (const [key, page] of client.getQueriesData<TaskPage>({ queryKey: taskKeys.lists })) {
    const params = key[2] as TaskListParams | undefined;
    if (!page || !params) continue;
    const next = patchTaskPage(page, task, params);
    if (next !== page) client.setQueryData(key, next);
  }
}

/** The status this tab last knew for a task, from any cache that holds it. */
export function knownTaskStatus(client: QueryClient, id: string): TaskStatus | undefined {
  const detail = client.getQueryData<Task>(taskKeys.detail(id));
  if (detail) return detail.status;
  for (const [, page] of client.getQueriesData<TaskPage>({ queryKey: taskKeys.lists })) {
    const found = page?.items.find((item) => item.id === id);
    if (found) return found.status;
  }
  return undefined;
}
