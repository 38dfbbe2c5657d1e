import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ConsoleLogSchema, EcsQuotasSchema, FlavorListSchema, KeyPairListSchema, SecurityGroupListSchema, ServerNicListSchema,
  ServerOperationListSchema, ServerPageSchema, ServerSchema, ServerTaskResponseSchema, ServerVolumesSchema,
  type ChangeServerOs, type CreateServer, type ReinstallServer, type ServerBatchAction, type ServerBatchDelete, type ServerListQuery,
  type ServerTaskResponse, type SetServerTags, type Task, type UpdateServer,
} from '@console/contract';
import { BatchItemError } from '../../components/list/batch.ts';
import { apiRequest } from '../../lib/api.ts';
import { diskKeys, evsKeys, queryString } from '../disks/api.ts';

/** Servers are kept current by the event stream; refetching is for after a gap. */
const liveStaleTime = 5 * 60_000;
const catalogStaleTime = 10 * 60_000;

export type ServerListParams = Partial<ServerListQuery>;

export const serverKeys = {
  all: ['servers'] as const,
  list: (params: ServerListParams) => ['servers', 'list', params] as const,
  detail: (id: string) => ['servers', 'detail', id] as const,
  /** What the detail tabs read besides the server; refreshed with it. */
  part: (id: string, part: string) => ['servers', 'part', id, part] as const,
};

export const ecsKeys = {
  flavors: (availabilityZone: string | undefined) => ['ecs-catalog', 'flavors', availabilityZone ?? ''] as const,
  keypairs: ['ecs-catalog', 'keypairs'] as const,
  quotas: ['ecs-quotas'] as const,
};

const serverPath = (id: string) => `/api/v1/servers/${encodeURIComponent(id)}`;

export function serverListQuery(params: ServerListParams) {
  return {
    queryKey: serverKeys.list(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/servers${queryString(params)}`, ServerPageSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export function useServer(id: string | undefined) {
  return useQuery({
    queryKey: serverKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(serverPath(id!), ServerSchema, { signal }),
    staleTime: liveStaleTime,
    enabled: Boolean(id),
  });
}

/** The server's disks with names, types and statuses (the server object names only ids and devices). */
export function useServerVolumes(id: string) {
  return useQuery({ queryKey: serverKeys.part(id, 'volumes'), queryFn: ({ signal }) => apiRequest(`${serverPath(id)}/volumes`, ServerVolumesSchema, { signal }), staleTime: liveStaleTime });
}

export function useServerNics(id: string) {
  return useQuery({ queryKey: serverKeys.part(id, 'nics'), queryFn: ({ signal }) => apiRequest(`${serverPath(id)}/nics`, ServerNicListSchema, { signal }) });
}

export function useServerSecurityGroups(id: string) {
  return useQuery({ queryKey: serverKeys.part(id, 'security-groups'), queryFn: ({ signal }) => apiRequest(`${serverPath(id)}/security-groups`, SecurityGroupListSchema, { signal }) });
}

export function useServerOperations(id: string) {
  return useQuery({ queryKey: serverKeys.part(id, 'operations'), queryFn: ({ signal }) => apiRequest(`${serverPath(id)}/operations`, ServerOperationListSchema, { signal }) });
}

export function useConsoleLog(id: string, lines: number) {
  return useQuery({
    queryKey: serverKeys.part(id, `console-log-${lines}`),
    queryFn: ({ signal }) => apiRequest(`${serverPath(id)}/console-log${queryString({ lines })}`, ConsoleLogSchema, { signal }),
  });
}

/** Flavors with their sale status; with a zone, the zone's own status counts. */
export function useFlavors(availabilityZone?: string) {
  return useQuery({
    queryKey: ecsKeys.flavors(availabilityZone),
    queryFn: ({ signal }) => apiRequest(`/api/v1/flavors${queryString({ availabilityZone })}`, FlavorListSchema, { signal }),
    staleTime: catalogStaleTime,
  });
}

export function useKeypairs() {
  return useQuery({ queryKey: ecsKeys.keypairs, queryFn: ({ signal }) => apiRequest('/api/v1/keypairs', KeyPairListSchema, { signal }), staleTime: catalogStaleTime });
}

export function useEcsQuotas() {
  return useQuery({ queryKey: ecsKeys.quotas, queryFn: ({ signal }) => apiRequest('/api/v1/quotas/ecs', EcsQuotasSchema, { signal }) });
}

// ---- mutations: each answers 202 with the task that carries it out ------------------------------

const send = <T>(path: string, method: 'POST' | 'PUT' | 'PATCH', body?: T) =>
  apiRequest(path, ServerTaskResponseSchema, { method, ...(body === undefined ? {} : { body }) });

export const createServers = (input: CreateServer) => send('/api/v1/servers', 'POST', input);
export const serverBatchAction = (input: ServerBatchAction) => send('/api/v1/servers/batch-action', 'POST', input);
export const deleteServers = (input: ServerBatchDelete) => send('/api/v1/servers/batch-delete', 'POST', input);
export const updateServer = (id: string, input: UpdateServer) => send(serverPath(id), 'PATCH', input);
export const resizeServer = (id: string, flavorId: string) => send(`${serverPath(id)}/resize`, 'POST', { flavorId });
export const confirmResize = (id: string) => send(`${serverPath(id)}/confirm-resize`, 'POST');
export const revertResize = (id: string) => send(`${serverPath(id)}/revert-resize`, 'POST');
export const lockServer = (id: string, lock: boolean) => send(`${serverPath(id)}/${lock ? 'lock' : 'unlock'}`, 'POST');
export const reinstallServer = (id: string, input: ReinstallServer) => send(`${serverPath(id)}/reinstall`, 'POST', input);
export const changeServerOs = (id: string, input: ChangeServerOs) => send(`${serverPath(id)}/change-os`, 'POST', input);
export const setServerTags = (id: string, input: SetServerTags) => send(`${serverPath(id)}/tags`, 'PUT', input);

/**
 * One server sent through a batch route: the BFF answers 202 even when it refuses the server, so
 * a refused subtask is turned into this call's failure.
 */
export async function single(answer: Promise<ServerTaskResponse>): Promise<ServerTaskResponse> {
  const response = await answer;
  const error = response.task.subtasks.find((s) => s.error)?.error;
  if (error) throw new BatchItemError(error);
  return response;
}

/**
 * A change to servers: the answer's task is announced (its progress then arrives on the event
 * stream), and what shows servers, their disks and the quotas is read again once.
 */
export function useServerMutation<TVariables>(run: (variables: TVariables) => Promise<{ task: Task }>, onTask: (task: Task) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (answer) => onTask(answer.task),
    onSettled: async () => {
      await Promise.all([serverKeys.all, diskKeys.all, ecsKeys.quotas, evsKeys.quotas].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
