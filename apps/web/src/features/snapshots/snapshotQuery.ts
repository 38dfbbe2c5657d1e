import { SNAPSHOT_STATUSES } from '@console/contract';
import type { ListRequest } from '../../components/list/types.ts';
import { firstValue } from '../../components/list/urlState.ts';

export interface SnapshotListParams { limit: number; offset: number; name?: string; status?: string; diskId?: string }

/** The API's query for a view of the snapshot list (the API matches names exactly). */
export function toSnapshotParams(request: ListRequest): SnapshotListParams {
  const params: SnapshotListParams = { limit: request.limit, offset: request.offset };
  const name = request.search.trim();
  if (name) params.name = name;
  const status = firstValue(request.filters, 'status');
  if (status && (SNAPSHOT_STATUSES as readonly string[]).includes(status)) params.status = status;
  const diskId = firstValue(request.filters, 'diskId')?.trim();
  if (diskId) params.diskId = diskId;
  return params;
}
