import { evs5400, evsError } from '../errors.ts';
import {
  DATA_DISK_MAX_GIB, DATA_DISK_MIN_GIB, SYSTEM_DISK_MAX_GIB, SYSTEM_DISK_MIN_GIB, availabilityZones, isVolumeType, qosRange, volumeTypes,
  type VolumeType,
} from '../catalog.ts';
import type { BackupSource, Evs } from './evs.ts';
import type { ImageRow, SnapshotRow } from './rows.ts';
import { parseMap } from './rows.ts';
import { assertSnapshotUsable } from './state.ts';
import {
  DESCRIPTION_MAX, NAME_MAX, checkLength, checkMetadata, checkTagMap, isObj, optInt, optString, type Obj,
} from './validate.ts';
import { isUuid } from '../../../server/ids.ts';

/** A validated disk to create, common to the custom (6.1.1) and Cinder (7.1.1) create APIs. */
export interface CreateSpec {
  name: string;
  description: string;
  size: number;
  volumeType: VolumeType;
  availabilityZone: string;
  multiattach: boolean;
  bootable: boolean;
  metadata: Record<string, string>;
  tags: Record<string, string>;
  sysTags: Record<string, string>;
  snapshot: SnapshotRow | undefined;
  image: ImageRow | undefined;
  /** Set when the disk is created from a CBR or VBS backup. */
  backup?: BackupSource;
  iops: number | null;
  throughput: number | null;
  enterpriseProjectId: string;
  dedicatedStorageId: string | null;
}

export type CreateMode = 'custom' | 'cinder';

const PROTECTED_WITH_SOURCE = ['__system__encrypted', '__system__cmkid', 'hw:passthrough'];

/**
 * `multiattach` is Boolean in every table; the seed's own example sends `1` (6.1.1), so 0/1 pass
 * as well — anything else is EVS.1054.
 */
function parseMultiattach(o: Obj): boolean {
  const v = o.multiattach ?? o.shareable;
  if (v === undefined || v === null) return false;
  if (v === true || v === 1 || v === 'true') return true;
  if (v === false || v === 0 || v === 'false') return false;
  throw evsError('EVS.1054', `multiattach must be a boolean, got ${JSON.stringify(v)}`);
}

function parseType(evs: Evs, o: Obj, az: string): VolumeType {
  const type = o.volume_type;
  if (!isVolumeType(type)) throw evsError('EVS.1020', `volume_type must be one of SATA, SAS, GPSSD, SSD, ESSD, GPSSD2, ESSD2, got ${JSON.stringify(type)}`);
  const info = volumeTypes(evs.rt.account.region).find((t) => t.name === type)!;
  if (info.zones && !info.zones.includes(az)) throw evsError('EVS.2071', undefined, az, type);
  if (info.soldOut.includes(az)) throw evsError('EVS.2072', undefined, type, az);
  return type;
}

function parseSource(evs: Evs, o: Obj, mode: CreateMode): { snapshot?: SnapshotRow; image?: ImageRow; backup?: BackupSource } {
  const snapshotId = optString(o, 'snapshot_id');
  const imageRef = optString(o, 'imageRef');
  const backupId = optString(o, 'backup_id');
  if ([snapshotId, imageRef, backupId].filter((x) => x !== undefined).length > 1) throw evsError('EVS.1016');
  for (const key of ['source_volid', 'source_replica', 'consistencygroup_id']) {
    if (o[key] !== undefined && o[key] !== null) throw evsError('EVS.1070', `${key} is not supported`);
  }
  // Backups belong to the backup services (CBR, VBS); they answer through the hook.
  if (backupId !== undefined) {
    const backup = evs.hooks.backup(backupId);
    if (!backup) throw evsError('EVS.1006', `backup ${backupId} does not exist or is not available`);
    return { backup };
  }
  if (snapshotId !== undefined) {
    const snapshot = isUuid(snapshotId) ? evs.store.snapshot(snapshotId) : undefined;
    if (!snapshot) throw evsError('EVS.2045', `snapshot ${snapshotId} does not exist`);
    assertSnapshotUsable(snapshot);
    return { snapshot };
  }
  if (imageRef !== undefined) {
    const image = evs.store.s.get('SELECT * FROM images WHERE id = ?').get(imageRef) as ImageRow | undefined;
    if (!image) throw mode === 'custom' ? evsError('EVS.2046', `image ${imageRef} does not exist`) : evs5400('Invalid imageRef provided.', `image ${imageRef} does not exist`);
    return { image };
  }
  return {};
}

function parseSize(evs: Evs, o: Obj, source: { snapshot?: SnapshotRow; image?: ImageRow; backup?: BackupSource }): number {
  const size = optInt(o, 'size', 'EVS.1010');
  if (size === undefined) throw evsError('EVS.1010', 'size is required');
  const system = source.image?.system === 1;
  const [min, max] = system ? [SYSTEM_DISK_MIN_GIB, SYSTEM_DISK_MAX_GIB] : [DATA_DISK_MIN_GIB, DATA_DISK_MAX_GIB];
  if (size < min || size > max) throw evsError('EVS.1010', `a ${system ? 'system' : 'data'} disk is ${min} to ${max} GiB, got ${size}`);
  if (source.snapshot && size < source.snapshot.size) throw evsError('EVS.1010', `size ${size} is smaller than snapshot ${source.snapshot.id} (${source.snapshot.size} GiB)`);
  if (source.backup && size < source.backup.size) throw evsError('EVS.1010', `size ${size} is smaller than backup ${source.backup.id} (${source.backup.size} GiB)`);
  if (source.image && size < source.image.min_disk) throw evsError('EVS.1010', `size ${size} is smaller than the image's min_disk ${source.image.min_disk}`);
  if (size > evs.quotas.perVolumeLimit()) throw evsError('EVS.1010', `size ${size} exceeds the per_volume_gigabytes quota ${evs.quotas.perVolumeLimit()}`);
  return size;
}

