import { useQuery } from '@tanstack/react-query';
import { PolicyListSchema, PolicySchema, PolicyTaskResponseSchema, type CreatePolicy, type UpdatePolicy } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { liveStaleTime, policyKeys } from '../vaults/api.ts';

const policyPath = (id: string) => `/api/v1/policies/${encodeURIComponent(id)}`;

export function policyListQuery() {
  return {
    queryKey: [...policyKeys.all, 'list'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest('/api/v1/policies', PolicyListSchema, { signal }),
    staleTime: liveStaleTime,
  };
}

export const usePolicies = () => useQuery(policyListQuery());

export function usePolicy(id: string) {
  return useQuery({ queryKey: [...policyKeys.all, 'detail', id], queryFn: ({ signal }) => apiRequest(policyPath(id), PolicySchema, { signal }), staleTime: liveStaleTime, enabled: Boolean(id) });
}

export const createPolicy = (input: CreatePolicy) => apiRequest('/api/v1/policies', PolicyTaskResponseSchema, { method: 'POST', body: input });
export const updatePolicy = (id: string, change: UpdatePolicy) => apiRequest(policyPath(id), PolicyTaskResponseSchema, { method: 'PATCH', body: change });
export const deletePolicy = (id: string) => apiRequest(policyPath(id), PolicyTaskResponseSchema, { method: 'DELETE' });
