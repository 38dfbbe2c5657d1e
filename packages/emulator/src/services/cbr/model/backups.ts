import { hex, uuid } from '../../../server/ids.ts';
import { cbrError } from '../errors.ts';
import { CBR_DURATION, PROVIDERS, cbrTime, type BackupRow, type Cbr, type VaultRow } from './cbr.ts';
import { createOplog, finishOplog } from './oplogs.ts';
import { replicationRecords } from './replicas.ts';
import { findResource, type Protectable } from './resources.ts';
import { expired, type Retention } from './retention.ts';
import { saveDoc, usedMb, vaultDoc } from './vaults.ts';

export interface BackupDoc {
  description: string;
  resource_az: string;
  extend_info: Record<string, unknown>;
  oplog_id: string;
  policy_id: string;
  /** GB of the resource when it was backed up (the backup itself may be smaller: incremental). */
  resource_size: number;
  fail?: { code: string; message: string };
}

export interface CheckpointRequest {
  resources?: string[];
  name?: string;
  description?: string;
  incremental: boolean;
  autoTrigger: boolean;
  policyId?: string;
  fullBackupInterval?: number;
}

interface Skipped {
  id: string;
  type: string;
  name: string;
  code: string;
  reason: string;
}

const RESTING = new Set(['available', 'in-use']);

/** Whether the next backup of a resource is incremental: only after a full one, and a full one every `interval` incrementals. */
function nextIncremental(cbr: Cbr, vaultId: string, resourceId: string, wanted: boolean, interval: number | undefined): boolean {
  if (!wanted) return false;
  const rows = cbr.s
    .get("SELECT incremental FROM cbr_backups WHERE vault_id = ? AND resource_id = ? AND parent_id IS NULL AND status = 'available' ORDER BY created_ms DESC, seq DESC")
    .all(vaultId, resourceId) as { incremental: number }[];
  if (rows.length === 0) return false;
  if (interval === undefined || interval < 0) return true;
  const sinceFull = rows.findIndex((r) => r.incremental === 0);
  return (sinceFull < 0 ? rows.length : sinceFull) < interval;
}

/** Why a resource cannot be backed up now: a disk at rest, a running or stopped server with disks. */
function refusal(r: Protectable): string | undefined {
  if (r.type === 'OS::Cinder::Volume') return RESTING.has(r.status) ? undefined : 'BackupService.7003';
  if (r.disks.length === 0) return 'BackupService.7108';
  return r.status === 'ACTIVE' || r.status === 'SHUTOFF' ? undefined : 'BackupService.7101';
}

function skip(cbr: Cbr, vault: VaultRow, checkpointId: string, r: { id: string; type: string; name: string }, code: string, reason: string, req: CheckpointRequest, at: number): Skipped {
  const op = createOplog(cbr, { type: 'backup', vault, checkpointId, policyId: req.policyId, resource: r }, at);
  finishOplog(cbr, op, req.autoTrigger ? 'skipped' : 'failed', at, { code, message: reason });
  return { ...r, code, reason };
}

/**
 * Runs a backup of some or all of a vault's resources: a checkpoint (restore point) with one
 * backup per resource — a server backup has one child backup per disk — each tracked by a
 * `backup` operation log and finished by a `cbr.backup.finish` transition.
 */
