import { SnapshotSchema, SnapshotTaskResponseSchema, type RollbackSnapshot, type UpdateSnapshot } from '@console/contract';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api.ts';
import { snapshotKeys } from '../disks/api.ts';

const snapshotPath = (id: string) => `/api/v1/snapshots/${encodeURIComponent(id)}`;

export function useSnapshot(id: string) {
  return useQuery({ queryKey: [snapshotKeys.all[0], 'detail', id], queryFn: ({ signal }) => apiRequest(snapshotPath(id), SnapshotSchema, { signal }) });
}

export const updateSnapshot = (id: string, change: UpdateSnapshot) => apiRequest(snapshotPath(id), SnapshotTaskResponseSchema, { method: 'PATCH', body: change });
export const deleteSnapshot = (id: string) => apiRequest(snapshotPath(id), SnapshotTaskResponseSchema, { method: 'DELETE' });
export const deleteSnapshots = (ids: readonly string[]) => apiRequest('/api/v1/snapshots/batch-delete', SnapshotTaskResponseSchema, { method: 'POST', body: { ids } });
export const rollbackSnapshot = (id: string, input: RollbackSnapshot) => apiRequest(`${snapshotPath(id)}/rollback`, SnapshotTaskResponseSchema, { method: 'POST', body: input });
