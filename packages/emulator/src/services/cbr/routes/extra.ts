import type { Reply, RouteSpec } from '../../../server/types.ts';
import { cbrError, invalid } from '../errors.ts';
import type { Cbr } from '../model/cbr.ts';
import { orderVault } from '../model/orders.ts';
import { externalVaults, replicateBackup, replicateCheckpoint } from '../model/replication.ts';
import { batchUpdate, backupMetadata, migrateResources, setResources, storageUsage } from '../model/vault-extra.ts';
import { bodyObj, reqStr, wrapped } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

/**
 * The rest of the vault and backup APIs. Replication goes to the emulated partner region (see
 * model/replicas.ts); hybrid (VMware) sync has no hybrid vault, as public-cloud vaults only exist here.
 */
export function extraRoutes(cbr: Cbr): RouteSpec[] {
  const p = '/v3/{project_id}';
  return [
    { method: 'PUT', path: `${p}/vaults/batch-update`, operation: 'BatchUpdateVault', handler: (ctx) => ok({ updated_vaults_id: batchUpdate(cbr, wrapped(ctx, 'vault')) }) },
    { method: 'POST', path: `${p}/vaults/order`, operation: 'CreatePrePaidVault', handler: (ctx) => ok(orderVault(cbr, wrapped(ctx, 'vault'))) },
    { method: 'GET', path: `${p}/vaults/external`, operation: 'ListExternalVault', handler: (ctx) => ok(externalVaults(cbr, ctx.query)) },
    { method: 'PUT', path: `${p}/vaults/{vault_id}/set-resources`, operation: 'SetVaultResource', handler: (ctx) => ok({ set_resource_ids: setResources(cbr, ctx.params.vault_id!, bodyObj(ctx)) }) },
    { method: 'POST', path: `${p}/vaults/{vault_id}/migrateresources`, operation: 'MigrateVaultResource', handler: (ctx) => ok({ migrated_resources: migrateResources(cbr, ctx.params.vault_id!, bodyObj(ctx)) }) },
    { method: 'GET', path: `${p}/storage_usage`, operation: 'ShowStorageUsage', handler: (ctx) => ok(storageUsage(cbr, ctx.query)) },
    { method: 'GET', path: `${p}/backups/{backup_id}/metadata`, operation: 'ShowBackupMetadata', handler: (ctx) => ok(backupMetadata(cbr, cbr.requireBackup(ctx.params.backup_id!))) },
    { method: 'POST', path: `${p}/backups/{backup_id}/replicate`, operation: 'CreateReplication', handler: (ctx) => ok(replicateBackup(cbr, ctx.params.backup_id!, wrapped(ctx, 'replicate'))) },
    { method: 'POST', path: `${p}/checkpoints/replicate`, operation: 'CreateCheckpointReplication', handler: (ctx) => ok(replicateCheckpoint(cbr, wrapped(ctx, 'replicate'))) },
    {
      method: 'POST', path: `${p}/checkpoints/sync`, operation: 'CreateCheckpointSync',
      handler: (ctx) => {
        const vault = cbr.requireVault(reqStr(wrapped(ctx, 'sync'), 'vault_id', 1, 64));
        throw cbrError('BackupService.6124', `vault ${vault.id} is a ${vault.object_type} vault; sync is for hybrid (VMware) vaults`);
      },
    },
    {
      method: 'POST', path: `${p}/backups/sync`, operation: 'CreateBackupSync',
      handler: (ctx) => {
        const body = bodyObj(ctx);
        if (!Array.isArray(body.sync) || body.sync.length < 1 || body.sync.length > 50) throw invalid('sync must be an array of 1-50 backups');
        throw cbrError('BackupService.6124', 'no hybrid (VMware) vault exists in this region');
      },
    },
  ];
}