export function startCheckpoint(cbr: Cbr, vaultId: string, req: CheckpointRequest, at = cbr.now()): Record<string, unknown> {
  const vault = cbr.requireVault(vaultId);
  if (vault.status !== 'available') throw cbrError('BackupService.6113', `vault ${vaultId} is ${vault.status}`);
  const members = cbr.resources(vaultId);
  // Policy runs leave out resources whose automatic backup is suspended (set-resources).
  const wanted = req.resources ?? members.filter((m) => !(req.autoTrigger && (JSON.parse(m.extra_info) as { suspended?: boolean }).suspended)).map((m) => m.resource_id);
  for (const id of wanted) if (!members.some((m) => m.resource_id === id)) throw cbrError('BackupService.6135', `resource ${id}`);
  if (wanted.length === 0) throw cbrError('BackupService.0001', `vault ${vaultId} has no resources`);
  const checkpointId = uuid();
  const doc = vaultDoc(vault);
  const skipped: Skipped[] = [];
  const started: { r: Protectable; backupId: string }[] = [];
  let used = usedMb(cbr, vaultId);
  for (const id of wanted) {
    const m = members.find((x) => x.resource_id === id)!;
    const base = { id, type: m.type, name: m.name };
    let r: Protectable;
    try {
      r = findResource(cbr, vault.object_type, id);
    } catch {
      skipped.push(skip(cbr, vault, checkpointId, base, 'BackupService.6302', 'The resource does not exist.', req, at));
      continue;
    }
    if (m.protect_status !== 'available' && m.protect_status !== 'error') {
      skipped.push(skip(cbr, vault, checkpointId, base, 'BackupService.6125', `resource ${id} is ${m.protect_status}`, req, at));
      continue;
    }
    const code = refusal(r);
    if (code) {
      skipped.push(skip(cbr, vault, checkpointId, base, code, `resource ${id} is ${r.status}`, req, at));
      continue;
    }
    const incremental = nextIncremental(cbr, vaultId, id, req.incremental, req.fullBackupInterval);
    const gb = incremental ? Math.max(1, Math.ceil(r.size / 10)) : r.size;
    if (used + gb * 1024 > doc.billing.size * 1024) {
      if (!doc.auto_expand) {
        skipped.push(skip(cbr, vault, checkpointId, base, 'BackupService.6114', `vault ${vaultId} has ${doc.billing.size} GB`, req, at));
        continue;
      }
      doc.billing.size = Math.ceil((used + gb * 1024) / 1024);
      saveDoc(cbr, vaultId, doc);
    }
    used += gb * 1024;
    started.push({ r, backupId: insertBackup(cbr, vault, checkpointId, r, gb, incremental, req, at) });
  }
  if (started.length === 0 && !req.autoTrigger) throw cbrError('BackupService.0001', skipped.map((s) => `${s.id}: ${s.reason}`).join('; '));
  const resources = started.map(({ r }) => ({ extra_info: '{}', id: r.id, name: r.name, protect_status: 'protecting', resource_size: String(r.size), type: r.type, backup_size: '0', backup_count: '0' }));
  const cpDoc = {
    vault: { id: vault.id, name: vault.name, resources, skipped_resources: skipped },
    extra_info: { name: req.name ?? '', description: req.description ?? '', retention_duration: -1 },
  };
  cbr.s
    .get('INSERT INTO cbr_checkpoints (id, vault_id, status, created_at, doc) VALUES (?, ?, ?, ?, ?)')
    .run(checkpointId, vaultId, started.length ? 'protecting' : 'error', cbrTime(at), JSON.stringify(cpDoc));
  return { id: checkpointId, status: started.length ? 'protecting' : 'error', created_at: cbrTime(at), project_id: cbr.rt.account.projectId, ...cpDoc };
}

