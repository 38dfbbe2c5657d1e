/** CBR vault bodies (cbr.md §2.5, §3.1). */
import type { KeyValueTag } from '../common-types.ts';

export type ResourceType =
  | 'OS::Nova::Server'
  | 'OS::Cinder::Volume'
  | 'OS::Ironic::BareMetalServer'
  | 'OS::Native::Server'
  | 'OS::Sfs::Turbo'
  | 'OS::Workspace::DesktopV2';

export type VaultObjectType = 'server' | 'disk' | 'turbo' | 'workspace' | 'vmware' | 'rds' | 'file';
export type ProtectType = 'backup' | 'replication';
export type ConsistentLevel = 'crash_consistent' | 'app_consistent';
export type VaultStatus = 'available' | 'lock' | 'frozen' | 'deleting' | 'error';
export type ResourceProtectStatus = 'available' | 'error' | 'protecting' | 'restoring' | 'removing';

export interface ResourceExtraInfo {
  /** Disks of an associated server that must not be backed up. */
  exclude_volumes?: string[];
}

export interface ResourceCreate {
  id: string;
  type: ResourceType;
  name?: string;
  extra_info?: ResourceExtraInfo;
}

export interface BillingCreate {
  cloud_type?: 'public' | 'hybrid';
  consistent_level: ConsistentLevel;
  object_type: VaultObjectType;
  protect_type: ProtectType;
  /** GB, at least 10. */
  size: number;
  charging_mode?: 'post_paid' | 'pre_paid';
  period_type?: 'year' | 'month';
  period_num?: number;
  is_auto_renew?: boolean;
  is_auto_pay?: boolean;
  console_url?: string;
  is_multi_az?: boolean;
}

export interface VaultBindRules {
  tags?: KeyValueTag[];
}

export interface VaultCreate {
  name: string;
  billing: BillingCreate;
  /** Send `[]` for none. */
  resources: ResourceCreate[];
  description?: string;
  backup_policy_id?: string;
  tags?: KeyValueTag[];
  enterprise_project_id?: string;
  auto_bind?: boolean;
  bind_rules?: VaultBindRules;
  auto_expand?: boolean;
  threshold?: number;
  smn_notify?: boolean;
  backup_name_prefix?: string;
  demand_billing?: boolean;
  sys_lock_source_service?: 'SMB' | '';
}

export interface Billing {
  /** GB. */
  allocated: number;
  charging_mode: 'post_paid' | 'pre_paid';
  cloud_type: 'public' | 'hybrid';
  consistent_level: ConsistentLevel;
  object_type: VaultObjectType;
  order_id: string | null;
  product_id: string | null;
  protect_type: ProtectType;
  /** GB. */
  size: number;
  spec_code: string;
  status: VaultStatus;
  storage_unit: string | null;
  /** MB, unlike `size`. */
  used: number;
  frozen_scene: string | null;
  is_multi_az?: boolean;
}

export interface ResourceResp {
  extra_info?: ResourceExtraInfo;
  id: string;
  name: string;
  protect_status: ResourceProtectStatus;
  /** GB. */
  size: number;
  type: ResourceType;
  backup_size?: number;
  backup_count?: number;
}

export interface Vault {
  billing: Billing;
  description: string | null;
  id: string;
  name: string;
  project_id: string;
  provider_id: string;
  resources: ResourceResp[];
  tags: KeyValueTag[];
  /** Typed String; most examples send the number 0. */
  enterprise_project_id: string | number;
  auto_bind: boolean;
  bind_rules: VaultBindRules;
  user_id: string;
  created_at: string;
  auto_expand?: boolean;
  smn_notify?: boolean;
  threshold?: number;
  sys_lock_source_service?: string;
  backup_name_prefix?: string;
  demand_billing?: boolean;
  cbc_delete_count?: number;
  frozen?: boolean;
  updated_at?: string;
  version?: string;
}

export interface VaultResponse {
  vault: Vault;
}

export interface ListVaultsQuery {
  cloud_type?: 'public' | 'hybrid';
  enterprise_project_id?: string;
  id?: string;
  limit?: number;
  name?: string;
  object_type?: VaultObjectType;
  offset?: number;
  policy_id?: string;
  protect_type?: ProtectType;
  /** Comma-separated. */
  resource_ids?: string;
  status?: VaultStatus;
}

export interface ListVaultsResponse {
  vaults: Vault[];
  count: number;
  limit?: number;
  offset?: number;
}

export interface VaultUpdate {
  billing?: { consistent_level?: ConsistentLevel; size?: number };
  name?: string;
  auto_bind?: boolean;
  bind_rules?: VaultBindRules;
  auto_expand?: boolean;
  smn_notify?: boolean;
  threshold?: number;
}

export interface AddResourcesResponse {
  add_resource_ids: string[];
}

export interface RemoveResourcesResponse {
  remove_resource_ids: string[];
}

/** `policy_id`, or up to 10 `add_policy_ids`; `destination_vault_id` only for replication policies. */
export interface AssociatePolicyRequest {
  policy_id?: string;
  add_policy_ids?: string[];
  destination_vault_id?: string;
}

export interface PolicyBinding {
  destination_vault_id?: string;
  policy_id: string;
  vault_id: string;
}

export interface AssociatePolicyResponse {
  associate_policy: PolicyBinding;
}

export interface DissociatePolicyResponse {
  dissociate_policy: PolicyBinding;
}

export interface VaultsSummary {
  size: number;
  used_size: number;
}
