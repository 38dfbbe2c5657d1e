/**
 * VBS (legacy disk backups) bodies, field names exactly as on the wire — including the API's own
 * misspellings `rentention_num` / `rentention_day` (vbs-cinder.md §3, §5, §7, §11).
 */
import type { KeyValueTag, Link } from '../common-types.ts';

export interface CreateBackupRequest {
  backup: {
    volume_id: string;
    snapshot_id?: string | null;
    /** At most 64 characters; must not start with `auto`. */
    name: string;
    description?: string;
    tags?: KeyValueTag[];
  };
}

export interface RestoreBackupRequest {
  /** The existing disk that will be overwritten. */
  restore: { volume_id: string };
}

/** Backup statuses are not enumerated by the seed; these are Cinder's. */
export type VbsBackupStatus = 'creating' | 'available' | 'deleting' | 'error' | 'restoring' | 'error_deleting' | 'error_restoring';

export interface VbsBackup {
  availability_zone?: string;
  container?: string | null;
  created_at: string;
  data_timestamp?: string;
  description?: string | null;
  fail_reason?: string | null;
  /** The samples spell it `has_dependent_backups`, the tables `has_dependent_backup`. */
  has_dependent_backups?: boolean;
  has_dependent_backup?: boolean;
  id: string;
  is_incremental?: boolean;
  name: string;
  object_count?: number;
  size: number;
  snapshot_id?: string | null;
  status: VbsBackupStatus;
  updated_at?: string | null;
  volume_id: string;
  service_metadata?: string;
  links?: Link[];
  'os-bak-tenant-attr:tenant_id'?: string;
}

export interface ListBackupsQuery {
  name?: string;
  status?: VbsBackupStatus;
  volume_id?: string;
  limit?: number;
  offset?: number;
}

export interface ListBackupsResponse {
  backups: VbsBackup[];
  backups_links?: Link[];
}

export interface BackupResponse {
  backup: VbsBackup;
}

export type WeekDay = 'SUN' | 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT';

export interface ScheduledPolicy {
  /** UTC whole hours `HH:mm`, comma-separated, ordered by local time. */
  start_time: string;
  /** Days between backups; wins over `week_frequency` when both are set. */
  frequency?: number;
  week_frequency?: WeekDay[];
  /** Number of backups kept (sic). Wins over `rentention_day`. */
  rentention_num?: number;
  /** Days kept (sic). */
  rentention_day?: number;
  remain_first_backup_of_curMonth?: 'Y' | 'N';
  status: 'ON' | 'OFF';
}

export interface CreateBackupPolicyRequest {
  backup_policy_name: string;
  scheduled_policy: ScheduledPolicy;
  tags?: KeyValueTag[];
  /** `UTC+08:00`; top-level, as in the samples. */
  time_zone?: string;
}

export interface UpdateBackupPolicyRequest {
  backup_policy_name?: string;
  scheduled_policy?: Partial<ScheduledPolicy>;
  time_zone?: string;
}

export interface BackupPolicyIdResponse {
  backup_policy_id: string;
}

export interface BackupPolicy {
  backup_policy_id: string;
  backup_policy_name: string;
  scheduled_policy: ScheduledPolicy;
  policy_resource_count: number;
  time_zone?: string;
}

export interface ListBackupPoliciesResponse {
  backup_policies: BackupPolicy[];
}

export interface BindResourcesRequest {
  backup_policy_id: string;
  resources: Array<{ resource_id: string; resource_type: 'volume' }>;
}

export interface PolicyResourceResult {
  resource_id: string;
  resource_type?: string;
  availability_zone?: string;
  os_vol_host_attr?: string;
}

/** Partial failure is reported inside a 200. */
export interface PolicyResourcesResponse {
  success_resources: PolicyResourceResult[];
  fail_resources: PolicyResourceResult[];
}

export type BackupTaskStatus = 'RUNNING' | 'EXECUTE_TIMEOUT' | 'WAITING' | 'EXECUTE_FAIL' | 'EXECUTE_SUCCESS' | 'SKIP';

export interface ListBackupTasksQuery {
  sort_dir?: 'desc' | 'asc';
  /** Default 20. */
  limit?: number;
  marker?: string;
  job_id?: string;
  status?: BackupTaskStatus;
  sort_key?: 'created_at';
  offset?: number;
}

export interface BackupTask {
  status: BackupTaskStatus;
  job_id: string;
  created_at: string;
  finished_at?: string;
  backup_name: string;
  resource_id: string;
  resource_type: string;
  /** The id to use with the job API. */
  vbs_job_id?: string;
}

export interface ListBackupTasksResponse {
  count: number;
  tasks: BackupTask[];
}