function insertBackup(cbr: Cbr, vault: VaultRow, checkpointId: string, r: Protectable, gb: number, incremental: boolean, req: CheckpointRequest, at: number): string {
  const id = uuid();
  const prefix = vaultDoc(vault).backup_name_prefix;
  const name = req.name ?? `${prefix}${req.autoTrigger ? 'autobk' : 'manualbk'}_${hex(2)}${req.autoTrigger ? `_${r.name}` : ''}`;
  const fail = cbr.rt.faults.takeJobFailure('cbrBackup');
  const opId = createOplog(cbr, {
    type: 'backup', vault, checkpointId, policyId: req.policyId, resource: { id: r.id, name: r.name, type: r.type },
    extra: { backup: { app_consistency_error_code: '', app_consistency_error_message: '', app_consistency_status: '0', backup_id: id, backup_name: name, incremental: String(incremental) } },
  }, at);
  const insert = cbr.s.get(`INSERT INTO cbr_backups (id, checkpoint_id, vault_id, parent_id, resource_id, resource_name, resource_type, name, status, created_ms, updated_ms, auto_trigger, incremental, size, data_version, doc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'protecting', ?, ?, ?, ?, ?, ?, ?)`);
  const az = cbr.evs.store.volume(r.disks[0]?.id ?? '')?.availability_zone ?? '';
  const doc = (size: number, extend: Record<string, unknown>): BackupDoc => ({
    description: req.description ?? '', resource_az: az, oplog_id: opId, resource_size: size, policy_id: req.policyId ?? '', ...(fail ? { fail } : {}),
    extend_info: { auto_trigger: req.autoTrigger, support_lld: false, supported_restore_mode: 'backup', encrypted: false, is_multi_az: false, ...extend },
  });
  const isServer = r.type === 'OS::Nova::Server';
  insert.run(id, checkpointId, vault.id, null, r.id, r.name, r.type, name, at, at, req.autoTrigger ? 1 : 0, incremental ? 1 : 0, gb, isServer ? 0 : (r.disks[0]?.dataVersion ?? 0),
    JSON.stringify(doc(r.size, isServer ? { contain_system_disk: r.disks.some((d) => d.bootable) } : { bootable: r.disks[0]?.bootable ?? false, system_disk: r.disks[0]?.bootable ?? false })));
  if (isServer) {
    for (const d of r.disks) {
      insert.run(uuid(), checkpointId, vault.id, id, d.id, d.name, 'OS::Cinder::Volume', name, at, at, req.autoTrigger ? 1 : 0, incremental ? 1 : 0, incremental ? Math.max(1, Math.ceil(d.size / 10)) : d.size, d.dataVersion,
        JSON.stringify(doc(d.size, { bootable: d.bootable, system_disk: d.bootable, snapshot_id: uuid() })));
    }
  }
  cbr.setProtectStatus(r.id, 'protecting');
  cbr.rt.scheduler.schedule('cbr.backup.finish', CBR_DURATION.backup, { backupId: id }, at);
  return id;
}

export function backupDoc(b: BackupRow): BackupDoc {
  return JSON.parse(b.doc) as BackupDoc;
}

/** The end of a backup: available (or error when a fault was injected), then retention for automatic ones. */
export function finishBackup(cbr: Cbr, backupId: string, at: number): void {
  const b = cbr.backup(backupId);
  if (!b || b.status !== 'protecting') return;
  const doc = backupDoc(b);
  const status = doc.fail ? 'error' : 'available';
  cbr.setBackupStatus(b.id, status, at);
  cbr.s.get('UPDATE cbr_backups SET status = ?, updated_ms = ? WHERE parent_id = ?').run(status, at, b.id);
  cbr.setProtectStatus(b.resource_id, doc.fail ? 'error' : 'available');
  finishOplog(cbr, doc.oplog_id, doc.fail ? 'failed' : 'success', at, doc.fail);
  settleCheckpoint(cbr, b.checkpoint_id);
  if (!doc.fail && b.auto_trigger && doc.policy_id) {
    const policy = cbr.policy(doc.policy_id);
    if (policy) applyRetention(cbr, b.vault_id, b.resource_id, (JSON.parse(policy.doc) as { operation_definition: Retention }).operation_definition, at);
  }
}

export function settleCheckpoint(cbr: Cbr, checkpointId: string): void {
  const rows = cbr.s.get('SELECT status FROM cbr_backups WHERE checkpoint_id = ? AND parent_id IS NULL').all(checkpointId) as { status: string }[];
  let status: string;
  if (rows.length === 0) status = 'deleted';
  else if (rows.some((r) => r.status === 'protecting')) status = 'protecting';
  else if (rows.every((r) => r.status === 'error')) status = 'error';
  else status = 'available';
  cbr.s.get('UPDATE cbr_checkpoints SET status = ? WHERE id = ?').run(status, checkpointId);
}

/** Deletes what the policy's rules no longer keep among the resource's automatic backups in the vault. */
export function applyRetention(cbr: Cbr, vaultId: string, resourceId: string, rules: Retention, at: number): void {
  const rows = cbr.s
    .get("SELECT id, created_ms FROM cbr_backups WHERE vault_id = ? AND resource_id = ? AND parent_id IS NULL AND auto_trigger = 1 AND status = 'available'")
    .all(vaultId, resourceId) as { id: string; created_ms: number }[];
  for (const id of expired(rows.map((r) => ({ id: r.id, createdMs: r.created_ms })), rules, at)) startDelete(cbr, id, at);
}

