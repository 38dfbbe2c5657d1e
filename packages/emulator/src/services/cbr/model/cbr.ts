import { DiskBackedService } from '../../model.ts';
import { cbrError } from '../errors.ts';

/** Provider ids by vault object type (seed 004:L2285). */
export const PROVIDERS = {
  server: '0daac4c5-6707-4851-97ba-169e36266b66',
  disk: 'd1603440-187d-4516-af25-121250c7cc97',
} as const;
export type ObjectType = keyof typeof PROVIDERS;
export const RESOURCE_TYPES: Record<ObjectType, string> = { server: 'OS::Nova::Server', disk: 'OS::Cinder::Volume' };

/** Realistic durations (ms) of CBR's work; the runtime's speed scales them. */
export const CBR_DURATION = {
  backup: 30_000,
  restore: 40_000,
  deleteBackup: 5_000,
  removeResource: 3_000,
  deleteVault: 5_000,
  replicate: 60_000,
  orgDelivery: 10_000,
  migrate: 20_000,
} as const;

/** A server as CBR sees it: its status and its disks, in attachment order. */
export interface CbrServer {
  id: string;
  name: string;
  /** ECS status: ACTIVE, SHUTOFF, … */
  status: string;
  volumeIds: string[];
}

/** How CBR finds cloud servers; the compute service fills it in when it is emulated. */
export interface ServerLookup {
  server(id: string): CbrServer | undefined;
  /** Every server, for the protectables list. */
  list?(): CbrServer[];
  /** Powers a server on after a restore that asked for it. */
  powerOn?(id: string): void;
}

export interface VaultRow {
  seq: number;
  id: string;
  name: string;
  object_type: ObjectType;
  protect_type: string;
  status: string;
  created_at: string;
  doc: string;
}

export interface VaultResourceRow {
  seq: number;
  vault_id: string;
  resource_id: string;
  type: string;
  name: string;
  protect_status: string;
  extra_info: string;
}

export interface PolicyRow {
  seq: number;
  id: string;
  name: string;
  operation_type: string;
  enabled: number;
  generation: number;
  doc: string;
}

export interface BackupRow {
  seq: number;
  id: string;
  checkpoint_id: string;
  vault_id: string;
  parent_id: string | null;
  resource_id: string;
  resource_name: string;
  resource_type: string;
  name: string;
  status: string;
  created_ms: number;
  updated_ms: number;
  auto_trigger: number;
  incremental: number;
  size: number;
  data_version: number;
  doc: string;
}

export interface CheckpointRow {
  seq: number;
  id: string;
  vault_id: string;
  status: string;
  created_at: string;
  doc: string;
}

/** "2019-05-10T07:59:12.085+00:00", the format of most CBR examples. */
export function cbrTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '+00:00';
}

/** The CBR model: store access and lookups shared by routes, transitions and the scheduler. */
export class Cbr extends DiskBackedService {
  servers: ServerLookup = { server: () => undefined };

  vault(id: string): VaultRow | undefined {
    return this.s.get('SELECT * FROM cbr_vaults WHERE id = ?').get(id) as VaultRow | undefined;
  }

  requireVault(id: string): VaultRow {
    const v = this.vault(id);
    if (!v) throw cbrError('BackupService.6105', `vault ${id}`);
    return v;
  }

  resources(vaultId: string): VaultResourceRow[] {
    return this.s.get('SELECT * FROM cbr_vault_resources WHERE vault_id = ? ORDER BY seq').all(vaultId) as VaultResourceRow[];
  }

  resource(resourceId: string): VaultResourceRow | undefined {
    return this.s.get('SELECT * FROM cbr_vault_resources WHERE resource_id = ?').get(resourceId) as VaultResourceRow | undefined;
  }

  setProtectStatus(resourceId: string, status: string): void {
    this.s.get('UPDATE cbr_vault_resources SET protect_status = ? WHERE resource_id = ?').run(status, resourceId);
  }

  policy(id: string): PolicyRow | undefined {
    return this.s.get('SELECT * FROM cbr_policies WHERE id = ?').get(id) as PolicyRow | undefined;
  }

  requirePolicy(id: string): PolicyRow {
    const p = this.policy(id);
    if (!p) throw cbrError('BackupService.6000', `policy ${id}`);
    return p;
  }

  backup(id: string): BackupRow | undefined {
    return this.s.get('SELECT * FROM cbr_backups WHERE id = ?').get(id) as BackupRow | undefined;
  }

  requireBackup(id: string): BackupRow {
    const b = this.backup(id);
    if (!b) throw cbrError('BackupService.6200', `backup ${id}`);
    return b;
  }

  children(parentId: string): BackupRow[] {
    return this.s.get('SELECT * FROM cbr_backups WHERE parent_id = ? ORDER BY seq').all(parentId) as BackupRow[];
  }

  setBackupStatus(id: string, status: string, at = this.now()): void {
    this.s.get('UPDATE cbr_backups SET status = ?, updated_ms = ? WHERE id = ?').run(status, at, id);
  }

  checkpoint(id: string): CheckpointRow | undefined {
    return this.s.get('SELECT * FROM cbr_checkpoints WHERE id = ?').get(id) as CheckpointRow | undefined;
  }
}
