import { useQuery } from '@tanstack/react-query';
import { VbsBackupPageSchema, VbsPolicyListSchema, VbsTaskResponseSchema, type CreateVbsBackup, type UpdateVbsPolicy, type VbsBackupListQuery } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { registerResourceEvents } from '../../lib/resourceEvents.ts';
import { queryString } from '../disks/api.ts';
import { liveStaleTime } from '../vaults/api.ts';

export const vbsKeys = { all: ['vbs'] as const };

// VBS backups are "backup" resources too: their status events patch this list as well.
registerResourceEvents('backup', vbsKeys.all[0]);

export type VbsBackupParams = Partial<VbsBackupListQuery>;

export function vbsBackupListQuery(params: VbsBackupParams) {
  return {
    queryKey: [...vbsKeys.all, 'backups', params] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/vbs/backups${queryString(params)}`, VbsBackupPageSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export function vbsPolicyListQuery() {
  return {
    queryKey: [...vbsKeys.all, 'policies'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest('/api/v1/vbs/policies', VbsPolicyListSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export const useVbsPolicies = () => useQuery(vbsPolicyListQuery());

const send = (path: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown) => apiRequest(path, VbsTaskResponseSchema, { method, ...(body === undefined ? {} : { body }) });
export const createVbsBackup = (input: CreateVbsBackup) => send('/api/v1/vbs/backups', 'POST', input);
export const restoreVbsBackup = (id: string, diskId: string) => send(`/api/v1/vbs/backups/${encodeURIComponent(id)}/restore`, 'POST', { diskId });
export const deleteVbsBackup = (id: string) => send(`/api/v1/vbs/backups/${encodeURIComponent(id)}`, 'DELETE');
export const updateVbsPolicy = (id: string, change: UpdateVbsPolicy) => send(`/api/v1/vbs/policies/${encodeURIComponent(id)}`, 'PATCH', change);
export const deleteVbsPolicy = (id: string) => send(`/api/v1/vbs/policies/${encodeURIComponent(id)}`, 'DELETE');
