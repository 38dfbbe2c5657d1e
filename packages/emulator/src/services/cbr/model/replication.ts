import { uuid } from '../../../server/ids.ts';
import { cbrError, invalid } from '../errors.ts';
import { CBR_DURATION, PROVIDERS, type BackupRow, type Cbr } from './cbr.ts';
import { backupDoc } from './backups.ts';
import { createOplog, finishOplog, pageParams } from './oplogs.ts';
import { partner, remoteVaults, renderRemoteVault, type RemoteVaultRow, type ReplicationDoc, type ReplicationRow } from './replicas.ts';
import { optBool, optStr, reqStr, type Obj } from './validate.ts';

const REGION = /^[A-Za-z0-9_-]+$/;

export interface Destination {
  projectId: string;
  region: string;
  vaultId: string;
}

/** GET /replication-capabilities: this region replicates to the partner region. */
export function capabilities(cbr: Cbr): Record<string, unknown> {
  return { regions: [{ name: cbr.rt.account.region, replication_destinations: [partner(cbr).region] }] };
}

/** GET /vaults/external: the partner region's vaults, for the project the account has there. */
export function externalVaults(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const projectId = q.get('external_project_id');
  const region = q.get('region_id');
  if (!projectId || !region) throw invalid('external_project_id and region_id are required');
  const protectType = q.get('protect_type');
  if (protectType !== null && !['backup', 'replication', 'hybrid'].includes(protectType)) throw invalid('protect_type must be backup, replication or hybrid');
  const objectType = q.get('object_type');
  const cloudType = q.get('cloud_type');
  const { limit, offset } = pageParams(q);
  const p = partner(cbr);
  let rows = region === p.region && projectId === p.projectId ? remoteVaults(cbr) : [];
  const vaultId = q.get('vault_id');
  // vault_id overrides the other filters (seed L5149-5328).
  if (vaultId) rows = rows.filter((v) => v.id === vaultId);
  else rows = rows.filter((v) => (!protectType || v.object_type === protectType) && (!objectType || objectType === 'server') && (!cloudType || cloudType === 'public'));
  return { vaults: rows.slice(offset, offset + limit).map((v) => renderRemoteVault(cbr, v)), count: rows.length, limit, offset };
}

/** Checks a destination the way the service does: region, then project, then vault. */
export function checkDestination(cbr: Cbr, d: Destination): RemoteVaultRow {
  const p = partner(cbr);
  if (d.region === cbr.rt.account.region || d.region !== p.region) throw cbrError('BackupService.1005', `${cbr.rt.account.region} replicates to ${p.region} only`);
  if (d.projectId !== p.projectId) throw cbrError('BackupService.1011', `the account's project in ${p.region} is ${p.projectId}`);
  const vault = remoteVaults(cbr).find((v) => v.id === d.vaultId);
  if (!vault) throw cbrError('BackupService.6120', `vault ${d.vaultId} in ${p.region}`);
  if (vault.object_type !== 'replication') throw cbrError('BackupService.6119', `vault ${d.vaultId} is a ${vault.object_type} vault`);
  return vault;
}

export function parseDestination(o: Obj): Destination {
  return {
    projectId: reqStr(o, 'destination_project_id', 1, 64),
    region: reqStr(o, 'destination_region', 1, 255, REGION),
    vaultId: reqStr(o, 'destination_vault_id', 1, 64),
  };
}

/** Why a backup cannot be replicated (codes 1001-1004), or nothing. */
function refusal(cbr: Cbr, b: BackupRow): { code: 'BackupService.1001' | 'BackupService.1002' | 'BackupService.1003' | 'BackupService.1004'; detail: string } | undefined {
  if (b.parent_id) return { code: 'BackupService.1002', detail: 'a disk backup of a server backup is replicated with its server backup' };
  if (b.resource_type !== 'OS::Nova::Server') return { code: 'BackupService.1003', detail: `backup ${b.id} is of ${b.resource_type}` };
  if (b.status !== 'available') return { code: 'BackupService.1001', detail: `backup ${b.id} is ${b.status}` };
  if (!cbr.children(b.id).some((c) => backupDoc(c).extend_info.system_disk === true)) return { code: 'BackupService.1004', detail: `backup ${b.id} has no system disk` };
  return undefined;
}

function alreadyReplicated(cbr: Cbr, backupId: string): boolean {
  return cbr.s.get("SELECT 1 FROM cbr_replications WHERE source_backup_id = ? AND status IN ('replicating', 'success')").get(backupId) !== undefined;
}

