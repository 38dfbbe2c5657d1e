import type { ListRequest } from '../../components/list/types.ts';
import { dayEndIso, dayStartIso, firstValue } from '../../components/list/urlState.ts';

/** The audit API's query for a view of the log; only what is set, so equal views share a cache entry. */
export function toAuditParams(request: ListRequest): Record<string, string> {
  const params: Record<string, string> = { limit: String(request.limit) };
  const username = firstValue(request.filters, 'username');
  if (username) params.username = username;
  if (request.search) params.action = request.search;
  const result = firstValue(request.filters, 'result');
  if (result) params.result = result;
  const since = firstValue(request.filters, 'since');
  if (since) params.since = dayStartIso(since);
  const until = firstValue(request.filters, 'until');
  if (until) params.until = dayEndIso(until);
  if (request.cursor) params.before = request.cursor;
  return params;
}
