import type { CallOptions, CloudResponse } from '../../http/types.ts';
import { ServiceClient } from '../base.ts';
import type { JobIdResponse, RawJob } from '../common-types.ts';
import { EVS_PATHS as P } from './paths.ts';
import type {
  CreateDisksRequest, CreateDisksResponse, ExpandDiskRequest, ExpandDiskResponse, ListDisksQuery, ListDisksResponse,
  ModifyQosRequest, ShowDiskResponse, UpdateDiskRequest, VolumeDetail,
} from './types-disk.ts';
import type {
  BatchTagsRequest, DiskTagsResponse, ListAvailabilityZonesResponse, ListDisksByTagsRequest, ListDisksByTagsResponse,
  ListVolumeTypesResponse, MetadataBody, ProjectTagsResponse, QuotaSetResponse,
} from './types-misc.ts';
import type {
  CinderSnapshotResponse, CreateSnapshotRequest, ListCinderSnapshotsQuery, ListCinderSnapshotsResponse, ListSnapshotsQuery,
  ListSnapshotsResponse, RollbackSnapshotRequest, RollbackSnapshotResponse, SnapshotResponse, UpdateSnapshotRequest,
} from './types-snapshot.ts';
import type { KeyValueTag, TagKeyRef } from '../common-types.ts';

type R<T> = Promise<CloudResponse<T>>;

export interface CreateDisksOptions extends CallOptions {
  /**
   * X-Client-Token: a UUID the server uses to answer a repeated request with the first response
   * (valid 8 hours). With it the creation becomes safe to retry.
   */
  clientToken?: string;
}

/** EVS: disks, snapshots, tags, QoS, jobs, quotas, disk types and AZs. */
export class EvsClient extends ServiceClient {
  protected readonly service = 'evs' as const;

  // ---- disks -------------------------------------------------------------------------------

  /** `GET /v2/{project_id}/cloudvolumes/detail`: `count` is the total, independent of paging. */
  listDisks(query: ListDisksQuery = {}, opts?: CallOptions): R<ListDisksResponse> {
    return this.call({ method: 'GET', path: P.disksDetail, query: { ...query } }, opts);
  }

  /** `GET /v2/{project_id}/cloudvolumes/{volume_id}`; may 404 briefly right after creation. */
  showDisk(volumeId: string, opts?: CallOptions): R<ShowDiskResponse> {
    return this.call({ method: 'GET', path: P.disk, pathParams: { volume_id: volumeId } }, opts);
  }

  /** `POST /v2.1/{project_id}/cloudvolumes` (202): `job_id` (or `order_id`) and `volume_ids`. */
  createDisks(body: CreateDisksRequest, opts: CreateDisksOptions = {}): R<CreateDisksResponse> {
    const { clientToken, ...callOpts } = opts;
    return this.call(
      {
        method: 'POST',
        path: P.createDisks,
        body,
        ...(clientToken ? { headers: { 'X-Client-Token': clientToken }, idempotent: true } : {}),
      },
      callOpts,
    );
  }

  /** `PUT /v2/{project_id}/cloudvolumes/{volume_id}`: the response is the disk itself, not wrapped in `volume`. */
  updateDisk(volumeId: string, body: UpdateDiskRequest, opts?: CallOptions): R<VolumeDetail> {
    return this.call({ method: 'PUT', path: P.disk, pathParams: { volume_id: volumeId }, body, idempotent: true }, opts);
  }

  /** `POST /v2.1/{project_id}/cloudvolumes/{volume_id}/action` with `os-extend` (202, job). */
  expandDisk(volumeId: string, body: ExpandDiskRequest, opts?: CallOptions): R<ExpandDiskResponse> {
    return this.call({ method: 'POST', path: P.diskAction, pathParams: { volume_id: volumeId }, body }, opts);
  }

