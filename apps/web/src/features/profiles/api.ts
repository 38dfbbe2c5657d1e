import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MeResponseSchema, ProfileListSchema } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { meQueryKey } from '../auth/session.ts';

export const profilesQueryKey = ['profiles'] as const;

export function useProfiles(enabled: boolean) {
  return useQuery({
    queryKey: profilesQueryKey,
    queryFn: ({ signal }) => apiRequest('/api/v1/profiles', ProfileListSchema, { signal }),
    enabled,
  });
}

/**
 * Switching profiles points every resource screen at another cloud account: the session is
 * replaced by the answer, and everything else cached is thrown away and fetched again.
 */
export function useSwitchProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => apiRequest('/api/v1/me/profile', MeResponseSchema, { method: 'PUT', body: { profileId } }),
    onSuccess: async (me) => {
      client.setQueryData(meQueryKey, me);
      await client.resetQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
