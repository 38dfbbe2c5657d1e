import type { Reply, RouteSpec } from '../../../server/types.ts';
import { cbrError, invalid } from '../errors.ts';
import type { Cbr } from '../model/cbr.ts';
import { pageParams } from '../model/oplogs.ts';
import { batchUpdate, backupMetadata, migrateResources, orderVault, setResources, storageUsage } from '../model/vault-extra.ts';
import { bodyObj, reqStr, wrapped } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

/**
 * The rest of the vault and backup APIs. This emulator serves one region, so replication and the
 * other-region vault list have no destination, and hybrid (VMware) sync has no hybrid vault.
 */
export function extraRoutes(cbr: Cbr): RouteSpec[] {
  const p = '/v3/{project_id}';
  const noDestination = () => cbrError('BackupService.6120', 'no other region is emulated, so no destination vault exists');
  return [
    { method: 'PUT', path: `${p}/vaults/batch-update`, operation: 'BatchUpdateVault', handler: (ctx) => ok({ updated_vaults_id: batchUpdate(cbr, wrapped(ctx, 'vault')) }) },
    { method: 'POST', path: `${p}/vaults/order`, operation: 'CreatePrePaidVault', handler: (ctx) => ok(orderVault(cbr, wrapped(ctx, 'vault'))) },
    {
      method: 'GET', path: `${p}/vaults/external`, operation: 'ListExternalVault',
      handler: (ctx) => {
        if (!ctx.query.get('external_project_id') || !ctx.query.get('region_id')) throw invalid('external_project_id and region_id are required');
        const { limit, offset } = pageParams(ctx.query);
        return ok({ vaults: [], count: 0, limit, offset });
      },
    },
    { method: 'PUT', path: `${p}/vaults/{vault_id}/set-resources`, operation: 'SetVaultResource', handler: (ctx) => ok({ set_resource_ids: setResources(cbr, ctx.params.vault_id!, bodyObj(ctx)) }) },
    { method: 'POST', path: `${p}/vaults/{vault_id}/migrateresources`, operation: 'MigrateVaultResource', handler: (ctx) => ok({ migrated_resources: migrateResources(cbr, ctx.params.vault_id!, bodyObj(ctx)) }) },
    { method: 'GET', path: `${p}/storage_usage`, operation: 'ShowStorageUsage', handler: (ctx) => ok(storageUsage(cbr, ctx.query)) },
    { method: 'GET', path: `${p}/backups/{backup_id}/metadata`, operation: 'ShowBackupMetadata', handler: (ctx) => ok(backupMetadata(cbr, cbr.requireBackup(ctx.params.backup_id!))) },
    {
      method: 'POST', path: `${p}/backups/{backup_id}/replicate`, operation: 'CreateReplication',
      handler: (ctx) => {
        cbr.requireBackup(ctx.params.backup_id!);
        const o = wrapped(ctx, 'replicate');
        for (const k of ['destination_project_id', 'destination_region', 'destination_vault_id']) reqStr(o, k, 1, 255);
        throw noDestination();
      },
    },
    {
      method: 'POST', path: `${p}/checkpoints/replicate`, operation: 'CreateCheckpointReplication',
      handler: (ctx) => {
        const o = wrapped(ctx, 'replicate');
        cbr.requireVault(reqStr(o, 'vault_id', 1, 64));
        for (const k of ['destination_project_id', 'destination_region', 'destination_vault_id']) reqStr(o, k, 1, 255);
        throw noDestination();
      },
    },
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