  /** `DELETE /v2/{project_id}/cloudvolumes/{volume_id}` (200 with a job). */
  deleteDisk(volumeId: string, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'DELETE', path: P.disk, pathParams: { volume_id: volumeId }, idempotent: true }, opts);
  }

  /** `PUT /v5/{project_id}/cloudvolumes/{volume_id}/qos` (202, job): GPSSD2 iops+throughput, ESSD2 iops only. */
  modifyQos(volumeId: string, body: ModifyQosRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'PUT', path: P.diskQos, pathParams: { volume_id: volumeId }, body, idempotent: true }, opts);
  }

  // ---- snapshots (EVS custom API; no job: poll the snapshot / disk status) -----------------------

  listSnapshots(query: ListSnapshotsQuery = {}, opts?: CallOptions): R<ListSnapshotsResponse> {
    return this.call({ method: 'GET', path: P.snapshotsDetail, query: { ...query } }, opts);
  }

  showSnapshot(snapshotId: string, opts?: CallOptions): R<SnapshotResponse> {
    return this.call({ method: 'GET', path: P.snapshot, pathParams: { snapshot_id: snapshotId } }, opts);
  }

  /** `POST /v2/{project_id}/cloudsnapshots` (202): the snapshot comes back `creating`. */
  createSnapshot(body: CreateSnapshotRequest, opts?: CallOptions): R<SnapshotResponse> {
    return this.call({ method: 'POST', path: P.snapshots, body }, opts);
  }

  updateSnapshot(snapshotId: string, body: UpdateSnapshotRequest, opts?: CallOptions): R<SnapshotResponse> {
    return this.call({ method: 'PUT', path: P.snapshot, pathParams: { snapshot_id: snapshotId }, body, idempotent: true }, opts);
  }

  /** `DELETE /v2/{project_id}/cloudsnapshots/{snapshot_id}` (202, no body). */
  deleteSnapshot(snapshotId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.snapshot, pathParams: { snapshot_id: snapshotId }, idempotent: true }, opts);
  }

  /** `POST /v2/{project_id}/cloudsnapshots/{snapshot_id}/rollback` (202): the disk goes `rollbacking`. */
  rollbackSnapshot(snapshotId: string, body: RollbackSnapshotRequest, opts?: CallOptions): R<RollbackSnapshotResponse> {
    return this.call({ method: 'POST', path: P.snapshotRollback, pathParams: { snapshot_id: snapshotId }, body }, opts);
  }

  // ---- Cinder v2 snapshots ---------------------------------------------------------------------

  listCinderSnapshots(query: ListCinderSnapshotsQuery = {}, opts?: CallOptions): R<ListCinderSnapshotsResponse> {
    return this.call({ method: 'GET', path: P.cinderSnapshotsDetail, query: { ...query } }, opts);
  }

  showCinderSnapshot(snapshotId: string, opts?: CallOptions): R<CinderSnapshotResponse> {
    return this.call({ method: 'GET', path: P.cinderSnapshot, pathParams: { snapshot_id: snapshotId } }, opts);
  }

  createCinderSnapshot(body: CreateSnapshotRequest, opts?: CallOptions): R<CinderSnapshotResponse> {
    return this.call({ method: 'POST', path: P.cinderSnapshots, body }, opts);
  }

  updateCinderSnapshot(snapshotId: string, body: UpdateSnapshotRequest, opts?: CallOptions): R<CinderSnapshotResponse> {
    return this.call(
      { method: 'PUT', path: P.cinderSnapshot, pathParams: { snapshot_id: snapshotId }, body, idempotent: true },
      opts,
    );
  }

  deleteCinderSnapshot(snapshotId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.cinderSnapshot, pathParams: { snapshot_id: snapshotId }, idempotent: true }, opts);
  }

  // ---- tags (at most 10 per disk; adding an existing key overwrites it) -----------------------

  /** `POST .../tags/action` with `action: create` (204). */
  batchCreateTags(volumeId: string, tags: KeyValueTag[], opts?: CallOptions): R<undefined> {
    return this.tagsAction(volumeId, { action: 'create', tags }, opts);
  }

  /** `POST .../tags/action` with `action: delete` (204). */
  batchDeleteTags(volumeId: string, tags: TagKeyRef[], opts?: CallOptions): R<undefined> {
    return this.tagsAction(volumeId, { action: 'delete', tags }, opts);
  }

  private tagsAction(volumeId: string, body: BatchTagsRequest, opts?: CallOptions): R<undefined> {
    // Setting or removing the same tags twice leaves the same result.
    return this.call(
      { method: 'POST', path: P.diskTagsAction, pathParams: { volume_id: volumeId }, body, idempotent: true },
      opts,
    );
  }

  listTags(volumeId: string, opts?: CallOptions): R<DiskTagsResponse> {
    return this.call({ method: 'GET', path: P.diskTags, pathParams: { volume_id: volumeId } }, opts);
  }

  listProjectTags(opts?: CallOptions): R<ProjectTagsResponse> {
    return this.call({ method: 'GET', path: P.projectTags }, opts);
  }

  /** `POST .../cloudvolumes/resource_instances/action`: a query despite the POST. */
  listDisksByTags(body: ListDisksByTagsRequest, opts?: CallOptions): R<ListDisksByTagsResponse> {
    return this.call({ method: 'POST', path: P.disksByTags, body, idempotent: true }, opts);
  }

  // ---- metadata (Cinder v2) ---------------------------------------------------------------------

  showDiskMetadata(volumeId: string, opts?: CallOptions): R<MetadataBody> {
    return this.call({ method: 'GET', path: P.diskMetadata, pathParams: { volume_id: volumeId } }, opts);
  }

  /** `POST .../metadata`: merges the given keys into the disk's metadata. */
  addDiskMetadata(volumeId: string, body: MetadataBody, opts?: CallOptions): R<MetadataBody> {
    return this.call({ method: 'POST', path: P.diskMetadata, pathParams: { volume_id: volumeId }, body, idempotent: true }, opts);
  }

  /** `PUT .../metadata`: replaces the disk's user metadata. */
  replaceDiskMetadata(volumeId: string, body: MetadataBody, opts?: CallOptions): R<MetadataBody> {
    return this.call({ method: 'PUT', path: P.diskMetadata, pathParams: { volume_id: volumeId }, body, idempotent: true }, opts);
  }

  deleteDiskMetadataItem(volumeId: string, key: string, opts?: CallOptions): R<undefined> {
    return this.call(
      { method: 'DELETE', path: P.diskMetadataKey, pathParams: { volume_id: volumeId, key }, idempotent: true },
      opts,
    );
  }

  // ---- jobs, quotas, form data ---------------------------------------------------------------

  /** `GET /v1/{project_id}/jobs/{job_id}`; normalise with normalizeJob(). */
  showJob(jobId: string, opts?: CallOptions): R<RawJob> {
    return this.call({ method: 'GET', path: P.job, pathParams: { job_id: jobId } }, opts);
  }

  /** `GET /v2/{project_id}/os-quota-sets/{project_id}?usage=True`: limits and usage of the profile's project. */
  showQuotas(opts?: CallOptions): R<QuotaSetResponse> {
    return this.call(
      { method: 'GET', path: P.quotas, pathParams: { target_project_id: this.http.profile.projectId }, query: { usage: 'True' } },
      opts,
    );
  }

  listVolumeTypes(opts?: CallOptions): R<ListVolumeTypesResponse> {
    return this.call({ method: 'GET', path: P.volumeTypes }, opts);
  }

  listAvailabilityZones(opts?: CallOptions): R<ListAvailabilityZonesResponse> {
    return this.call({ method: 'GET', path: P.availabilityZones }, opts);
  }
}
