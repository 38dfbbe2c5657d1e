/** Row shapes of the EVS tables, one field per column. */
export interface VolumeRow {
  seq: number;
  id: string;
  name: string;
  description: string;
  status: string;
  size: number;
  pending_size: number | null;
  volume_type: string;
  availability_zone: string;
  multiattach: number;
  bootable: number;
  metadata: string;
  tags: string;
  sys_tags: string;
  image_metadata: string | null;
  snapshot_id: string | null;
  image_ref: string | null;
  backup_id: string | null;
  iops: number | null;
  throughput: number | null;
  qos_id: string | null;
  enterprise_project_id: string;
  service_type: string;
  dedicated_storage_id: string | null;
  dedicated_storage_name: string | null;
  wwn: string;
  charging_mode: string;
  order_id: string | null;
  attach_count: number;
  hidden: number;
  created_at: string;
  updated_at: string;
}

export type NewVolume = Omit<VolumeRow, 'seq'>;

export interface AttachmentRow {
  id: string;
  volume_id: string;
  server_id: string;
  device: string;
  host_name: string;
  attached_at: string;
}

export interface SnapshotRow {
  seq: number;
  id: string;
  volume_id: string;
  name: string;
  description: string | null;
  status: string;
  size: number;
  metadata: string;
  volume_type: string;
  availability_zone: string;
  service_type: string;
  enterprise_project_id: string;
  dedicated_storage_id: string | null;
  dedicated_storage_name: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface TransferRow {
  id: string;
  volume_id: string;
  name: string;
  auth_key: string;
  created_at: string;
}

export interface ImageRow {
  id: string;
  name: string;
  min_disk: number;
  system: number;
  metadata: string;
  builtin: number;
}

export function parseMap(json: string | null): Record<string, string> {
  if (json === null || json === '{}') return {};
  return JSON.parse(json) as Record<string, string>;
}
