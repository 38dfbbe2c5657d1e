import { createHash } from 'node:crypto';
import { cbrTime, type Cbr } from './cbr.ts';

/**
 * The partner region. The emulator serves one region; cross-region replication needs a second
 * one, so a partner region is emulated with just what replication sees of it: the account's
 * project there, two server vaults (one for replicas, one for backups), and the replicas that
 * land in them. Its name is cn-east-3 (cn-north-4 when the emulated region is cn-east-3 itself);
 * its ids derive from the project id, so they survive a reset.
 */
export interface Partner {
  region: string;
  projectId: string;
  projectName: string;
}

export interface RemoteVaultRow {
  seq: number;
  id: string;
  region: string;
  project_id: string;
  name: string;
  object_type: string;
  created_at: string;
  size: number;
}

export interface ReplicationRow {
  seq: number;
  id: string;
  source_backup_id: string;
  destination_vault_id: string;
  destination_backup_id: string;
  status: string;
  size: number;
  created_ms: number;
  doc: string;
}

export interface ReplicationDoc {
  source_checkpoint_id: string;
  source_vault_id: string;
  destination_checkpoint_id: string;
  auto_trigger: boolean;
  oplog_id: string;
  fail?: { code: string; message: string };
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('/')).digest('hex');
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function partner(cbr: Cbr): Partner {
  const { region, projectId } = cbr.rt.account;
  const other = region === 'cn-east-3' ? 'cn-north-4' : 'cn-east-3';
  return { region: other, projectId: digest(projectId, other).slice(0, 32), projectName: other };
}

/** The partner region's vaults, created the first time anything looks at them. */
export function remoteVaults(cbr: Cbr): RemoteVaultRow[] {
  const p = partner(cbr);
  const list = () => cbr.s.get('SELECT * FROM cbr_remote_vaults WHERE region = ? ORDER BY seq').all(p.region) as RemoteVaultRow[];
  const rows = list();
  if (rows.length > 0) return rows;
  const insert = cbr.s.get('INSERT INTO cbr_remote_vaults (id, region, project_id, name, object_type, created_at, size) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const at = cbrTime(cbr.now());
  insert.run(uuidFrom(digest(p.projectId, 'replication')), p.region, p.projectId, 'vault-replication', 'replication', at, 2048);
  insert.run(uuidFrom(digest(p.projectId, 'backup')), p.region, p.projectId, 'vault-dr-backup', 'backup', at, 500);
  return list();
}

/** `object_type` of a remote row holds its protect type; both are server vaults. */
export function renderRemoteVault(cbr: Cbr, v: RemoteVaultRow): Record<string, unknown> {
  const used = (cbr.s.get("SELECT coalesce(sum(size), 0) AS gb FROM cbr_replications WHERE destination_vault_id = ? AND status = 'success'").get(v.id) as { gb: number }).gb;
  return {
    id: v.id,
    name: v.name,
    description: null,
    resources: [],
    provider_id: '0daac4c5-6707-4851-97ba-169e36266b66',
    created_at: v.created_at,
    project_id: v.project_id,
    enterprise_project_id: '0',
    auto_bind: false,
    bind_rules: {},
    user_id: cbr.rt.account.userId,
    billing: {
      allocated: 0, cloud_type: 'public', consistent_level: 'crash_consistent', frozen_scene: null, charging_mode: 'post_paid', order_id: null, product_id: null,
      protect_type: v.object_type, object_type: 'server', spec_code: `vault.${v.object_type}.server.normal`, storage_unit: null, size: v.size, used: used * 1024, status: 'available', is_multi_az: false,
    },
    tags: [],
    auto_expand: false,
    smn_notify: true,
    threshold: 80,
    sys_lock_source_service: '',
  };
}

/** ReplicationRecordGet (Table 4-93) of each replication of a backup. */
export function replicationRecords(cbr: Cbr, backupId: string): Record<string, unknown>[] {
  const rows = cbr.s.get('SELECT * FROM cbr_replications WHERE source_backup_id = ? ORDER BY seq').all(backupId) as ReplicationRow[];
  if (rows.length === 0) return [];
  const p = partner(cbr);
  const { account } = cbr.rt;
  return rows.map((r) => {
    const doc = JSON.parse(r.doc) as ReplicationDoc;
    return {
      created_at: cbrTime(r.created_ms),
      destination_backup_id: r.destination_backup_id,
      destination_checkpoint_id: doc.destination_checkpoint_id,
      destination_project_id: p.projectId,
      destination_region: p.region,
      destination_vault_id: r.destination_vault_id,
      extra_info: {
        progress: r.status === 'success' ? 100 : 0,
        fail_code: r.status === 'fail' ? (doc.fail?.code ?? '') : '',
        fail_reason: r.status === 'fail' ? (doc.fail?.message ?? '') : '',
        auto_trigger: doc.auto_trigger,
        destination_vault_id: r.destination_vault_id,
      },
      id: r.id,
      source_backup_id: r.source_backup_id,
      source_checkpoint_id: doc.source_checkpoint_id,
      source_project_id: account.projectId,
      source_region: account.region,
      status: r.status,
      vault_id: doc.source_vault_id,
    };
  });
}
