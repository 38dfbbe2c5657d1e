import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AvailabilityZoneListSchema, DiskPageSchema, DiskSchema, DiskTaskResponseSchema, DiskTypeListSchema, EvsQuotasSchema, ServerPageSchema,
  ServerTaskResponseSchema, SnapshotPageSchema, SnapshotTaskResponseSchema,
  type AttachVolume, type CreateDisk, type CreateSnapshot, type DiskListQuery, type DiskQos, type ExpandDisk, type SetDiskTags, type Task, type UpdateDisk,
} from '@console/contract';
import { apiRequest } from '../../lib/api.ts';

/** Disk lists and details are kept current by the event stream; refetching is for after a gap. */
const liveStaleTime = 5 * 60_000;

export type DiskListParams = Partial<DiskListQuery>;

export const diskKeys = {
  all: ['disks'] as const,
  list: (params: DiskListParams) => ['disks', 'list', params] as const,
  detail: (id: string) => ['disks', 'detail', id] as const,
};

export const evsKeys = {
  types: ['evs-catalog', 'disk-types'] as const,
  zones: ['evs-catalog', 'zones'] as const,
  quotas: ['evs-quotas'] as const,
};

export function queryString(params: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const diskPath = (id: string) => `/api/v1/disks/${encodeURIComponent(id)}`;

export function diskListQuery(params: DiskListParams) {
  return {
    queryKey: diskKeys.list(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/disks${queryString(params)}`, DiskPageSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export function useDisk(id: string | undefined) {
  return useQuery({
    queryKey: diskKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(diskPath(id!), DiskSchema, { signal }),
    staleTime: liveStaleTime,
    enabled: Boolean(id),
  });
}

export function useDiskTypes() {
  return useQuery({ queryKey: evsKeys.types, queryFn: ({ signal }) => apiRequest('/api/v1/disk-types', DiskTypeListSchema, { signal }), staleTime: 10 * 60_000 });
}

export function useZones() {
  return useQuery({ queryKey: evsKeys.zones, queryFn: ({ signal }) => apiRequest('/api/v1/availability-zones', AvailabilityZoneListSchema, { signal }), staleTime: 10 * 60_000 });
}

export function useEvsQuotas() {
  return useQuery({ queryKey: evsKeys.quotas, queryFn: ({ signal }) => apiRequest('/api/v1/quotas/evs', EvsQuotasSchema, { signal }) });
}

/** Servers to attach a disk to, in the disk's zone (a disk attaches only within its zone). */
export function useServersIn(availabilityZone: string) {
  return useQuery({
    queryKey: ['servers', 'list', { availabilityZone, limit: 1000 }],
    queryFn: ({ signal }) => apiRequest(`/api/v1/servers${queryString({ availabilityZone, limit: 1000 })}`, ServerPageSchema, { signal }),
  });
}

export const snapshotKeys = {
  all: ['snapshots'] as const,
  list: (params: Readonly<Record<string, string | number | undefined>>) => ['snapshots', 'list', params] as const,
};

export function snapshotListQuery(params: { limit: number; offset?: number | undefined; diskId?: string | undefined; name?: string | undefined; status?: string | undefined }) {
  return {
    queryKey: snapshotKeys.list(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/snapshots${queryString(params)}`, SnapshotPageSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export function useSnapshots(params: { limit: number; diskId?: string | undefined }) {
  return useQuery(snapshotListQuery(params));
}

// ---- mutations: every one answers 202 with the task that carries it out ---------------------------

export const createDisk = (input: CreateDisk) => apiRequest('/api/v1/disks', DiskTaskResponseSchema, { method: 'POST', body: input });
export const updateDisk = (id: string, change: UpdateDisk) => apiRequest(diskPath(id), DiskTaskResponseSchema, { method: 'PATCH', body: change });
export const deleteDisk = (id: string) => apiRequest(diskPath(id), DiskTaskResponseSchema, { method: 'DELETE' });
export const deleteDisks = (ids: readonly string[]) => apiRequest('/api/v1/disks/batch-delete', DiskTaskResponseSchema, { method: 'POST', body: { ids } });
export const expandDisk = (id: string, input: ExpandDisk) => apiRequest(`${diskPath(id)}/expand`, DiskTaskResponseSchema, { method: 'POST', body: input });
export const setDiskQos = (id: string, input: DiskQos) => apiRequest(`${diskPath(id)}/qos`, DiskTaskResponseSchema, { method: 'PUT', body: input });
export const setDiskTags = (id: string, input: SetDiskTags) => apiRequest(`${diskPath(id)}/tags`, DiskTaskResponseSchema, { method: 'PUT', body: input });
export const createSnapshot = (input: CreateSnapshot) => apiRequest('/api/v1/snapshots', SnapshotTaskResponseSchema, { method: 'POST', body: input });

export const attachDisk = (serverId: string, input: AttachVolume) =>
  apiRequest(`/api/v1/servers/${encodeURIComponent(serverId)}/volumes`, ServerTaskResponseSchema, { method: 'POST', body: input });
export const detachDisk = (serverId: string, diskId: string) =>
  apiRequest(`/api/v1/servers/${encodeURIComponent(serverId)}/volumes/${encodeURIComponent(diskId)}`, ServerTaskResponseSchema, { method: 'DELETE' });

/**
 * A change to disks: the answer's task is announced (its progress then arrives on the event
 * stream), and the caches that show disks, snapshots and quotas are refreshed once.
 */
export function useTaskMutation<TVariables>(run: (variables: TVariables) => Promise<{ task: Task }>, onTask: (task: Task) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (answer) => onTask(answer.task),
    onSettled: async () => {
      await Promise.all([diskKeys.all, snapshotKeys.all, evsKeys.quotas].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
