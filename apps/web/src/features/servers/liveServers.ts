import type { QueryClient } from '@tanstack/react-query';
import { patchResourceStatus, registerResourceEvents, type ResourceEvent } from '../../lib/resourceEvents.ts';
import { diskKeys } from '../disks/api.ts';
import { ecsKeys, serverKeys } from './api.ts';

/**
 * A server event carries a task state ("powering-off"), a status, or just "changed" at the end of
 * a job: none of them is the whole picture (the status stays ACTIVE while stopping), so the server
 * caches are read again. Events of one batch arrive together and share one refetch.
 */
let pending: ReturnType<typeof setTimeout> | undefined;

function refetchServers(client: QueryClient, event: ResourceEvent) {
  if (event.status === 'deleted') patchResourceStatus(client, serverKeys.all[0], event);
  if (pending !== undefined) return;
  pending = setTimeout(() => {
    pending = undefined;
    // Disks follow their server (attached, deleted with it) and quotas follow both.
    for (const queryKey of [serverKeys.all, diskKeys.all, ecsKeys.quotas]) void client.invalidateQueries({ queryKey });
  }, 150);
}

// Registered once, when the first server screen is loaded.
registerResourceEvents('server', serverKeys.all[0], refetchServers);
