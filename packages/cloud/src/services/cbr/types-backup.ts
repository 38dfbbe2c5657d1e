/** CBR backups, checkpoints, restores and operation logs (cbr.md §1.5, §2.1, §2.3, §2.12, §3.2-3.5). */
import type { ResourceType } from './types-vault.ts';

export type BackupStatus =
  | 'available' | 'protecting' | 'deleting' | 'restoring' | 'error' | 'waiting_protect' | 'waiting_delete' | 'waiting_restore';

export interface BackupExtendInfo {
  auto_trigger?: boolean;
  bootable?: boolean;
  snapshot_id?: string;
  /** The seed drifts (`support_llid`, `support_ll`); the official SDKs use `support_lld`. */
  support_lld?: boolean;
  /** `na` = cannot be restored in place. */
  supported_restore_mode?: 'na' | 'backup' | 'snapshot';
  os_images_data?: Array<{ image_id: string }>;
  contain_system_disk?: boolean;
  encrypted?: boolean;
  system_disk?: boolean;
  is_multi_az?: boolean;
}

export interface ReplicationRecord {
  created_at: string;
  destination_backup_id: string;
  destination_checkpoint_id: string;
  destination_project_id: string;
  destination_region: string;
  destination_vault_id: string;
  extra_info?: { progress?: number; fail_code?: string; fail_reason?: string; auto_trigger?: boolean; destination_vault_id?: string };
  id: string;
  source_backup_id: string;
  source_checkpoint_id: string;
  source_project_id: string;
  source_region: string;
  status: 'replicating' | 'success' | 'fail' | 'skip' | 'waiting_replicate';
  vault_id: string;
}

export interface Backup {
  checkpoint_id: string;
  created_at: string;
  description: string | null;
  expired_at: string | null;
  extend_info: BackupExtendInfo | null;
  id: string;
  image_type: 'backup' | 'replication';
  name: string;
  parent_id: string | null;
  project_id: string;
  protected_at: string | null;
  resource_az: string;
  resource_id: string;
  resource_name: string;
  /** GB. */
  resource_size: number;
  resource_type: ResourceType;
  status: BackupStatus;
  updated_at: string;
  vault_id: string;
  replication_records?: ReplicationRecord[];
  enterprise_project_id?: string | number;
  provider_id: string;
  /** A server backup's per-disk backups. */
  children?: Backup[];
  incremental?: boolean;
}

export interface ListBackupsQuery {
  checkpoint_id?: string;
  dec?: boolean;
  end_time?: string;
  start_time?: string;
  enterprise_project_id?: string;
  image_type?: 'backup' | 'replication';
  incremental?: boolean;
  limit?: number;
  marker?: string;
  member_status?: 'pending' | 'accepted' | 'rejected';
  name?: string;
  offset?: number;
  own_type?: 'all_granted' | 'private' | 'shared';
  parent_id?: string;
  resource_az?: string;
  resource_id?: string;
  resource_name?: string;
  resource_type?: ResourceType;
  show_replication?: boolean;
  /** `<key>[:asc|desc],…`, e.g. `created_at:desc`. */
  sort?: string;
  /** Repeatable. */
  status?: BackupStatus | BackupStatus[];
  used_percent?: string;
  vault_id?: string;
}

export interface ListBackupsResponse {
  backups: Backup[];
  count: number;
  offset?: number;
  limit?: number;
}

export interface BackupResponse {
  backup: Backup;
}

export interface UpdateBackupRequest {
  backup: { name?: string };
}

/** Server restore: parent backup in the URL, per-disk child backups in `mappings`. */
export interface BackupRestore {
  server_id?: string;
  mappings?: Array<{ backup_id: string; volume_id: string }>;
  power_on?: boolean;
  volume_id?: string;
  resource_id?: string;
  details?: { destination_path: string };
}

export interface RestoreBackupRequest {
  restore: BackupRestore;
}

export interface CheckpointParam {
  auto_trigger?: boolean;
  description?: string;
  /** Default true. */
  incremental?: boolean;
  name?: string;
  resources?: string[];
  resource_details?: Array<{ id: string; type: ResourceType; name?: string; extra_info?: Record<string, unknown> }>;
}

export interface CreateCheckpointRequest {
  checkpoint: { vault_id: string; parameters?: CheckpointParam };
}

export type CheckpointStatus = 'available' | 'deleting' | 'protecting' | 'deleted' | 'error-deleting' | 'error';

/** All typed String in the table; examples also send numbers. */
export interface CheckpointResource {
  extra_info?: string | Record<string, unknown>;
  id: string;
  name: string;
  protect_status: string;
  resource_size: string | number;
  type: ResourceType;
  backup_size?: string | number;
  backup_count?: string | number;
}

export interface Checkpoint {
  created_at: string;
  id: string;
  project_id: string;
  status: CheckpointStatus;
  /** null when read back after creation. */
  vault: {
    id: string;
    name: string;
    resources: CheckpointResource[];
    skipped_resources: Array<{ id: string; type: string; name: string; code: string; reason: string }>;
  } | null;
  extra_info: { name?: string; description?: string; retention_duration?: number } | null;
}

export interface CheckpointResponse {
  checkpoint: Checkpoint;
}

export type OperationType =
  | 'backup' | 'copy' | 'replication' | 'restore' | 'delete' | 'sync' | 'vault_delete' | 'remove_resource';
export type OperationStatus = 'success' | 'skipped' | 'failed' | 'running' | 'timeout' | 'waiting';

export interface OperationLog {
  id: string;
  operation_type: OperationType;
  status: OperationStatus;
  provider_id: string;
  checkpoint_id: string | null;
  policy_id: string | null;
  project_id: string;
  vault_id: string;
  vault_name: string;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  updated_at: string | null;
  /** Empty strings on success. */
  error_info: { code: string; message: string };
  extra_info: {
    resource?: { id: string; name: string; type: ResourceType; extra_info?: { exclude_volumes?: string[] } };
    backup?: {
      app_consistency_error_code?: string;
      app_consistency_error_message?: string;
      app_consistency_status?: '0' | '1';
      backup_id: string;
      backup_name: string;
      incremental?: 'true' | 'false';
    };
    common?: { progress?: number; request_id?: string; task_id?: string };
    delete?: { backup_id: string; backup_name: string };
    restore?: { backup_id: string; backup_name: string; target_resource_id: string; target_resource_name: string };
    vault_delete?: { fail_count: number; total_count: number };
    remove_resources?: { fail_count: number; total_count: number; resources: Array<{ id: string; name?: string; type: ResourceType }> };
    [key: string]: unknown;
  };
}

export interface ListOperationLogsQuery {
  /** `YYYY-mm-ddTHH:MM:SSZ`. */
  end_time?: string;
  start_time?: string;
  enterprise_project_id?: string;
  limit?: number;
  offset?: number;
  operation_type?: OperationType;
  provider_id?: string;
  resource_id?: string;
  resource_name?: string;
  status?: OperationStatus;
  vault_id?: string;
  vault_name?: string;
}

export interface ListOperationLogsResponse {
  operation_logs: OperationLog[];
  count: number;
  limit?: number;
  offset?: number;
}

export interface OperationLogResponse {
  operation_log: OperationLog;
}
