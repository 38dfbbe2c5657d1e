import { useQuery } from '@tanstack/react-query';
import {
  BackupMemberListSchema, BackupMembersResponseSchema, BackupPageSchema, BackupSchema, BackupTaskResponseSchema, OperationLogPageSchema,
  type BackupListQuery, type OperationLogQuery, type RestoreBackup,
} from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { queryString } from '../disks/api.ts';
import { backupKeys, liveStaleTime, operationLogKeys } from '../vaults/api.ts';

export type BackupListParams = Partial<BackupListQuery>;
export type OperationLogParams = Partial<OperationLogQuery>;

const backupPath = (id: string) => `/api/v1/backups/${encodeURIComponent(id)}`;

export function backupListQuery(params: BackupListParams) {
  return {
    queryKey: [...backupKeys.all, 'list', params] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/backups${queryString(params)}`, BackupPageSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export function useBackup(id: string) {
  return useQuery({ queryKey: [...backupKeys.all, 'detail', id], queryFn: ({ signal }) => apiRequest(backupPath(id), BackupSchema, { signal }), staleTime: liveStaleTime, enabled: Boolean(id) });
}

/** CBR's own task list; not kept live by events, so it is read again after half a minute. */
export function operationLogQuery(params: OperationLogParams) {
  return {
    queryKey: [...operationLogKeys.all, params] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/operation-logs${queryString(params)}`, OperationLogPageSchema, { signal }),
    staleTime: 30_000,
  };
}

/** One task for the whole selection; each backup is a subtask that succeeds or fails with its reason. */
export const deleteBackups = (ids: string[]) => apiRequest('/api/v1/backups/batch-delete', BackupTaskResponseSchema, { method: 'POST', body: { ids } });
export const deleteBackup = (id: string) => apiRequest(backupPath(id), BackupTaskResponseSchema, { method: 'DELETE' });
export const restoreBackup = (id: string, input: Partial<RestoreBackup>) => apiRequest(`${backupPath(id)}/restore`, BackupTaskResponseSchema, { method: 'POST', body: input });

export function useBackupMembers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...backupKeys.all, 'members', id],
    queryFn: ({ signal }) => apiRequest(`${backupPath(id)}/members`, BackupMemberListSchema, { signal }),
    enabled,
  });
}

export const shareBackup = (id: string, projectIds: string[]) => apiRequest(`${backupPath(id)}/members`, BackupMembersResponseSchema, { method: 'POST', body: { projectIds } });
export const unshareBackup = (id: string, projectId: string) => apiRequest(`${backupPath(id)}/members/${encodeURIComponent(projectId)}`, BackupMembersResponseSchema, { method: 'DELETE' });
