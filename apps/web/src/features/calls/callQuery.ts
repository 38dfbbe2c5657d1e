import type { ListRequest } from '../../components/list/types.ts';
import { dayStartIso, firstValue } from '../../components/list/urlState.ts';

/** The list's URL filters, named as GET /api/v1/calls names them. */
export const callFilterParams = ['service', 'statusClass', 'origin', 'username', 'taskId', 'requestId'] as const;

/** The calls API's query for a view of the inspector; only what is set, so equal views share a cache entry. */
export function toCallParams(request: ListRequest): Record<string, string> {
  const params: Record<string, string> = { limit: String(request.limit) };
  for (const name of callFilterParams) {
    const value = firstValue(request.filters, name)?.trim();
    if (value) params[name] = value;
  }
  const since = firstValue(request.filters, 'since');
  if (since) params.since = dayStartIso(since);
  if (request.search.trim()) params.search = request.search.trim();
  if (request.cursor) params.before = request.cursor;
  return params;
}
