import { SERVER_FILTER_STATUSES, ServerListQuerySchema } from '@console/contract';
import type { ListRequest } from '../../components/list/types.ts';
import { firstValue } from '../../components/list/urlState.ts';
import type { ServerListParams } from './api.ts';

/**
 * The API's query for a view of the server list; absent filters are left out so cache keys match.
 * A filter value the API would refuse (an IP with letters) is left out too, rather than failing the page.
 */
export function toServerParams(request: ListRequest): ServerListParams {
  const params: ServerListParams = { limit: request.limit };
  if (request.search) params.name = request.search;
  const status = firstValue(request.filters, 'status');
  if (status && (SERVER_FILTER_STATUSES as readonly string[]).includes(status)) params.status = status as ServerListParams['status'];
  for (const name of ['flavor', 'availabilityZone', 'ip', 'tag'] as const) {
    const value = firstValue(request.filters, name)?.trim();
    if (value && ServerListQuerySchema.shape[name].safeParse(value).success) params[name] = value;
  }
  if (request.cursor) params.marker = request.cursor;
  return params;
}
