import { useQuery } from '@tanstack/react-query';
import { TaskPageSchema, TaskSchema } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { taskKeys, type TaskListParams } from './taskCache.ts';

/** Task lists and details are kept current by the event stream; refetching is for after a gap. */
const liveStaleTime = 5 * 60_000;

export function taskListPath(params: TaskListParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, String(value));
  return `/api/v1/tasks?${search.toString()}`;
}

export function taskListQuery(params: TaskListParams) {
  return {
    queryKey: taskKeys.list(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(taskListPath(params), TaskPageSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export function useTaskPage(params: TaskListParams) {
  return useQuery(taskListQuery(params));
}

/** Queued and running tasks: the header's count and the drawer's "running" view share this. */
export const openTasksParams: TaskListParams = { status: 'open', limit: 100 };

export function useOpenTasks() {
  return useTaskPage(openTasksParams);
}

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/v1/tasks/${encodeURIComponent(id)}`, TaskSchema, { signal }),
    staleTime: liveStaleTime,
  });
}
