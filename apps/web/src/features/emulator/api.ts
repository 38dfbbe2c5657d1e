import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EmulatorQuotasSchema, EmulatorStatusSchema, FaultSchema,
  type AddFault, type ClockAction, type EmulatorStatus, type MeResponse, type SeedRequest, type SetEmulatorQuotas,
} from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { registerEventHandler } from '../../lib/resourceEvents.ts';

export const emulatorKey = ['emulator'] as const;
const quotasKey = ['emulator-quotas'] as const;
/** The disk screens' quota query, which a change of limits makes stale. */
const evsQuotasKey = ['evs-quotas'] as const;

/**
 * The panel is for the embedded emulator, and only for those who may change things: the BFF
 * refuses everyone else too, so nobody is shown controls that would only fail.
 */
export function canControlEmulator(session: Pick<MeResponse, 'user' | 'profile'>): boolean {
  return session.profile.emulator && session.user.role !== 'viewer';
}

// Every console hears the emulator's changes over the event stream (the panel of another QA
// engineer, another tab): the cached status is replaced, so the badge and panel never poll.
registerEventHandler('emulator', (client, event) => {
  if (event.type === 'emulator') client.setQueryData<EmulatorStatus>(emulatorKey, event.status);
});

export function useEmulatorStatus(enabled: boolean) {
  return useQuery({
    queryKey: emulatorKey,
    queryFn: ({ signal }) => apiRequest('/api/v1/emulator', EmulatorStatusSchema, { signal }),
    // kept current by the `emulator` event; refetched after a gap in the stream like any live query
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });
}

/** A change to the emulator: its answer (or a fresh read) becomes the cached status at once. */
function useEmulatorChange<TVariables>(run: (variables: TVariables) => Promise<EmulatorStatus | undefined>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (status) => {
      if (status) client.setQueryData(emulatorKey, status);
      else void client.invalidateQueries({ queryKey: emulatorKey });
    },
  });
}

const post = (path: string, body?: unknown) => apiRequest(path, EmulatorStatusSchema, { method: 'POST', ...(body === undefined ? {} : { body }) });

export function useClockAction() {
  return useEmulatorChange((action: ClockAction) => post('/api/v1/emulator/clock', action));
}

export function useAddFault() {
  return useEmulatorChange(async (fault: AddFault) => {
    await apiRequest('/api/v1/emulator/faults', FaultSchema, { method: 'POST', body: fault });
    return undefined;
  });
}

export function useRemoveFault() {
  return useEmulatorChange((id: string) => apiRequest(`/api/v1/emulator/faults/${encodeURIComponent(id)}`, EmulatorStatusSchema, { method: 'DELETE' }));
}

export function useClearFaults() {
  return useEmulatorChange(() => apiRequest('/api/v1/emulator/faults', EmulatorStatusSchema, { method: 'DELETE' }));
}

export function useReset() {
  return useEmulatorChange(() => post('/api/v1/emulator/reset'));
}

export function useSeed() {
  return useEmulatorChange(async (seed: SeedRequest) => {
    await apiRequest('/api/v1/emulator/seed', null, { method: 'POST', body: seed });
    return undefined;
  });
}

export function useEmulatorQuotas() {
  return useQuery({ queryKey: quotasKey, queryFn: ({ signal }) => apiRequest('/api/v1/emulator/quotas', EmulatorQuotasSchema, { signal }) });
}

export function useSetQuotas() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (limits: SetEmulatorQuotas) => apiRequest('/api/v1/emulator/quotas', EmulatorQuotasSchema, { method: 'PUT', body: limits }),
    onSuccess: (quotas) => {
      client.setQueryData(quotasKey, quotas);
      void client.invalidateQueries({ queryKey: evsQuotasKey });
    },
  });
}
