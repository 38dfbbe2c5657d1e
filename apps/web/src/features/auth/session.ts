import { createContext, useContext } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { MeResponseSchema, type LoginRequest, type MeResponse } from '@console/contract';
import { ApiRequestError, apiRequest, setCsrfToken } from '../../lib/api.ts';

export const meQueryKey = ['me'] as const;

/** Who is signed in, or null when nobody is: a 401 here is an answer, not a failure. */
export async function fetchMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    const me = await apiRequest('/api/v1/me', MeResponseSchema, {
      ...(signal ? { signal } : {}),
      expectUnauthenticated: true,
    });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

function forgetAllButSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      apiRequest('/api/v1/session', MeResponseSchema, {
        method: 'POST',
        body: credentials,
        expectUnauthenticated: true,
      }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Nothing cached under a previous session may leak into this one.
      forgetAllButSession(queryClient);
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/v1/session', null, { method: 'DELETE', expectUnauthenticated: true }),
    // Signed out either way: a session that had already expired answers 401, the same end state.
    onSettled: async () => {
      setCsrfToken(undefined);
      forgetAllButSession(queryClient);
      queryClient.setQueryData(meQueryKey, null);
      // React Query re-renders on a later tick, while this navigation commits synchronously: the
      // guard is gone before it could see the emptied session and bounce to /login?next=<this page>.
      await navigate('/login', { replace: true, flushSync: true });
    },
  });
}

export const SessionContext = createContext<MeResponse | null>(null);

/** The signed-in user and active profile; only valid below the route guard, which provides it. */
export function useSession(): MeResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is only available on pages behind the sign-in guard');
  return session;
}
