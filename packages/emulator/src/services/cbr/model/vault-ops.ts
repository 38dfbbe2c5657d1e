import { cbrError, invalid } from '../errors.ts';
import { CBR_DURATION, type BackupRow, type Cbr, type VaultRow } from './cbr.ts';
import { removeBackupRows } from './backups.ts';
import { createOplog, finishOplog, pageParams } from './oplogs.ts';
import { policyDoc } from './policies.ts';
import { checkDestination } from './replication.ts';
import { QueryFilter } from './query-filter.ts';
import { strArray, optStr, type Obj } from './validate.ts';
import { renderVault, usedMb, vaultDoc } from './vaults.ts';

const BUSY = "status IN ('protecting', 'restoring', 'deleting')";

/** removeresources: the resources leave now; their backups in the vault go with a `remove_resource` task. */
export function removeResources(cbr: Cbr, vaultId: string, o: Obj): string[] {
  const vault = cbr.requireVault(vaultId);
  if (vault.status !== 'available') throw cbrError('BackupService.6112', `vault ${vaultId} is ${vault.status}`);
  const ids = strArray(o, 'resource_ids', 1, 256);
  const rows = ids.map((id) => {
    const r = cbr.resource(id);
    if (!r || r.vault_id !== vaultId) throw cbrError('BackupService.6135', `resource ${id}`);
    if (r.protect_status === 'removing') throw cbrError('BackupService.6134', `resource ${id}`);
    if (r.protect_status === 'protecting' || r.protect_status === 'restoring') throw cbrError('BackupService.6125', `resource ${id} is ${r.protect_status}`);
    return r;
  });
  cbr.transaction(() => {
    const op = createOplog(cbr, {
      type: 'remove_resource', vault,
      extra: { remove_resources: { fail_count: 0, total_count: rows.length, resources: rows.map((r) => ({ id: r.resource_id, name: r.name, type: r.type })) } },
    });
    for (const r of rows) cbr.setProtectStatus(r.resource_id, 'removing');
    cbr.rt.scheduler.schedule('cbr.resources.remove', CBR_DURATION.removeResource, { vaultId, resourceIds: ids, oplogId: op });
  });
  return ids;
}

export function finishRemoveResources(cbr: Cbr, p: { vaultId: string; resourceIds: string[]; oplogId: string }, at: number): void {
  for (const id of p.resourceIds) {
    const backups = cbr.s.get('SELECT * FROM cbr_backups WHERE vault_id = ? AND resource_id = ? AND parent_id IS NULL').all(p.vaultId, id) as BackupRow[];
    for (const b of backups) removeBackupRows(cbr, b);
    cbr.s.get("DELETE FROM cbr_vault_resources WHERE resource_id = ? AND vault_id = ? AND protect_status = 'removing'").run(id, p.vaultId);
  }
  finishOplog(cbr, p.oplogId, 'success', at);
}

/** DELETE /vaults/{id}: refused while work runs in it; otherwise `deleting` until its backups are gone. */
export function startDeleteVault(cbr: Cbr, vaultId: string): void {
  const vault = cbr.requireVault(vaultId);
  if (vault.status === 'deleting') throw cbrError('BackupService.6111', `vault ${vaultId} is already being deleted`);
  const busy = cbr.s.get(`SELECT count(*) AS n FROM cbr_backups WHERE vault_id = ? AND ${BUSY}`).get(vaultId) as { n: number };
  if (busy.n > 0) throw cbrError('BackupService.6111', `vault ${vaultId} has backups in progress`);
  const replicating = cbr.s.get("SELECT 1 FROM cbr_replications r JOIN cbr_backups b ON b.id = r.source_backup_id WHERE b.vault_id = ? AND r.status = 'replicating'").get(vaultId);
  if (replicating) throw cbrError('BackupService.6111', `vault ${vaultId} has backups being replicated`);
  const total = (cbr.s.get('SELECT count(*) AS n FROM cbr_backups WHERE vault_id = ? AND parent_id IS NULL').get(vaultId) as { n: number }).n;
  cbr.transaction(() => {
    cbr.s.get("UPDATE cbr_vaults SET status = 'deleting' WHERE id = ?").run(vaultId);
    const op = createOplog(cbr, { type: 'vault_delete', vault, extra: { vault_delete: { fail_count: 0, total_count: total } } });
    cbr.rt.scheduler.schedule('cbr.vault.delete', CBR_DURATION.deleteVault, { vaultId, oplogId: op });
  });
}

export function finishDeleteVault(cbr: Cbr, p: { vaultId: string; oplogId: string }, at: number): void {
  for (const sql of [
    'DELETE FROM cbr_members WHERE backup_id IN (SELECT id FROM cbr_backups WHERE vault_id = ?)',
    'DELETE FROM cbr_backups WHERE vault_id = ?',
    "UPDATE cbr_checkpoints SET status = 'deleted' WHERE vault_id = ?",
    'DELETE FROM cbr_vault_resources WHERE vault_id = ?',
    'DELETE FROM cbr_vault_policies WHERE vault_id = ?',
    'DELETE FROM cbr_vaults WHERE id = ?',
  ]) cbr.s.get(sql).run(p.vaultId);
  finishOplog(cbr, p.oplogId, 'success', at);
}

