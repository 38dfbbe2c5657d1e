/** EVS disk bodies (evs.md §2.1, §3.1, §5.4), field names exactly as on the wire. */
import type { Link } from '../common-types.ts';

export type VolumeType = 'SATA' | 'SAS' | 'GPSSD' | 'SSD' | 'ESSD' | 'GPSSD2' | 'ESSD2';

/** Appendix A.3. */
export type VolumeStatus =
  | 'creating'
  | 'available'
  | 'in-use'
  | 'error'
  | 'attaching'
  | 'detaching'
  | 'restoring-backup'
  | 'backing-up'
  | 'error_restoring'
  | 'uploading'
  | 'downloading'
  | 'extending'
  | 'error_extending'
  | 'deleting'
  | 'error_deleting'
  | 'rollbacking'
  | 'error_rollbacking'
  | 'awaiting-transfer';

/** Metadata values are strings; the reserved keys use a double underscore. */
export interface VolumeMetadata {
  __system__encrypted?: '0' | '1';
  __system__cmkid?: string;
  /** `"true"` = SCSI, `"false"` or absent = VBD. */
  'hw:passthrough'?: 'true' | 'false';
  /** `"0"` = linked clone when created from a snapshot. */
  full_clone?: '0' | '1';
  /** Present on yearly/monthly disks. */
  orderID?: string;
  [key: string]: string | undefined;
}

export interface VolumeAttachment {
  attached_at: string;
  attachment_id: string;
  device: string;
  host_name: string;
  id: string;
  server_id: string;
  volume_id: string;
}

/** GPSSD2/ESSD2 performance settings. `frozened` is the wire spelling. */
export interface VolumeQosValue {
  frozened: boolean;
  id: string;
  total_val: number;
}

export interface VolumeDetail {
  id: string;
  links: Link[];
  name: string;
  status: VolumeStatus;
  attachments: VolumeAttachment[];
  availability_zone: string;
  'os-vol-host-attr:host'?: string;
  source_volid?: string | null;
  snapshot_id?: string | null;
  description?: string | null;
  created_at: string;
  updated_at?: string;
  'os-vol-tenant-attr:tenant_id'?: string;
  volume_image_metadata?: Record<string, unknown>;
  volume_type: VolumeType;
  size: number;
  consistencygroup_id?: string | null;
  /** A string, `"true"` or `"false"`. */
  bootable: 'true' | 'false';
  metadata: VolumeMetadata;
  encrypted?: boolean;
  replication_status?: string;
  'os-volume-replication:extended_status'?: string;
  'os-vol-mig-status-attr:migstat'?: string;
  'os-vol-mig-status-attr:name_id'?: string;
  /** Deprecated; typed String in some tables and Boolean in others. */
  shareable?: string | boolean;
  user_id?: string;
  service_type?: 'EVS' | 'DSS' | 'DESS';
  multiattach: boolean;
  dedicated_storage_id?: string;
  dedicated_storage_name?: string;
  tags?: Record<string, string>;
  wwn?: string;
  enterprise_project_id?: string;
  serial_number?: string;
  iops?: VolumeQosValue;
  throughput?: VolumeQosValue;
  root_resource_type?: string;
  root_resource_id?: string;
  parent_resource_type?: string;
  parent_resource_id?: string;
}

export interface ListDisksQuery {
  marker?: string;
  name?: string;
  /** 1-1000, default 1000. */
  limit?: number;
  sort_key?: 'id' | 'status' | 'size' | 'created_at';
  sort_dir?: 'desc' | 'asc';
  offset?: number;
  status?: VolumeStatus;
  metadata?: string;
  availability_zone?: string;
  multiattach?: boolean;
  service_type?: 'EVS' | 'DSS' | 'DESS';
  dedicated_storage_id?: string;
  dedicated_storage_name?: string;
  volume_type_id?: string;
  id?: string;
  /** Written `['id1','id2']`, at most 60; overrides `id`. */
  ids?: string;
  /** `all_granted_eps` = every permitted enterprise project. */
  enterprise_project_id?: string;
  server_id?: string;
  root_resource_type?: string;
  root_resource_id?: string;
  parent_resource_type?: string;
  parent_resource_id?: string;
  bootable?: boolean;
}

export interface ListDisksResponse {
  /** Total matches, unaffected by paging. */
  count: number;
  volumes: VolumeDetail[];
  volumes_links?: Link[] | null;
}

export interface ShowDiskResponse {
  volume: VolumeDetail;
}

export interface BssParamForCreateVolume {
  chargingMode?: 'postPaid' | 'prePaid';
  isAutoPay?: 'true' | 'false';
  isAutoRenew?: 'true' | 'false';
  periodNum?: number;
  periodType?: 'month' | 'year';
  cloudServiceConsoleURL?: string;
}

export interface CreateVolumeOption {
  availability_zone: string;
  volume_type: VolumeType;
  /** GiB; optional only when creating from a backup. */
  size?: number;
  /** Batch size, default 1, at most 100. */
  count?: number;
  name?: string;
  description?: string;
  backup_id?: string;
  snapshot_id?: string;
  imageRef?: string;
  multiattach?: boolean;
  metadata?: VolumeMetadata;
  enterprise_project_id?: string;
  tags?: Record<string, string>;
  sys_tags?: Record<string, string>;
  /** Mandatory for GPSSD2 and ESSD2. */
  iops?: number;
  /** MiB/s; mandatory for GPSSD2. */
  throughput?: number;
}

export interface CreateDisksRequest {
  volume: CreateVolumeOption;
  bssParam?: BssParamForCreateVolume;
  server_id?: string;
  'OS-SCH-HNT:scheduler_hints'?: { dedicated_storage_id?: string };
}

/** `job_id` for pay-per-use, `order_id` for yearly/monthly disks. */
export interface CreateDisksResponse {
  job_id?: string;
  order_id?: string;
  volume_ids?: string[];
}

export interface UpdateDiskRequest {
  volume: { name?: string; description?: string };
}

export interface ExpandDiskRequest {
  'os-extend': { new_size: number };
  bssParam?: { isAutoPay?: 'true' | 'false'; cloudServiceConsoleURL?: string };
}

export interface ExpandDiskResponse {
  job_id?: string;
  order_id?: string;
}

export interface ModifyQosRequest {
  qos_modify: { iops: number; throughput?: number };
}
