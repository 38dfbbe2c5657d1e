import { useQuery, type QueryClient } from '@tanstack/react-query';
import { OverviewSchema, type ResourceRef } from '@console/contract';
import { apiRequest } from '../../../lib/api.ts';
import { registerResourceEvents } from '../../../lib/resourceEvents.ts';

export const overviewKeys = { all: ['overview'] as const };

/** Kept current by the event stream (below); refetching is for after a gap in it. */
const liveStaleTime = 5 * 60_000;

export function useOverview() {
  return useQuery({
    queryKey: overviewKeys.all,
    queryFn: ({ signal }) => apiRequest('/api/v1/overview', OverviewSchema, { signal }),
    staleTime: liveStaleTime,
  });
}

/** A batch of fifty disks changing at once asks for one recount, not fifty. */
export const recountDelayMs = 1_000;

let pending: ReturnType<typeof setTimeout> | undefined;

/** Counts are recomputed upstream: any change of a counted resource schedules one refetch. */
export function scheduleRecount(client: QueryClient, delayMs = recountDelayMs): void {
  if (pending !== undefined) return;
  pending = setTimeout(() => {
    pending = undefined;
    void client.invalidateQueries({ queryKey: overviewKeys.all });
  }, delayMs);
}

const counted: readonly ResourceRef['type'][] = ['disk', 'snapshot', 'server', 'vault', 'backup'];

// Registered once, when the overview is first loaded.
for (const type of counted) registerResourceEvents(type, overviewKeys.all[0], (client) => scheduleRecount(client));
