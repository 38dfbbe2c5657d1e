import { useQuery, useQueryClient } from '@tanstack/react-query';
import { VbsBackupPageSchema, VbsPolicyListSchema, VbsTaskResponseSchema, type CreateVbsBackup, type CreateVbsPolicy, type Task, type UpdateVbsPolicy, type VbsBackupListQuery } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { registerResourceEvents } from '../../lib/resourceEvents.ts';
import { queryString } from '../disks/api.ts';
import { liveStaleTime, useCbrMutation } from '../vaults/api.ts';
import { useTaskPage } from '../tasks/api.ts';
import { taskKeys } from '../tasks/taskCache.ts';
import { knownBindings } from './vbsModel.ts';

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
export const createVbsPolicy = (input: CreateVbsPolicy) => send('/api/v1/vbs/policies', 'POST', input);
export const changeVbsPolicyDisks = (id: string, action: 'bind' | 'unbind', diskIds: string[]) => send(`/api/v1/vbs/policies/${encodeURIComponent(id)}/${action}`, 'POST', { diskIds });

/** A VBS change: the shared data-protection refresh, plus the VBS lists (a policy's disk count moves with binds). */
export function useVbsMutation<TVariables, TAnswer extends { task: Task }>(run: (variables: TVariables) => Promise<TAnswer>, onTask: (task: Task) => void) {
  const client = useQueryClient();
  return useCbrMutation(run, (task) => {
    onTask(task);
    void client.invalidateQueries({ queryKey: vbsKeys.all });
    // The bindings shown next come from these task lists; do not wait for the event stream.
    void client.invalidateQueries({ queryKey: taskKeys.lists, predicate: (query) => String((query.queryKey[2] as { kind?: string } | undefined)?.kind).startsWith('vbs.policy.') });
  });
}

/** Which disks this console has bound to VBS policies (VBS itself only reports a count per policy). */
export function useKnownBindings() {
  const pages = [useTaskPage({ kind: 'vbs.policy.bind', limit: 500 }), useTaskPage({ kind: 'vbs.policy.unbind', limit: 500 }), useTaskPage({ kind: 'vbs.policy.delete', limit: 500 })];
  return { pending: pages.some((p) => p.isPending), bindings: knownBindings(pages.flatMap((p) => p.data?.items ?? [])) };
}
