import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  VaultPageSchema, VaultSchema, VaultTaskResponseSchema,
  type AddVaultResourcesSchema, type BackupNow, type CreateVault, type Task, type UpdateVault, type VaultListQuery, type VaultTag,
} from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { diskKeys, queryString } from '../disks/api.ts';

/** Vaults, policies and backups are kept current by the event stream; refetching is for after a gap. */
export const liveStaleTime = 5 * 60_000;

export type VaultListParams = Partial<VaultListQuery>;

export const vaultKeys = {
  all: ['vaults'] as const,
  list: (params: VaultListParams) => ['vaults', 'list', params] as const,
  detail: (id: string) => ['vaults', 'detail', id] as const,
};
export const policyKeys = { all: ['policies'] as const };
export const backupKeys = { all: ['backups'] as const };
export const operationLogKeys = { all: ['operation-logs'] as const };

const vaultPath = (id: string) => `/api/v1/vaults/${encodeURIComponent(id)}`;

export function vaultListQuery(params: VaultListParams) {
  return {
    queryKey: vaultKeys.list(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/vaults${queryString(params)}`, VaultPageSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export const useVaults = (params: VaultListParams) => useQuery(vaultListQuery(params));

export function useVault(id: string) {
  return useQuery({ queryKey: vaultKeys.detail(id), queryFn: ({ signal }) => apiRequest(vaultPath(id), VaultSchema, { signal }), staleTime: liveStaleTime, enabled: Boolean(id) });
}

const send = (path: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown) =>
  apiRequest(path, VaultTaskResponseSchema, { method, ...(body === undefined ? {} : { body }) });

export const createVault = (input: CreateVault) => send('/api/v1/vaults', 'POST', input);
export const updateVault = (id: string, change: UpdateVault) => send(vaultPath(id), 'PATCH', change);
export const deleteVault = (id: string) => send(vaultPath(id), 'DELETE');
export const addVaultResources = (id: string, input: (typeof AddVaultResourcesSchema)['_zod']['input']) => send(`${vaultPath(id)}/resources`, 'POST', input);
export const removeVaultResources = (id: string, resourceIds: string[]) => send(`${vaultPath(id)}/resources/remove`, 'POST', { resourceIds });
export const setVaultPolicy = (id: string, policyId: string) => send(`${vaultPath(id)}/policy`, 'PUT', { policyId });
export const removeVaultPolicy = (id: string) => send(`${vaultPath(id)}/policy`, 'DELETE');
export const backUpVault = (id: string, input: Partial<BackupNow>) => send(`${vaultPath(id)}/backup`, 'POST', input);
export const setVaultTags = (id: string, tags: VaultTag[]) => send(`${vaultPath(id)}/tags`, 'PUT', { tags });

/**
 * A change to vaults, policies or backups: its task is announced (progress then arrives on the
 * event stream) and the caches that show them, and the disks they protect, are refreshed once.
 */
export function useCbrMutation<TVariables, TAnswer extends { task: Task }>(run: (variables: TVariables) => Promise<TAnswer>, onTask: (task: Task) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (answer) => onTask(answer.task),
    onSettled: async () => {
      await Promise.all([vaultKeys.all, policyKeys.all, backupKeys.all, operationLogKeys.all, diskKeys.all].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
