/** EVS tags, quotas, disk types, AZs and metadata (evs.md §2.3, §2.7, §5). */
import type { KeyValueTag, NameMatch, TagFilter, TagKeyRef } from '../common-types.ts';
import type { VolumeDetail } from './types-disk.ts';

export type BatchTagsRequest = { action: 'create'; tags: KeyValueTag[] } | { action: 'delete'; tags: TagKeyRef[] };

export interface DiskTagsResponse {
  tags: KeyValueTag[];
  sys_tags?: KeyValueTag[];
}

/** Every tag key in the project with the values in use, e.g. `{"key_1": ["value_1","value_2"]}`. */
export interface ProjectTagsResponse {
  tags: Record<string, string[]>;
}

export interface ListDisksByTagsRequest {
  action: 'filter';
  tags: TagFilter[];
  matches?: NameMatch[];
  limit?: number;
  offset?: number;
}

export interface ListDisksByTagsResponse {
  total_count: number;
  resources: Array<{ resource_id: string; resource_name: string; resource_detail: VolumeDetail; tags: KeyValueTag[] }>;
}

export interface QuotaItem {
  in_use: number;
  limit: number;
  reserved: number;
  allocated?: number;
}

/** Per-type keys are `<item>_<type>` (the seed's `volumes_GPS` / `gigabytes_GP SSD` are PDF damage of `_GPSSD`). */
export interface QuotaSet {
  id: string;
  backup_gigabytes?: QuotaItem;
  backups?: QuotaItem;
  gigabytes?: QuotaItem;
  snapshots?: QuotaItem;
  volumes?: QuotaItem;
  per_volume_gigabytes?: QuotaItem;
  gigabytes_SATA?: QuotaItem;
  snapshots_SATA?: QuotaItem;
  volumes_SATA?: QuotaItem;
  gigabytes_SAS?: QuotaItem;
  snapshots_SAS?: QuotaItem;
  volumes_SAS?: QuotaItem;
  gigabytes_SSD?: QuotaItem;
  snapshots_SSD?: QuotaItem;
  volumes_SSD?: QuotaItem;
  gigabytes_GPSSD?: QuotaItem;
  snapshots_GPSSD?: QuotaItem;
  volumes_GPSSD?: QuotaItem;
  [key: string]: QuotaItem | string | undefined;
}

export interface QuotaSetResponse {
  quota_set: QuotaSet;
}

export interface VolumeTypeInfo {
  id: string;
  name: string;
  description?: string | null;
  qos_specs_id?: string | null;
  is_public?: boolean;
  extra_specs: {
    /** Comma-separated AZs offering the type; absent = all AZs. */
    'RESKEY:availability_zones'?: string;
    /** Comma-separated AZs where the type is sold out. */
    'os-vendor-extended:sold_out_availability_zones'?: string;
    'availability-zone'?: string;
    volume_backend_name?: string;
    'HW:availability_zone'?: string;
    [key: string]: string | undefined;
  };
}

export interface ListVolumeTypesResponse {
  volume_types: VolumeTypeInfo[];
}

/** The key is `availabilityZoneInfo` (one table misspells it `availabilityZonesInfo`). */
export interface ListAvailabilityZonesResponse {
  availabilityZoneInfo: Array<{ zoneName: string; zoneState: { available: boolean } }>;
}

export interface MetadataBody {
  metadata: Record<string, string>;
}
