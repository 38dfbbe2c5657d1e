import { DISK_STATUSES, DISK_TYPES, type DiskListQuery } from '@console/contract';
import type { ListRequest } from '../../components/list/types.ts';
import { firstValue } from '../../components/list/urlState.ts';
import type { DiskListParams } from './api.ts';

/** List column ids that the API can sort by, with the API's name for each. */
export const diskSortKeys: Readonly<Record<string, NonNullable<DiskListQuery['sort']>>> = { status: 'status', size: 'size', created: 'createdAt' };

/** The API's query for a view of the disk list; absent filters are left out so cache keys match. */
export function toDiskParams(request: ListRequest): DiskListParams {
  const params: DiskListParams = { limit: request.limit, offset: request.offset };
  if (request.search) params.name = request.search;
  const status = firstValue(request.filters, 'status');
  if (status && (DISK_STATUSES as readonly string[]).includes(status)) params.status = status as DiskListParams['status'];
  const type = firstValue(request.filters, 'type');
  if (type && (DISK_TYPES as readonly string[]).includes(type)) params.type = type as DiskListParams['type'];
  for (const name of ['availabilityZone', 'serverId', 'tag'] as const) {
    const value = firstValue(request.filters, name)?.trim();
    if (value) params[name] = value;
  }
  const sort = request.sort && diskSortKeys[request.sort.id];
  if (sort) {
    params.sort = sort;
    params.dir = request.sort!.desc ? 'desc' : 'asc';
  }
  return params;
}
