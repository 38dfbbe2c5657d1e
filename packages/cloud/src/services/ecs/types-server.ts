/** ECS server bodies: Nova v2.1 server object and ECS-native creation (ecs.md §2.1.1, §2.2, §3, §4.0). */
import type { Link } from '../common-types.ts';

/** Server detail `status` (Tables 6-38/6-49 plus A-1's UNKNOWN). */
export type ServerStatus =
  | 'ACTIVE' | 'BUILD' | 'DELETED' | 'ERROR' | 'HARD_REBOOT' | 'MIGRATING' | 'PAUSED' | 'REBOOT' | 'REBUILD' | 'RESIZE'
  | 'REVERT_RESIZE' | 'SHUTOFF' | 'SHELVED' | 'SHELVED_OFFLOADED' | 'SOFT_DELETED' | 'SUSPENDED' | 'VERIFY_RESIZE' | 'UNKNOWN';

export interface ServerAddress {
  addr: string;
  version: 4 | 6;
  /** The tables say `mac_address`; every example and the data-structure chapter use `mac_addr`. */
  'OS-EXT-IPS-MAC:mac_addr'?: string;
  'OS-EXT-IPS:type'?: 'fixed' | 'floating';
  'OS-EXT-IPS:port_id'?: string;
}

/** Before microversion 2.47 `{id, links}`; from 2.47 the embedded form without `id`. */
export interface ServerFlavor {
  id?: string;
  links?: Link[];
  vcpus?: number;
  ram?: number;
  disk?: number;
  ephemeral?: number;
  swap?: number;
  original_name?: string;
  extra_specs?: Record<string, string>;
}

export interface ServerFault {
  code: number;
  created: string;
  message: string;
  details?: string;
}

export interface NovaServer {
  id: string;
  name: string;
  status: ServerStatus;
  created: string;
  updated: string;
  flavor: ServerFlavor;
  /** `""` when the server boots from a disk. */
  image: { id: string; links?: Link[] } | '';
  tenant_id: string;
  user_id: string;
  key_name: string | null;
  hostId: string;
  metadata: Record<string, string>;
  /** Keyed by network (examples use the network UUID). */
  addresses: Record<string, ServerAddress[]>;
  security_groups?: Array<{ name: string; id?: string }>;
  links: Link[];
  'os:scheduler_hints'?: { tenancy?: string[]; dedicated_host_id?: string[] };
  'OS-DCF:diskConfig'?: 'AUTO' | 'MANUAL';
  'OS-EXT-AZ:availability_zone': string;
  'OS-EXT-SRV-ATTR:host'?: string;
  'OS-EXT-SRV-ATTR:hypervisor_hostname'?: string;
  'OS-EXT-SRV-ATTR:instance_name'?: string;
  /** 0 pending, 1 running, 2 paused, 3 shutdown, 4 crashed. */
  'OS-EXT-STS:power_state': number;
  /** The operation in progress; null when idle. Show transitional labels from this, not from `status`. */
  'OS-EXT-STS:task_state': string | null;
  'OS-EXT-STS:vm_state': string;
  'OS-SRV-USG:launched_at'?: string | null;
  'OS-SRV-USG:terminated_at'?: string | null;
  'os-extended-volumes:volumes_attached': Array<{ id: string; delete_on_termination?: boolean }>;
  fault?: ServerFault;
  /** 2.19+ */
  description?: string;
  /** 2.16+ */
  host_status?: 'UP' | 'UNKNOWN' | 'DOWN' | 'MAINTENANCE' | '';
  /** 2.9+ */
  locked?: boolean;
  /** 2.26+: `key=value` or `key`. */
  tags?: string[];
  'OS-EXT-SRV-ATTR:hostname'?: string;
  'OS-EXT-SRV-ATTR:reservation_id'?: string;
  'OS-EXT-SRV-ATTR:launch_index'?: number;
  'OS-EXT-SRV-ATTR:kernel_id'?: string;
  'OS-EXT-SRV-ATTR:ramdisk_id'?: string;
  'OS-EXT-SRV-ATTR:root_device_name'?: string;
  'OS-EXT-SRV-ATTR:user_data'?: string;
  accessIPv4?: string;
  accessIPv6?: string;
  config_drive?: string;
  progress?: number;
}

export interface ListServersQuery {
  'changes-since'?: string;
  image?: string;
  flavor?: string;
  name?: string;
  status?: Exclude<ServerStatus, 'DELETED' | 'PAUSED' | 'SHELVED' | 'SHELVED_OFFLOADED' | 'SOFT_DELETED' | 'SUSPENDED' | 'UNKNOWN'>;
  /** Default 25, at most 1000. */
  limit?: number;
  /** ID of the last server of the previous page. */
  marker?: string;
  tags?: string;
  'not-tags'?: string;
  reservation_id?: string;
  sort_key?: string;
  sort_dir?: 'asc' | 'desc';
  ip?: string;
}

export interface ListServersResponse {
  servers: NovaServer[];
  servers_links?: Link[];
}

/** 6.2.4: the brief list. */
export interface ListServerNamesResponse {
  servers: Array<{ id: string; name: string; links?: Link[] }>;
  servers_links?: Link[];
}

export interface ShowServerResponse {
  server: NovaServer;
}

export interface UpdateServerRequest {
  server: { name?: string; description?: string };
}

export interface CreateServerNic {
  subnet_id: string;
  ip_address?: string;
  'binding:profile'?: { disable_security_groups?: boolean };
  extra_dhcp_opts?: Array<{ opt_value: number; opt_name: '26' }>;
}

export interface CreateServerVolume {
  volumetype: string;
  size?: number;
  /** Shared disk; used by the create example (L1103), not in the field table. */
  multiattach?: boolean;
  'hw:passthrough'?: boolean;
  cluster_type?: 'DSS';
  cluster_id?: string;
  data_image_id?: string;
  metadata?: { __system__encrypted?: '0' | '1'; __system__cmkid?: string };
}

export interface CreateServerOption {
  imageRef: string;
  flavorRef: string;
  name: string;
  user_data?: string;
  adminPass?: string;
  key_name?: string;
  vpcid: string;
  nics: CreateServerNic[];
  publicip?: {
    id?: string;
    eip?: { iptype: string; bandwidth: { size: number; sharetype: 'PER' | 'WHOLE'; chargemode: string } };
    delete_on_termination?: boolean;
  };
  count?: number;
  root_volume: CreateServerVolume;
  data_volumes?: Array<CreateServerVolume & { size: number }>;
  security_groups?: Array<{ id: string }>;
  availability_zone?: string;
  extendparam?: { regionID?: string };
  metadata?: Record<string, string>;
  'os:scheduler_hints'?: { group?: string; tenancy?: 'dedicated' | 'shared'; dedicated_host_id?: string };
  description?: string;
}

export interface CreateServersRequest {
  server: CreateServerOption;
  dry_run?: boolean;
}

export interface CreateServersResponse {
  job_id: string;
  serverIds?: string[];
}

export interface DeleteServersRequest {
  servers: Array<{ id: string }>;
  delete_publicip?: boolean;
  delete_volume?: boolean;
}
