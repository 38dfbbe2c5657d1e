import type { QueryClient } from '@tanstack/react-query';
import { patchResourceStatus, registerResourceEvents, type ResourceEvent } from '../../lib/resourceEvents.ts';
import { diskKeys } from '../disks/api.ts';
import { backupKeys, operationLogKeys, policyKeys, vaultKeys } from './api.ts';
import { TRANSITIONAL_BACKUP_STATUSES, TRANSITIONAL_VAULT_STATUSES } from './vaultModel.ts';

/**
 * A status is written into the caches at once; when the resource settles, what else the operation
 * changed (a vault's used capacity, its resources' protect status, the disk restored) is read again.
 */
function settleRefetch(root: string, transitional: readonly string[], also: readonly (readonly string[])[]) {
  return (client: QueryClient, event: ResourceEvent) => {
    patchResourceStatus(client, root, event);
    if (transitional.includes(event.status)) return;
    for (const queryKey of [[root], ...also]) void client.invalidateQueries({ queryKey });
  };
}

// Registered once, when the first vault, policy or backup screen is loaded.
registerResourceEvents('vault', vaultKeys.all[0], settleRefetch(vaultKeys.all[0], TRANSITIONAL_VAULT_STATUSES, [policyKeys.all, backupKeys.all, operationLogKeys.all]));
registerResourceEvents('backup', backupKeys.all[0], settleRefetch(backupKeys.all[0], TRANSITIONAL_BACKUP_STATUSES, [vaultKeys.all, operationLogKeys.all, diskKeys.all]));
registerResourceEvents('policy', policyKeys.all[0], (client) => {
  void client.invalidateQueries({ queryKey: policyKeys.all });
  void client.invalidateQueries({ queryKey: vaultKeys.all });
});
