/** ECS operation bodies: batch actions, disks, flavors, quotas, NICs, tags, metadata (ecs.md §2, §4). */
import type { KeyValueTag, Link, NameMatch, TagFilter, TagKeyRef } from '../common-types.ts';

export type ServerRef = { id: string };
export type RebootType = 'SOFT' | 'HARD';

/** The three bodies of `POST /v1/{project_id}/cloudservers/action`. */
export type BatchActionRequest =
  | { 'os-start': { servers: ServerRef[] } }
  | { 'os-stop': { servers: ServerRef[]; type?: RebootType } }
  | { reboot: { servers: ServerRef[]; type: RebootType } };

export interface ResizeServerRequest {
  resize: { flavorRef: string };
  dry_run?: boolean;
}

export interface AttachVolumeRequest {
  volumeAttachment: {
    volumeId: string;
    device?: string;
    volume_type?: string;
    count?: number;
    /** A string here (`"true"`/`"false"`), unlike the Boolean at creation. */
    'hw:passthrough'?: 'true' | 'false';
  };
  dry_run?: boolean;
}

export interface DetachVolumeQuery {
  /** 1 forcibly detaches a data disk. */
  delete_flag?: 0 | 1;
}

/** `GET /v2.1/servers/{server_id}/block_device`. */
export interface BlockDeviceAttachment {
  serverId: string;
  volumeId: string;
  id: string;
  /** Typed Integer; an example sends `"40"`. */
  size: number | string;
  device: string;
  pciAddress?: string;
  /** 0 = system disk. Typed Boolean in the table, 0/1 in the examples; data disks may come as null. */
  bootIndex?: number | null;
  bus?: 'virtio' | 'scsi';
}

export interface BlockDevicesResponse {
  volumeAttachments: BlockDeviceAttachment[];
}

export interface VolumeAttachmentsResponse {
  volumeAttachments: Array<{ device: string; id: string; serverId: string; volumeId: string }>;
}

export interface FlavorExtraSpecs {
  'ecs:performancetype'?: string;
  'ecs:generation'?: string;
  'ecs:virtualization_env_types'?: string;
  resource_type?: string;
  'instance_vnic:type'?: string;
  'instance_vnic:instance_bandwidth'?: string;
  'instance_vnic:max_count'?: string;
  'quota:max_rate'?: string;
  'quota:min_rate'?: string;
  'quota:max_pps'?: string;
  /** normal, abandon (hide), sellout, obt, obt_sellout, promotion; absent = normal. */
  'cond:operation:status'?: string;
  /** Per-AZ override: `az0(normal), az1(sellout)`. */
  'cond:operation:az'?: string;
  'cond:operation:charge'?: string;
  'cond:compute'?: string;
  [key: string]: string | undefined;
}

/** `GET /v1/{project_id}/cloudservers/flavors`: `vcpus` and `disk` are strings here. */
export interface Flavor {
  id: string;
  name: string;
  vcpus: string;
  ram: number;
  disk: string;
  swap: string;
  'OS-FLV-EXT-DATA:ephemeral': number;
  'OS-FLV-DISABLED:disabled': boolean;
  rxtx_factor: number;
  rxtx_quota: string | null;
  rxtx_cap: string | null;
  'os-flavor-access:is_public': boolean;
  links: Link[];
  os_extra_specs: FlavorExtraSpecs;
}

export interface ListFlavorsResponse {
  flavors: Flavor[];
}

/**
 * `GET /v1/{project_id}/cloudservers/limits`. The table names `maxTotalKeyPairs`/`maxServerMetadata`,
 * the example (and Nova) `maxTotalKeypairs`/`maxServerMeta`; both spellings are typed.
 */
export interface AbsoluteLimits {
  maxTotalInstances: number;
  maxTotalCores: number;
  maxTotalRAMSize: number;
  maxTotalKeyPairs?: number;
  maxTotalKeypairs?: number;
  maxServerMetadata?: number;
  maxServerMeta?: number;
  maxPersonality?: number;
  maxPersonalitySize?: number;
  maxServerGroups?: number;
  maxServerGroupMembers?: number;
  totalServerGroupsUsed?: number;
  maxSecurityGroups?: number;
  maxSecurityGroupRules?: number;
  maxTotalFloatingIps?: number;
  maxImageMeta?: number;
  totalInstancesUsed: number;
  totalCoresUsed: number;
  totalRAMUsed: number;
  totalSecurityGroupsUsed?: number;
  totalFloatingIpsUsed?: number;
}

export interface LimitsResponse {
  absolute: AbsoluteLimits;
}

export interface AddNicsRequest {
  nics: Array<{ subnet_id: string; security_groups?: Array<{ id: string }>; ip_address?: string }>;
}

export interface DeleteNicsRequest {
  /** Port IDs; the primary NIC cannot be deleted (403). */
  nics: Array<{ id: string }>;
}

export interface InterfaceAttachment {
  port_state: string;
  fixed_ips: Array<{ subnet_id: string; ip_address: string }>;
  net_id: string;
  port_id: string;
  mac_addr: string;
}

export interface InterfaceAttachmentsResponse {
  interfaceAttachments: InterfaceAttachment[];
}

export type ServerTagsAction = { action: 'create'; tags: KeyValueTag[] } | { action: 'delete'; tags: TagKeyRef[] };

export interface ServerTagsResponse {
  tags: KeyValueTag[];
}

export interface ProjectServerTagsResponse {
  tags: Array<{ key: string; values: string[] }>;
}

export interface ListServersByTagsRequest {
  action: 'filter' | 'count';
  tags?: TagFilter[];
  not_tags?: TagFilter[];
  /** A string, at most 1000; ignored for `count`. */
  limit?: string;
  offset?: string;
  matches?: NameMatch[];
}

export interface ListServersByTagsResponse {
  resources?: Array<{ resource_id: string; resource_detail: unknown; tags: KeyValueTag[]; resource_name: string }>;
  total_count: number;
}

export interface ServerMetadataBody {
  metadata: Record<string, string>;
}

export interface ConsoleOutputResponse {
  output: string;
}

export interface SecurityGroupRule {
  id: string;
  parent_group_id: string;
  ip_protocol: string | null;
  from_port: number | null;
  to_port: number | null;
  ip_range: { cidr?: string };
  group: { tenant_id?: string; name?: string };
}

export interface ServerSecurityGroupsResponse {
  security_groups: Array<{ id: string; name: string; description: string; tenant_id: string; rules: SecurityGroupRule[] }>;
}
