import type { TransitionContext } from '../../clock/scheduler.ts';
import { ApiError } from '../../server/errors.ts';
import type { Cbr } from './model/cbr.ts';
import { finishBackup, finishDelete, startCheckpoint } from './model/backups.ts';
import { runMigration } from './model/migrates.ts';
import { deliverOrgPolicy } from './model/org-policies.ts';
import { policyDoc } from './model/policies.ts';
import { finishReplication, replicateVault } from './model/replication.ts';
import { finishRestore, type RestorePayload } from './model/restore.ts';
import { nextFire, parsePattern } from './model/rrule.ts';
import { finishDeleteVault, finishRemoveResources } from './model/vault-ops.ts';
import { autoBind } from './model/vaults.ts';

/**
 * The CBR timeline: backups, restores and deletions end by transitions, and every enabled backup
 * policy has one pending `cbr.policy.fire` at its next trigger time, which backs up the resources
 * of its vaults and plans the following firing.
 */
export function registerCbrTransitions(cbr: Cbr): void {
  const { scheduler } = cbr.rt;
  scheduler.register('cbr.backup.finish', (p: { backupId: string }, ctx: TransitionContext) => finishBackup(cbr, p.backupId, ctx.dueAt));
  scheduler.register('cbr.backup.delete', (p: { backupId: string; oplogId: string }, ctx: TransitionContext) => finishDelete(cbr, p.backupId, p.oplogId, ctx.dueAt));
  scheduler.register('cbr.restore.finish', (p: RestorePayload, ctx: TransitionContext) => finishRestore(cbr, p, ctx.dueAt));
  scheduler.register('cbr.resources.remove', (p: { vaultId: string; resourceIds: string[]; oplogId: string }, ctx: TransitionContext) =>
    finishRemoveResources(cbr, p, ctx.dueAt));
  scheduler.register('cbr.vault.delete', (p: { vaultId: string; oplogId: string }, ctx: TransitionContext) => finishDeleteVault(cbr, p, ctx.dueAt));
  scheduler.register('cbr.policy.fire', (p: { policyId: string; generation: number }, ctx: TransitionContext) => firePolicy(cbr, p, ctx.dueAt));
  scheduler.register('cbr.replication.finish', (p: { id: string }, ctx: TransitionContext) => finishReplication(cbr, p, ctx.dueAt));
  scheduler.register('cbr.org.deliver', (p: { id: string }) => deliverOrgPolicy(cbr, p));
  scheduler.register('cbr.migrate.run', (p: { region: string }, ctx: TransitionContext) => runMigration(cbr, p, ctx.dueAt));
}

function firePolicy(cbr: Cbr, p: { policyId: string; generation: number }, at: number): void {
  const row = cbr.policy(p.policyId);
  // A changed, disabled or deleted policy planned its own next firing (or none) when it changed.
  if (!row || row.generation !== p.generation || row.enabled !== 1) return;
  const doc = policyDoc(row);
  const vaults = cbr.s.get('SELECT vault_id, destination_vault_id FROM cbr_vault_policies WHERE policy_id = ? ORDER BY vault_id').all(row.id) as { vault_id: string; destination_vault_id: string | null }[];
  const def = doc.operation_definition as typeof doc.operation_definition & { destination_project_id?: string; destination_region?: string };
  for (const { vault_id: vaultId, destination_vault_id: destination } of vaults) {
    const vault = cbr.vault(vaultId);
    if (!vault || vault.status !== 'available') continue;
    try {
      if (row.operation_type === 'replication') {
        // Each firing replicates the vault's backups that are not in the partner region yet.
        replicateVault(cbr, vaultId, { projectId: def.destination_project_id ?? '', region: def.destination_region ?? '', vaultId: destination ?? '' }, true, at);
      } else {
        autoBind(cbr, vaultId);
        startCheckpoint(cbr, vaultId, { autoTrigger: true, incremental: true, policyId: row.id, fullBackupInterval: doc.operation_definition.full_backup_interval }, at);
      }
    } catch (err) {
      // An empty vault has nothing to back up at this firing, a bad destination nothing to replicate to; anything else is a real fault.
      if (!(err instanceof ApiError)) throw err;
    }
  }
  const next = nextFire(parsePattern(doc.trigger.properties.pattern), at, doc.anchor_ms);
  if (Number.isFinite(next)) cbr.rt.scheduler.schedule('cbr.policy.fire', 0, p, next);
}
