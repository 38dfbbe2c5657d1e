import { hex, uuid } from '../../../server/ids.ts';
import { evs5400, evsError } from '../errors.ts';
import { DATA_DISK_MAX_GIB, SYSTEM_DISK_MAX_GIB, type VolumeType } from '../catalog.ts';
import type { CreateSpec } from './create-spec.ts';
import { checkQosRange } from './create-spec.ts';
import { attachVolume } from './attachments.ts';
import { setDataVersion } from './data-version.ts';
import { DURATION, type Evs } from './evs.ts';
import type { NewVolume, VolumeRow } from './rows.ts';
import { assertDeletable, assertExtendable, assertQosModifiable, restingStatus } from './state.ts';
import type { QuotaMode } from './quotas.ts';

/** A failure injected through the control API, carried by the job until it finishes. */
export interface Failure {
  code: string;
  message: string;
}

export interface CreateVolumeInternal {
  volumeId: string;
  fromSource: boolean;
  serverId?: string;
  fail?: Failure;
}

export interface Billing {
  chargingMode: 'postPaid' | 'prePaid';
  orderId?: string;
}

export function newVolumeRow(evs: Evs, spec: CreateSpec, id: string, name: string, status: string, hidden: boolean, billing: Billing): NewVolume {
  const at = evs.stamp();
  const metadata = { ...spec.metadata };
  if (billing.orderId) metadata.orderID = billing.orderId;
  return {
    id,
    name,
    description: spec.description,
    status,
    size: spec.size,
    pending_size: null,
    volume_type: spec.volumeType,
    availability_zone: spec.availabilityZone,
    multiattach: spec.multiattach ? 1 : 0,
    bootable: spec.bootable ? 1 : 0,
    metadata: JSON.stringify(metadata),
    tags: JSON.stringify(spec.tags),
    sys_tags: JSON.stringify(spec.sysTags),
    image_metadata: spec.image ? spec.image.metadata : null,
    snapshot_id: spec.snapshot?.id ?? null,
    image_ref: spec.image?.id ?? null,
    backup_id: spec.backup?.id ?? null,
    iops: spec.iops,
    throughput: spec.throughput,
    qos_id: spec.iops === null ? null : uuid(),
    enterprise_project_id: spec.enterpriseProjectId,
    service_type: spec.dedicatedStorageId ? 'DSS' : 'EVS',
    dedicated_storage_id: spec.dedicatedStorageId,
    dedicated_storage_name: spec.dedicatedStorageId ? `dss-${spec.dedicatedStorageId.slice(0, 8)}` : null,
    wwn: `688860300${hex(12).slice(0, 23)}`,
    charging_mode: billing.chargingMode,
    order_id: billing.orderId ?? null,
    attach_count: 0,
    hidden: hidden ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
}

/** Batch names get "-0001", "-0002", … (6.1.1). */
function batchName(base: string, index: number): string {
  return `${base || 'volume'}-${String(index + 1).padStart(4, '0')}`;
}

/**
 * Custom create (6.1.1): disks are recorded hidden, a job (or a batch job with one sub-job per
 * disk) starts in INIT and the disks appear as `creating` once it runs.
 */
export function submitCreate(evs: Evs, spec: CreateSpec, count: number, billing: Billing, serverId?: string): { jobId: string; volumeIds: string[] } {
  evs.quotas.checkVolumes(spec.volumeType, count, spec.size * count, 'custom');
  const { jobs, faults, scheduler } = evs.rt;
  if (spec.backup && count > 1) throw evsError('EVS.1051');
  const fromSource = spec.snapshot !== undefined || spec.image !== undefined || spec.backup !== undefined;
  const volumeIds: string[] = [];
  const entities = (id: string, name: string) => ({ volume_type: spec.volumeType, size: spec.size, volume_id: id, name });
  let jobId: string;
  if (count === 1) {
    const id = uuid();
    volumeIds.push(id);
    evs.store.insertVolume(newVolumeRow(evs, spec, id, spec.name, 'creating', true, billing));
    if (spec.backup) setDataVersion(evs, id, spec.backup.dataVersion);
    const internal: CreateVolumeInternal = { volumeId: id, fromSource, serverId, fail: faults.takeJobFailure('createVolume') };
    jobId = jobs.create({ jobType: 'createVolume', entities: entities(id, spec.name), internal: { ...internal } });
  } else {
    const batchFail = faults.takeJobFailure('batchCreateVolume');
    jobId = jobs.create({ jobType: 'batchCreateVolume', entities: {} });
    for (let i = 0; i < count; i++) {
      const id = uuid();
      const name = batchName(spec.name, i);
      volumeIds.push(id);
      evs.store.insertVolume(newVolumeRow(evs, spec, id, name, 'creating', true, billing));
      const internal: CreateVolumeInternal = { volumeId: id, fromSource, serverId, fail: batchFail ?? faults.takeJobFailure('createVolume') };
      jobs.create({ jobType: 'createVolume', parentId: jobId, entities: entities(id, name), internal: { ...internal } });
    }
  }
  scheduler.schedule('evs.job.start', DURATION.jobInit, { jobId });
  return { jobId, volumeIds };
}

/** Cinder create (7.1.1): no job; the disk is visible at once as `creating`. */
export function createCinderVolume(evs: Evs, spec: CreateSpec): VolumeRow {
  evs.quotas.checkVolumes(spec.volumeType, 1, spec.size, 'cinder');
  const id = uuid();
  evs.store.insertVolume(newVolumeRow(evs, spec, id, spec.name, 'creating', false, { chargingMode: 'postPaid' }));
  if (spec.backup) setDataVersion(evs, id, spec.backup.dataVersion);
  const fail = evs.rt.faults.takeJobFailure('createVolume');
  const fromSource = spec.snapshot !== undefined || spec.image !== undefined || spec.backup !== undefined;
  evs.rt.scheduler.schedule('evs.volume.create', fromSource ? DURATION.createFromSource : DURATION.create, { volumeId: id, fail });
  return evs.store.requireVolume(id);
}

/** End of a creation: `available` (or attached when created for a server), or `error`. */
export function finishCreate(evs: Evs, volumeId: string, at: number, fail?: Failure, serverId?: string): void {
  const v = evs.store.volumeIncludingHidden(volumeId);
  if (!v) return;
  evs.store.updateVolume(volumeId, { status: fail ? 'error' : 'available', hidden: 0 }, evs.stamp(at));
  if (!fail && serverId && evs.hooks.serverStatus(serverId) !== undefined) {
    attachVolume(evs, { volumeId, serverId });
  }
}

export interface ExtendOptions {
  withJob: boolean;
  mode: QuotaMode;
}

/** Expansion (6.1.5 with a job, 7.1.10 without): the disk goes `extending` at once. */
export function submitExtend(evs: Evs, v: VolumeRow, newSize: number, opts: ExtendOptions): string | undefined {
  if (newSize <= v.size) throw evsError('EVS.1015', `new_size ${newSize} must be greater than the current ${v.size} GiB`);
  const max = v.bootable ? SYSTEM_DISK_MAX_GIB : DATA_DISK_MAX_GIB;
  if (newSize > max) throw evsError('EVS.1010', `a ${v.bootable ? 'system' : 'data'} disk is at most ${max} GiB, asked ${newSize}`);
  if (newSize > evs.quotas.perVolumeLimit()) throw evsError('EVS.1010', `new_size exceeds the per_volume_gigabytes quota ${evs.quotas.perVolumeLimit()}`);
  const servers = evs.store.attachments(v.id).map((a) => a.server_id);
  assertExtendable(v, (id) => evs.hooks.serverStatus(id), servers);
  evs.quotas.checkGigabytes(v.volume_type, newSize - v.size, opts.mode);
  evs.store.updateVolume(v.id, { status: 'extending', pending_size: newSize }, evs.stamp());
  const fail = evs.rt.faults.takeJobFailure('extendVolume');
  if (!opts.withJob) {
    evs.rt.scheduler.schedule('evs.volume.extend', DURATION.extend, { volumeId: v.id, fail });
    return undefined;
  }
  const jobId = evs.rt.jobs.create({
    jobType: 'extendVolume',
    entities: { volume_type: v.volume_type, size: newSize, volume_id: v.id, name: v.name },
    internal: { volumeId: v.id, fail },
  });
  evs.rt.scheduler.schedule('evs.job.start', DURATION.jobInit, { jobId });
  return jobId;
}

export function finishExtend(evs: Evs, volumeId: string, at: number, fail?: Failure): void {
  const v = evs.store.volume(volumeId);
  if (!v || v.status !== 'extending') return;
  if (fail) evs.store.updateVolume(volumeId, { status: 'error_extending', pending_size: null }, evs.stamp(at));
  else evs.store.updateVolume(volumeId, { status: restingStatus(v), size: v.pending_size ?? v.size, pending_size: null }, evs.stamp(at));
}

/**
 * Deletion. The custom API takes the disk's snapshots with it; the Cinder API does so only with
 * `cascade=true` and otherwise refuses a disk that still has snapshots.
 */
export function submitDelete(evs: Evs, v: VolumeRow, opts: { withJob: boolean; cascade: boolean }): string | undefined {
  assertDeletable(v);
  const snapshots = evs.store.snapshotsOfVolume(v.id);
  if (snapshots.length > 0 && !opts.cascade) {
    throw evs5400('Must specify a valid status.', `disk ${v.id} still has ${snapshots.length} snapshot(s); delete them first or pass cascade=true`);
  }
  const busy = snapshots.find((s) => s.status !== 'available' && s.status !== 'error');
  if (busy) throw evsError('EVS.1047', `snapshot ${busy.id} of disk ${v.id} is ${busy.status}`);
  const at = evs.stamp();
  for (const s of snapshots) evs.store.updateSnapshot(s.id, { status: 'deleting' }, at);
  evs.store.updateVolume(v.id, { status: 'deleting' }, at);
  const fail = evs.rt.faults.takeJobFailure('deleteVolume');
  if (!opts.withJob) {
    evs.rt.scheduler.schedule('evs.volume.delete', DURATION.delete, { volumeId: v.id, fail });
    return undefined;
  }
  const jobId = evs.rt.jobs.create({ jobType: 'deleteVolume', entities: { volume_id: v.id }, internal: { volumeId: v.id, fail } });
  evs.rt.scheduler.schedule('evs.job.start', DURATION.jobInit, { jobId });
  return jobId;
}

export function finishDelete(evs: Evs, volumeId: string, at: number, fail?: Failure): void {
  const v = evs.store.volume(volumeId);
  if (!v || v.status !== 'deleting') return;
  const stamp = evs.stamp(at);
  const snapshots = evs.store.snapshotsOfVolume(volumeId);
  if (fail) {
    for (const s of snapshots) evs.store.updateSnapshot(s.id, { status: 'available' }, stamp);
    evs.store.updateVolume(volumeId, { status: 'error_deleting' }, stamp);
    return;
  }
  for (const s of snapshots) evs.store.deleteSnapshot(s.id);
  evs.store.s.get('DELETE FROM transfers WHERE volume_id = ?').run(volumeId);
  evs.store.deleteVolume(volumeId);
}

/** QoS change (6.1.13): GPSSD2 takes IOPS and throughput, ESSD2 IOPS only; applied when the job ends. */
export function submitQos(evs: Evs, v: VolumeRow, iops: number, throughput: number | undefined): string {
  if (v.volume_type !== 'GPSSD2' && v.volume_type !== 'ESSD2') throw evsError('EVS.2234', `disk ${v.id} is ${v.volume_type}`);
  if (v.volume_type === 'ESSD2' && throughput !== undefined) throw evsError('EVS.2232');
  assertQosModifiable(v);
  const next = checkQosRange(v.volume_type as VolumeType, v.size, iops, throughput ?? (v.volume_type === 'GPSSD2' ? v.throughput : null));
  const jobId = evs.rt.jobs.create({
    // The seed lists no job_type for QoS changes; the name follows the API's ("Modifying QoS").
    jobType: 'modifyVolumeQoS',
    entities: { volume_type: v.volume_type, size: v.size, volume_id: v.id, name: v.name },
    internal: { volumeId: v.id, iops: next.iops, throughput: next.throughput, fail: evs.rt.faults.takeJobFailure('modifyVolumeQoS') },
  });
  evs.rt.scheduler.schedule('evs.job.start', DURATION.jobInit, { jobId });
  return jobId;
}

export function finishQos(evs: Evs, volumeId: string, at: number, iops: number, throughput: number | null, fail?: Failure): void {
  if (fail || !evs.store.volume(volumeId)) return;
  evs.store.updateVolume(volumeId, { iops, throughput }, evs.stamp(at));
}
