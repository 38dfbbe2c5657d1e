/** CBR policies, vault tags and protectable resources (cbr.md §2.2, §2.7, §2.8, §3.3, §3.8). */
import type { KeyValueTag, NameMatch, TagFilter, TagKeyRef } from '../common-types.ts';
import type { ResourceType, Vault } from './types-vault.ts';

/** Retention. `max_backups` and `retention_duration_days` exclude each other; -1 = not limited. */
export interface PolicyOperationDefinition {
  max_backups?: number;
  retention_duration_days?: number;
  day_backups?: number;
  week_backups?: number;
  month_backups?: number;
  year_backups?: number;
  /** e.g. `UTC+08:00`; required with the day/week/month/year counts. */
  timezone?: string;
  full_backup_interval?: number;
  destination_project_id?: string;
  destination_region?: string;
  enable_acceleration?: boolean;
}

/** `pattern`: up to 24 iCalendar rules in UTC, e.g. `FREQ=WEEKLY;BYDAY=MO,TU;BYHOUR=14;BYMINUTE=00`. */
export interface PolicyTriggerProperties {
  pattern: string[];
  start_time?: string;
}

export interface Policy {
  enabled: boolean;
  id: string;
  name: string;
  operation_definition: PolicyOperationDefinition;
  operation_type: 'backup' | 'replication';
  trigger: { id?: string; name?: string; properties: PolicyTriggerProperties; type?: 'time' };
  associated_vaults: Array<{ destination_vault_id?: string; vault_id: string }> | null;
}

export interface CreatePolicyRequest {
  policy: {
    enabled?: boolean;
    name: string;
    operation_definition: PolicyOperationDefinition;
    operation_type: 'backup' | 'replication';
    trigger: { properties: { pattern: string[] } };
  };
}

export interface UpdatePolicyRequest {
  policy: {
    enabled?: boolean;
    name?: string;
    operation_definition?: PolicyOperationDefinition;
    trigger?: { properties: { pattern: string[] } };
  };
}

export interface PolicyResponse {
  policy: Policy;
}

export interface ListPoliciesQuery {
  operation_type?: 'backup' | 'replication';
  vault_id?: string;
}

export interface ListPoliciesResponse {
  policies: Policy[];
  count: number;
}

export type VaultTagsAction =
  | { action: 'create'; tags: KeyValueTag[]; sys_tags?: KeyValueTag[] }
  | { action: 'delete'; tags: TagKeyRef[]; sys_tags?: TagKeyRef[] };

export interface VaultTagsResponse {
  tags: KeyValueTag[];
  sys_tags?: KeyValueTag[];
}

export interface ProjectVaultTagsResponse {
  tags: Array<{ key: string; values: string[] }>;
}

export interface ListVaultsByTagsRequest {
  action: 'filter' | 'count';
  without_any_tag?: boolean;
  tags?: TagFilter[];
  tags_any?: TagFilter[];
  not_tags?: TagFilter[];
  not_tags_any?: TagFilter[];
  sys_tags?: TagFilter[];
  /** Strings, 1-1000 / ≥0; only for `filter`. */
  limit?: string;
  offset?: string;
  matches?: NameMatch[];
  cloud_type?: 'public' | 'hybrid';
  object_type?: 'server' | 'disk';
}

export interface ListVaultsByTagsResponse {
  resources?: Array<{
    resource_id: string;
    resource_detail: { vault: Vault };
    tags: KeyValueTag[];
    resource_name: string;
    sys_tags?: KeyValueTag[];
  }>;
  total_count: number;
}

export type ProtectableType = 'server' | 'disk';

export interface Protectable {
  /** A server's disks. */
  children?: Protectable[];
  /** The raw ECS/EVS object. */
  detail?: unknown;
  id: string;
  name: string;
  protectable: { code?: string; reason?: string; result: boolean; vault?: Vault | null; message?: string };
  /** GB. */
  size: number;
  /** Documented as active/deleted/error; examples carry the upstream status (`ACTIVE`, `in-use`). */
  status: string;
  type: ResourceType;
}

export interface ListProtectablesQuery {
  id?: string;
  /** At most 50. */
  limit?: number;
  marker?: string;
  name?: string;
  offset?: number;
  server_id?: string;
  status?: string;
}

export interface ListProtectablesResponse {
  instances: Protectable[];
}

export interface ProtectableResponse {
  instance: Protectable;
}
