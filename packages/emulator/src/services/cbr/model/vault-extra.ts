import { cbrError, invalid } from '../errors.ts';
import type { BackupRow, Cbr, VaultRow } from './cbr.ts';
import { saveDoc, vaultDoc } from './vaults.ts';
import { oneOf, optBool, optInt, reqStr, strArray, type Obj } from './validate.ts';

/** PUT /vaults/batch-update: smn_notify and threshold of every vault of the project. */
export function batchUpdate(cbr: Cbr, o: Obj): string[] {
  const smn = optBool(o, 'smn_notify');
  const threshold = optInt(o, 'threshold', 1, 100);
  const rows = cbr.s.get('SELECT * FROM cbr_vaults ORDER BY seq').all() as VaultRow[];
  cbr.transaction(() => {
    for (const row of rows) {
      const doc = vaultDoc(row);
      if (smn !== undefined) doc.smn_notify = smn;
      if (threshold !== undefined) doc.threshold = threshold;
      saveDoc(cbr, row.id, doc);
    }
  });
  return rows.map((r) => r.id);
}

/** PUT /vaults/{id}/set-resources: suspend or resume automatic backups of some resources. */
export function setResources(cbr: Cbr, vaultId: string, o: Obj): string[] {
  cbr.requireVault(vaultId);
  const ids = strArray(o, 'resource_ids', 1, 256);
  const action = oneOf(o, 'action', ['suspend', 'unsuspend'] as const, true)!;
  for (const id of ids) if (cbr.resource(id)?.vault_id !== vaultId) throw cbrError('BackupService.6135', `resource ${id}`);
  cbr.transaction(() => {
    for (const id of ids) {
      const r = cbr.resource(id)!;
      const extra = { ...(JSON.parse(r.extra_info) as Obj), suspended: action === 'suspend' };
      cbr.s.get('UPDATE cbr_vault_resources SET extra_info = ? WHERE resource_id = ?').run(JSON.stringify(extra), id);
    }
  });
  return ids;
}

/** POST /vaults/{id}/migrateresources: resources and their backups move to a vault of the same type. */
export function migrateResources(cbr: Cbr, vaultId: string, o: Obj): string[] {
  const source = cbr.requireVault(vaultId);
  const destId = reqStr(o, 'destination_vault_id', 1, 64);
  const dest = cbr.vault(destId);
  if (!dest) throw cbrError('BackupService.6120', `vault ${destId}`);
  if (dest.object_type !== source.object_type) throw cbrError('BackupService.6102', `vault ${destId} holds ${dest.object_type} resources`);
  if (dest.status !== 'available' || source.status !== 'available') throw cbrError('BackupService.6112');
  const ids = strArray(o, 'resource_ids', 1, 256);
  for (const id of ids) {
    const r = cbr.resource(id);
    if (r?.vault_id !== vaultId) throw cbrError('BackupService.6135', `resource ${id}`);
    if (r.protect_status !== 'available' && r.protect_status !== 'error') throw cbrError('BackupService.6125', `resource ${id} is ${r.protect_status}`);
  }
  cbr.transaction(() => {
    for (const id of ids) {
      cbr.s.get('UPDATE cbr_vault_resources SET vault_id = ? WHERE resource_id = ?').run(destId, id);
      cbr.s.get('UPDATE cbr_backups SET vault_id = ? WHERE vault_id = ? AND (resource_id = ? OR parent_id IN (SELECT id FROM cbr_backups WHERE resource_id = ?))').run(destId, vaultId, id, id);
    }
  });
  return ids;
}

/** GET /storage_usage: backup count and size per protected resource. */
export function storageUsage(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const type = q.get('resource_type');
  if (type !== null && type !== 'OS::Nova::Server' && type !== 'OS::Ironic::BareMetalServer') throw invalid('resource_type must be OS::Nova::Server or OS::Ironic::BareMetalServer');
  const id = q.get('resource_id');
  const rows = cbr.s
    .get("SELECT resource_id, resource_name, resource_type, count(*) AS n, sum(size) AS gb FROM cbr_backups WHERE parent_id IS NULL AND status = 'available' GROUP BY resource_id ORDER BY resource_name")
    .all() as { resource_id: string; resource_name: string; resource_type: string; n: number; gb: number }[];
  const list = rows.filter((r) => (!id || r.resource_id === id) && (!type || r.resource_type === type));
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const limit = Math.max(1, Number(q.get('limit') ?? 1000) || 1000);
  return {
    resource_count: list.length,
    storage_usage: list.slice(offset, offset + limit).map((r) => ({
      backup_count: r.n, backup_size: r.gb * 1024, backup_size_multiaz: 0, resource_id: r.resource_id, resource_name: r.resource_name, resource_type: r.resource_type,
    })),
  };
}

/** GET /backups/{id}/metadata: the backed-up server and disks as JSON-encoded strings, as the seed prints them. */
export function backupMetadata(cbr: Cbr, b: BackupRow): Record<string, unknown> {
  const disks = b.parent_id === null && b.resource_type === 'OS::Nova::Server' ? cbr.children(b.id) : [b];
  const server = b.resource_type === 'OS::Nova::Server' ? cbr.servers.server(b.resource_id) : undefined;
  return {
    backup_id: b.id,
    backups: JSON.stringify(disks.map((d) => ({ id: d.id, name: d.name, volume_id: d.resource_id, size: d.size }))),
    flavor: '',
    floatingips: [],
    interface: '',
    ports: [],
    server: server ? JSON.stringify({ id: server.id, name: server.name, status: server.status }) : '',
    volumes: JSON.stringify(disks.map((d) => ({ id: d.resource_id, name: d.resource_name }))),
  };
}
