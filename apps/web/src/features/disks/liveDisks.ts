import type { QueryClient } from '@tanstack/react-query';
import { TRANSITIONAL_DISK_STATUSES } from '@console/contract';
import { patchResourceStatus, registerResourceEvents, type ResourceEvent } from '../../lib/resourceEvents.ts';
import { diskKeys, evsKeys, snapshotKeys } from './api.ts';

/**
 * A status arrives at once; what an operation changed besides (size, attachments, QoS) is read
 * again when the disk settles, so lists and details need no polling.
 */
function settleRefetch(roots: readonly (readonly string[])[]) {
  return (client: QueryClient, event: ResourceEvent) => {
    patchResourceStatus(client, roots[0]![0]!, event);
    if (TRANSITIONAL_DISK_STATUSES.includes(event.status)) return;
    for (const queryKey of roots) void client.invalidateQueries({ queryKey });
  };
}

// Registered once, when the first disk or snapshot screen is loaded.
// Disks and snapshots change together (a rollback busies both; a deleted disk takes its snapshots),
// so either settling refreshes both.
registerResourceEvents('disk', diskKeys.all[0], settleRefetch([diskKeys.all, snapshotKeys.all, evsKeys.quotas]));
registerResourceEvents('snapshot', snapshotKeys.all[0], settleRefetch([snapshotKeys.all, diskKeys.all, evsKeys.quotas]));
