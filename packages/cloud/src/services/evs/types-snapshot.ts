/** EVS snapshot bodies, custom (`cloudsnapshots`) and Cinder v2 (`snapshots`) (evs.md §2.2, §2.6, §3.2). */
import type { Link } from '../common-types.ts';

export type SnapshotStatus = 'creating' | 'available' | 'error' | 'deleting' | 'error_deleting' | 'rollbacking' | 'backing-up';

export interface SnapshotDetails {
  id: string;
  status: SnapshotStatus;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string | null;
  metadata: Record<string, string>;
  volume_id: string;
  size: number;
  'os-extended-snapshot-attributes:project_id'?: string;
  /** A percentage string such as `"100%"`. */
  'os-extended-snapshot-attributes:progress'?: string;
}

export interface SnapshotListItem extends SnapshotDetails {
  dedicated_storage_id?: string;
  dedicated_storage_name?: string;
  service_type?: string;
}

export interface ListSnapshotsQuery {
  offset?: number;
  limit?: number;
  name?: string;
  status?: SnapshotStatus;
  volume_id?: string;
  availability_zone?: string;
  /** Repeatable: `id=a&id=b`. */
  id?: string | string[];
  dedicated_storage_name?: string;
  dedicated_storage_id?: string;
  service_type?: string;
  enterprise_project_id?: string;
}

export interface ListSnapshotsResponse {
  count: number;
  snapshots: SnapshotListItem[];
  snapshots_links?: Link[] | null;
}

export interface SnapshotResponse {
  snapshot: SnapshotDetails;
}

export interface CreateSnapshotRequest {
  snapshot: {
    volume_id: string;
    force?: boolean;
    metadata?: Record<string, string>;
    /** Names starting with `autobk_snapshot_` are reserved for backups. */
    name?: string;
    description?: string;
  };
}

export interface UpdateSnapshotRequest {
  snapshot: { name?: string; description?: string };
}

export interface RollbackSnapshotRequest {
  /** `volume_id` must be the snapshot's source disk. */
  rollback: { volume_id: string; name?: string };
}

export interface RollbackSnapshotResponse {
  rollback: { volume_id: string };
}

/** Cinder v2 SnapshotSummary. */
export interface CinderSnapshot {
  created_at: string;
  description: string | null;
  id: string;
  /** `__system_enableActive` marks a snapshot taken by a server backup. */
  metadata: Record<string, string>;
  name: string;
  /** Integer in the summary, String in the Cinder detail table. */
  size: number | string;
  status: SnapshotStatus;
  updated_at: string | null;
  volume_id: string;
  'os-extended-snapshot-attributes:progress'?: string;
  'os-extended-snapshot-attributes:project_id'?: string;
}

export interface ListCinderSnapshotsQuery {
  marker?: string;
  offset?: number;
  limit?: number;
  name?: string;
  status?: SnapshotStatus;
  volume_id?: string;
  availability_zone?: string;
}

export interface ListCinderSnapshotsResponse {
  snapshots: CinderSnapshot[];
  snapshots_links?: Link[] | null;
}

export interface CinderSnapshotResponse {
  snapshot: CinderSnapshot;
}