function parseQos(o: Obj, type: VolumeType, size: number): { iops: number | null; throughput: number | null } {
  const iops = optInt(o, 'iops', 'EVS.1018');
  const throughput = optInt(o, 'throughput', 'EVS.1018');
  if (type !== 'GPSSD2' && type !== 'ESSD2') {
    if (iops !== undefined || throughput !== undefined) throw evsError('EVS.2235');
    return { iops: null, throughput: null };
  }
  if (type === 'ESSD2' && (iops === undefined || throughput !== undefined)) throw evsError('EVS.2232');
  if (type === 'GPSSD2' && (iops === undefined || throughput === undefined)) throw evsError('EVS.2233');
  return checkQosRange(type, size, iops!, throughput ?? null);
}

export function checkQosRange(type: VolumeType, size: number, iops: number, throughput: number | null): { iops: number; throughput: number | null } {
  const range = qosRange(type, size, iops)!;
  if (iops < range.iops[0] || iops > range.iops[1]) {
    throw evsError('EVS.2231', `${type} of ${size} GiB: iops ${iops} is outside [${range.iops[0]}, ${range.iops[1]}]`, range.iops[0], range.iops[1]);
  }
  if (throughput !== null && range.throughput && (throughput < range.throughput[0] || throughput > range.throughput[1])) {
    throw evsError('EVS.2231', `${type} with ${iops} IOPS: throughput ${throughput} is outside [${range.throughput[0]}, ${range.throughput[1]}]`, range.iops[0], range.iops[1]);
  }
  return { iops, throughput };
}

export function parseCreateSpec(evs: Evs, o: Obj, hints: unknown, mode: CreateMode): CreateSpec {
  const azValue = o.availability_zone;
  const zones = availabilityZones(evs.rt.account.region);
  if (typeof azValue !== 'string' || !zones.includes(azValue)) {
    throw evsError('EVS.1036', `availability_zone must be one of ${zones.join(', ')}, got ${JSON.stringify(azValue)}`);
  }
  const volumeType = parseType(evs, o, azValue);
  const source = parseSource(evs, o, mode);
  if (source.snapshot) {
    if (source.snapshot.volume_type !== volumeType) throw evsError('EVS.2096', undefined, volumeType, source.snapshot.id);
    if (source.snapshot.availability_zone !== azValue) throw evsError('EVS.2054', `snapshot ${source.snapshot.id} is in ${source.snapshot.availability_zone}`);
  }
  const size = parseSize(evs, o, source);
  const name = optString(o, 'name') ?? '';
  checkLength(name, NAME_MAX, 'EVS.1003', 'name');
  const description = optString(o, 'description') ?? '';
  checkLength(description, DESCRIPTION_MAX, 'EVS.1004', 'description');
  const multiattach = parseMultiattach(o);
  if (multiattach && source.image?.system === 1) throw evsError('EVS.2094');
  const metadata = o.metadata === undefined || o.metadata === null ? {} : checkMetadata(o.metadata);
  if ((source.snapshot || source.image) && PROTECTED_WITH_SOURCE.some((k) => k in metadata)) throw evsError('EVS.1043');
  if (source.snapshot) {
    // The new disk inherits the source's encryption (6.1.1: "same as that of the data source").
    const origin = parseMap(source.snapshot.metadata);
    for (const k of ['__system__encrypted', '__system__cmkid']) if (origin[k] !== undefined) metadata[k] = origin[k];
  }
  const tags = mode === 'custom' && o.tags !== undefined && o.tags !== null ? checkTagMap(o.tags, 'tags') : {};
  const sysTags = mode === 'custom' && o.sys_tags !== undefined && o.sys_tags !== null ? checkTagMap(o.sys_tags, 'sys_tags') : {};
  const qos = parseQos(o, volumeType, size);
  const ep = optString(o, 'enterprise_project_id') ?? '0';
  if (ep !== '0' && !isUuid(ep)) throw evsError('EVS.2059', `enterprise_project_id must be "0" or a UUID, got ${ep}`);
  let dedicatedStorageId: string | null = null;
  if (hints !== undefined && hints !== null) {
    if (!isObj(hints)) throw evsError('EVS.1018', 'OS-SCH-HNT:scheduler_hints must be a JSON object');
    dedicatedStorageId = optString(hints, 'dedicated_storage_id') ?? null;
  }
  return {
    name,
    description,
    size,
    volumeType,
    availabilityZone: azValue,
    multiattach,
    bootable: source.image?.system === 1 || source.backup?.bootable === true,
    metadata,
    tags,
    sysTags,
    snapshot: source.snapshot,
    image: source.image,
    ...(source.backup ? { backup: source.backup } : {}),
    iops: qos.iops,
    throughput: qos.throughput,
    enterpriseProjectId: ep,
    dedicatedStorageId,
  };
}
