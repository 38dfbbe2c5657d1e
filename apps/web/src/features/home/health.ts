import { useQuery } from '@tanstack/react-query';
import { HealthResponseSchema } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';

export const healthQueryKey = ['health'] as const;

export function useHealth() {
  return useQuery({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => apiRequest('/api/health', HealthResponseSchema, { signal }),
    // Health is cheap and tiny; a minute keeps the uptime honest without chatter.
    refetchInterval: 60_000,
  });
}