/** DELETE /backups/{id}: available or error backups only; children go with their parent. */
export function startDelete(cbr: Cbr, backupId: string, at = cbr.now()): void {
  const b = cbr.requireBackup(backupId);
  if (b.parent_id) throw cbrError('BackupService.6201', 'a disk backup of a server backup is deleted with its server backup');
  if (b.status === 'restoring') throw cbrError('BackupService.6216', `backup ${backupId} is restoring`);
  if (cbr.s.get("SELECT 1 FROM cbr_replications WHERE source_backup_id = ? AND status = 'replicating'").get(b.id)) throw cbrError('BackupService.6216', `backup ${backupId} is being replicated`);
  if (b.status !== 'available' && b.status !== 'error') throw cbrError('BackupService.6201', `backup ${backupId} is ${b.status}`);
  const vault = cbr.requireVault(b.vault_id);
  cbr.setBackupStatus(b.id, 'deleting', at);
  cbr.s.get("UPDATE cbr_backups SET status = 'deleting', updated_ms = ? WHERE parent_id = ?").run(at, b.id);
  const op = createOplog(cbr, {
    type: 'delete', vault, checkpointId: b.checkpoint_id, resource: { id: b.resource_id, name: b.resource_name, type: b.resource_type },
    extra: { delete: { backup_id: b.id, backup_name: b.name } },
  }, at);
  cbr.rt.scheduler.schedule('cbr.backup.delete', CBR_DURATION.deleteBackup, { backupId: b.id, oplogId: op }, at);
}

export function finishDelete(cbr: Cbr, backupId: string, oplogId: string, at: number): void {
  const b = cbr.backup(backupId);
  if (b && b.status === 'deleting') removeBackupRows(cbr, b);
  finishOplog(cbr, oplogId, 'success', at);
}

export function removeBackupRows(cbr: Cbr, b: BackupRow): void {
  cbr.s.get('DELETE FROM cbr_members WHERE backup_id = ?').run(b.id);
  cbr.s.get('DELETE FROM cbr_backups WHERE id = ? OR parent_id = ?').run(b.id, b.id);
  settleCheckpoint(cbr, b.checkpoint_id);
}

export function renderBackup(cbr: Cbr, b: BackupRow, withChildren = true, withReplication = true): Record<string, unknown> {
  const doc = backupDoc(b);
  return {
    checkpoint_id: b.checkpoint_id,
    created_at: cbrTime(b.created_ms),
    description: doc.description,
    expired_at: null,
    extend_info: doc.extend_info,
    id: b.id,
    image_type: 'backup',
    name: b.name,
    parent_id: b.parent_id,
    project_id: cbr.rt.account.projectId,
    protected_at: cbrTime(b.created_ms),
    resource_az: doc.resource_az,
    resource_id: b.resource_id,
    resource_name: b.resource_name,
    resource_size: doc.resource_size,
    resource_type: b.resource_type,
    status: b.status,
    updated_at: cbrTime(b.updated_ms),
    vault_id: b.vault_id,
    replication_records: withReplication && !b.parent_id ? replicationRecords(cbr, b.id) : [],
    enterprise_project_id: '0',
    provider_id: b.resource_type === 'OS::Nova::Server' || b.parent_id ? PROVIDERS.server : PROVIDERS.disk,
    children: withChildren && !b.parent_id ? cbr.children(b.id).map((c) => renderBackup(cbr, c, false)) : [],
    incremental: b.incremental === 1,
  };
}

export function renderCheckpoint(cbr: Cbr, id: string): Record<string, unknown> {
  const row = cbr.checkpoint(id);
  if (!row) throw cbrError('BackupService.6217', `checkpoint ${id}`);
  const doc = JSON.parse(row.doc) as { vault: Record<string, unknown>; extra_info: Record<string, unknown> };
  return { id: row.id, status: row.status, created_at: row.created_at, project_id: cbr.rt.account.projectId, vault: doc.vault, extra_info: doc.extra_info };
}