export function associatePolicy(cbr: Cbr, vaultId: string, o: Obj): Record<string, unknown> {
  const vault = cbr.requireVault(vaultId);
  const ids = o.add_policy_ids !== undefined ? strArray(o, 'add_policy_ids', 1, 10) : [optStr(o, 'policy_id', 1, 64) ?? (() => { throw invalid('policy_id is required'); })()];
  const destination = optStr(o, 'destination_vault_id', 1, 64) ?? null;
  const policies = ids.map((id) => cbr.requirePolicy(id));
  for (const p of policies) {
    if (p.operation_type === 'replication') {
      if (!destination) throw invalid('a replication policy needs destination_vault_id');
      if (vault.protect_type !== 'backup') throw cbrError('BackupService.6127', 'replication policies apply to backup vaults');
      if (vault.object_type !== 'server') throw cbrError('BackupService.6128', `vault ${vaultId} is a disk vault`);
      const def = policyDoc(p).operation_definition as { destination_project_id?: string; destination_region?: string };
      checkDestination(cbr, { projectId: def.destination_project_id ?? '', region: def.destination_region ?? '', vaultId: destination });
    } else if (vault.protect_type !== 'backup') throw cbrError('BackupService.6127', `vault ${vaultId} is a ${vault.protect_type} vault`);
  }
  if (policies.filter((p) => p.operation_type === 'backup').length > 1) throw cbrError('BackupService.6127', 'a vault has one backup policy');
  cbr.transaction(() => {
    for (const p of policies) {
      // A vault runs one policy of each type: applying another replaces it.
      cbr.s.get('DELETE FROM cbr_vault_policies WHERE vault_id = ? AND policy_id IN (SELECT id FROM cbr_policies WHERE operation_type = ?)').run(vaultId, p.operation_type);
      cbr.s.get('INSERT INTO cbr_vault_policies (vault_id, policy_id, destination_vault_id) VALUES (?, ?, ?)').run(vaultId, p.id, p.operation_type === 'replication' ? destination : null);
    }
  });
  return { vault_id: vaultId, policy_id: ids[0], destination_vault_id: destination ?? '' };
}

export function dissociatePolicy(cbr: Cbr, vaultId: string, o: Obj): Record<string, unknown> {
  cbr.requireVault(vaultId);
  const policyId = optStr(o, 'policy_id', 1, 64) ?? (() => { throw invalid('policy_id is required'); })();
  cbr.requirePolicy(policyId);
  const row = cbr.s.get('SELECT destination_vault_id FROM cbr_vault_policies WHERE vault_id = ? AND policy_id = ?').get(vaultId, policyId) as { destination_vault_id: string | null } | undefined;
  if (!row) throw cbrError('BackupService.6002', `policy ${policyId} is not applied to vault ${vaultId}`);
  cbr.s.get('DELETE FROM cbr_vault_policies WHERE vault_id = ? AND policy_id = ?').run(vaultId, policyId);
  return { vault_id: vaultId, policy_id: policyId, destination_vault_id: row.destination_vault_id ?? '' };
}

export function listVaults(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const f = new QueryFilter(q);
  f.eq('id');
  f.eq('object_type', 'object_type', ['server', 'disk', 'turbo', 'workspace', 'vmware', 'rds', 'file']);
  f.eq('protect_type', 'protect_type', ['backup', 'replication', 'hybrid']);
  f.eq('status', 'status', ['available', 'lock', 'frozen', 'deleting', 'error']);
  const name = q.get('name');
  if (name) f.add("name LIKE ? ESCAPE '\\'", `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const policyId = q.get('policy_id');
  if (policyId) f.add('id IN (SELECT vault_id FROM cbr_vault_policies WHERE policy_id = ?)', policyId);
  const resourceIds = q.get('resource_ids');
  if (resourceIds) {
    f.add(
      'id IN (SELECT vault_id FROM cbr_vault_resources WHERE resource_id IN (SELECT value FROM json_each(?)))',
      JSON.stringify(resourceIds.split(',').map((s) => s.trim())),
    );
  }
  const ep = q.get('enterprise_project_id');
  if (ep && ep !== 'all_granted_eps') f.add("json_extract(doc, '$.enterprise_project_id') = ?", ep);
  const cloudType = q.get('cloud_type');
  if (cloudType !== null && cloudType !== 'public' && cloudType !== 'hybrid') throw invalid('cloud_type must be public or hybrid');
  const { limit, offset } = pageParams(q);
  let rows = cbr.s.get(`SELECT * FROM cbr_vaults ${f.sql} ORDER BY seq DESC`).all(...f.args) as VaultRow[];
  if (cloudType) rows = rows.filter((r) => vaultDoc(r).billing.cloud_type === cloudType);
  return { vaults: rows.slice(offset, offset + limit).map((r) => renderVault(cbr, r)), count: rows.length, limit, offset };
}

/** GET /vaults/summary: total capacity (GB) and used capacity (MB, as billing.used) of the project's vaults. */
export function summary(cbr: Cbr): Record<string, unknown> {
  const rows = cbr.s.get('SELECT * FROM cbr_vaults').all() as VaultRow[];
  return {
    size: rows.reduce((n, r) => n + vaultDoc(r).billing.size, 0),
    used_size: rows.reduce((n, r) => n + usedMb(cbr, r.id), 0),
  };
}
