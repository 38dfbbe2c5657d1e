import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError, setUnauthenticatedHandler } from '../lib/api.ts';
import { meQueryKey } from '../features/auth/session.ts';

/** A refusal (4xx) will not change by asking again; outages and timeouts might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: shouldRetry },
    mutations: { retry: false },
  },
});

// A session that ends mid-use (expiry, logout in another tab): emptying the cached session makes
// the route guard send the user to the login page, with the current page as `next`.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(meQueryKey, null);
});