/** Starts one replication: a record `replicating` and a `replication` task, finished on the clock. */
function startReplication(cbr: Cbr, b: BackupRow, dest: RemoteVaultRow, autoTrigger: boolean, at: number): string {
  const p = partner(cbr);
  const { account } = cbr.rt;
  const vault = cbr.requireVault(b.vault_id);
  const id = uuid();
  const destinationBackupId = uuid();
  const destinationCheckpointId = uuid();
  const oplogId = createOplog(cbr, {
    type: 'replication', vault, checkpointId: b.checkpoint_id, resource: { id: b.resource_id, name: b.resource_name, type: b.resource_type },
    extra: {
      replication: {
        destination_backup_id: destinationBackupId, destination_checkpoint_id: destinationCheckpointId, destination_project_id: p.projectId, destination_region: p.region,
        source_backup_id: b.id, source_checkpoint_id: b.checkpoint_id, source_project_id: account.projectId, source_region: account.region,
        source_backup_name: b.name, destination_backup_name: b.name,
      },
    },
  }, at);
  const fail = cbr.rt.faults.takeJobFailure('cbrReplication');
  const doc: ReplicationDoc = { source_checkpoint_id: b.checkpoint_id, source_vault_id: b.vault_id, destination_checkpoint_id: destinationCheckpointId, auto_trigger: autoTrigger, oplog_id: oplogId, ...(fail ? { fail } : {}) };
  cbr.s
    .get("INSERT INTO cbr_replications (id, source_backup_id, destination_vault_id, destination_backup_id, status, size, created_ms, doc) VALUES (?, ?, ?, ?, 'replicating', ?, ?, ?)")
    .run(id, b.id, dest.id, destinationBackupId, b.size, at, JSON.stringify(doc));
  cbr.rt.scheduler.schedule('cbr.replication.finish', CBR_DURATION.replicate, { id }, at);
  return id;
}

export function finishReplication(cbr: Cbr, p: { id: string }, at: number): void {
  const row = cbr.s.get('SELECT * FROM cbr_replications WHERE id = ?').get(p.id) as ReplicationRow | undefined;
  if (!row || row.status !== 'replicating') return;
  const doc = JSON.parse(row.doc) as ReplicationDoc;
  cbr.s.get('UPDATE cbr_replications SET status = ? WHERE id = ?').run(doc.fail ? 'fail' : 'success', row.id);
  finishOplog(cbr, doc.oplog_id, doc.fail ? 'failed' : 'success', at, doc.fail);
}

/** POST /backups/{id}/replicate. */
export function replicateBackup(cbr: Cbr, backupId: string, o: Obj): Record<string, unknown> {
  const b = cbr.requireBackup(backupId);
  const d = parseDestination(o);
  optStr(o, 'name', 1, 64);
  optStr(o, 'description', 0, 255);
  optBool(o, 'enable_acceleration');
  const dest = checkDestination(cbr, d);
  const why = refusal(cbr, b);
  if (why) throw cbrError(why.code, why.detail);
  if (alreadyReplicated(cbr, b.id)) throw cbrError('BackupService.1009', `backup ${b.id}`);
  const recordId = cbr.transaction(() => startReplication(cbr, b, dest, false, cbr.now()));
  const { account } = cbr.rt;
  return {
    replication: {
      backup_id: b.id, destination_project_id: d.projectId, destination_region: d.region, destination_vault_id: d.vaultId,
      project_id: account.projectId, provider_id: PROVIDERS.server, replication_record_id: recordId, source_region: account.region,
    },
  };
}

/**
 * Replicates every available server backup of a vault that is not replicated yet (POST
 * /checkpoints/replicate, and each firing of a replication policy). Backups that cannot be
 * replicated are left out.
 */
export function replicateVault(cbr: Cbr, vaultId: string, d: Destination, autoTrigger: boolean, at = cbr.now()): { backup_id: string; replication_record_id: string }[] {
  const vault = cbr.requireVault(vaultId);
  if (vault.object_type !== 'server' || vault.protect_type !== 'backup') throw cbrError('BackupService.6128', `vault ${vaultId} is a ${vault.object_type} ${vault.protect_type} vault`);
  if (vault.status !== 'available') throw cbrError('BackupService.6112', `vault ${vaultId} is ${vault.status}`);
  const dest = checkDestination(cbr, d);
  const rows = cbr.s.get("SELECT * FROM cbr_backups WHERE vault_id = ? AND parent_id IS NULL AND status = 'available' ORDER BY created_ms, seq").all(vaultId) as BackupRow[];
  return cbr.transaction(() => rows
    .filter((b) => !refusal(cbr, b) && !alreadyReplicated(cbr, b.id))
    .map((b) => ({ backup_id: b.id, replication_record_id: startReplication(cbr, b, dest, autoTrigger, at) })));
}

export function replicateCheckpoint(cbr: Cbr, o: Obj): Record<string, unknown> {
  const vaultId = reqStr(o, 'vault_id', 1, 64);
  const d = parseDestination(o);
  const autoTrigger = optBool(o, 'auto_trigger') ?? false;
  optBool(o, 'enable_acceleration');
  const backups = replicateVault(cbr, vaultId, d, autoTrigger);
  const { account } = cbr.rt;
  return {
    replication: {
      backups, destination_project_id: d.projectId, destination_region: d.region, destination_vault_id: d.vaultId,
      project_id: account.projectId, provider_id: PROVIDERS.server, source_region: account.region, vault_id: vaultId,
    },
  };
}
