import { useQuery } from '@tanstack/react-query';
import { CallDetailSchema, CallPageSchema } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';

export const callKeys = {
  all: ['calls'] as const,
  list: (params: Readonly<Record<string, string>>) => ['calls', 'list', params] as const,
  detail: (id: string) => ['calls', 'detail', id] as const,
};

/** Calls are added with every click anywhere and no event announces them: each visit asks again. */
export function callListQuery(params: Readonly<Record<string, string>>) {
  return {
    queryKey: callKeys.list(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(`/api/v1/calls?${new URLSearchParams(params).toString()}`, CallPageSchema, { signal }),
    staleTime: 0,
  };
}

/** A recorded call never changes. */
export function useCall(id: string) {
  return useQuery({
    queryKey: callKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/v1/calls/${encodeURIComponent(id)}`, CallDetailSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
