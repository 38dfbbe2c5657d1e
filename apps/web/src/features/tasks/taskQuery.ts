import type { Task } from '@console/contract';
import type { ListRequest } from '../../components/list/types.ts';
import { dayStartIso, firstValue } from '../../components/list/urlState.ts';
import type { TaskListParams } from './taskCache.ts';
import { taskStatuses } from './taskModel.ts';

/** The API's query for a view of the task list; absent filters are left out so cache keys match. */
export function toTaskParams(request: ListRequest): TaskListParams {
  const params: TaskListParams = { limit: request.limit };
  const status = firstValue(request.filters, 'status');
  if (status === 'open' || taskStatuses.includes(status as Task['status'])) params.status = status as TaskListParams['status'];
  const kind = firstValue(request.filters, 'kind');
  if (kind) params.kind = kind;
  const username = firstValue(request.filters, 'username');
  if (username) params.username = username;
  if (request.search) params.resourceId = request.search;
  const since = firstValue(request.filters, 'since');
  if (since) params.since = dayStartIso(since);
  if (request.cursor) params.before = request.cursor;
  return params;
}
