import { uuid } from '../../../server/ids.ts';
import { evs5400 } from '../errors.ts';
import { EXPORT_MAX_GIB } from '../catalog.ts';
import { DURATION, type Evs } from './evs.ts';
import type { VolumeRow } from './rows.ts';
import { parseMap } from './rows.ts';
import { restingStatus } from './state.ts';
import type { Failure } from './volume-ops.ts';
import { optBool, optString, requireObj, type Obj } from './validate.ts';

const IMAGE_NAME = /^[A-Za-z0-9._ -]{1,128}$/;
const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'ovf', 'bare'];
const DISK_FORMATS = ['vhd', 'zvhd', 'zvhd2', 'raw', 'qcow2'];

export interface UploadPayload {
  volumeId: string;
  imageId: string;
  imageName: string;
  minDisk: number;
  system: boolean;
  osType: string;
  diskFormat: string;
  containerFormat: string;
  fail?: Failure;
}

/**
 * Export to image (7.1.13). The table names the action `os-volume_uploaded_image`, the examples and
 * the OpenStack API `os-volume_upload_image`; both keys are accepted and the answer uses the latter.
 */
export function submitUpload(evs: Evs, v: VolumeRow, action: unknown): { payload: UploadPayload; body: Record<string, unknown> } {
  const o: Obj = requireObj(action, 'EVS.5400', 'os-volume_upload_image');
  const imageName = optString(o, 'image_name');
  if (imageName === undefined || !IMAGE_NAME.test(imageName)) {
    throw evs5400('Malformed request body.', 'image_name must be 1-128 letters, digits, spaces, "-", "." or "_"');
  }
  const containerFormat = optString(o, 'container_format') ?? 'bare';
  if (!CONTAINER_FORMATS.includes(containerFormat)) throw evs5400('Malformed request body.', `container_format must be one of ${CONTAINER_FORMATS.join(', ')}`);
  const diskFormat = optString(o, 'disk_format') ?? 'vhd';
  if (!DISK_FORMATS.includes(diskFormat)) throw evs5400('Malformed request body.', `disk_format must be one of ${DISK_FORMATS.join(', ')}`);
  const force = optBool(o, 'force') ?? false;
  const osType = optString(o, '__os_type') ?? 'linux';
  if (osType !== 'linux' && osType !== 'windows') throw evs5400('Malformed request body.', '__os_type must be windows or linux');
  if (v.size > EXPORT_MAX_GIB) throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.size} GiB; only disks up to 1 TiB can be exported`);
  if (v.status !== 'available' && !(v.status === 'in-use' && force)) {
    const hint = v.status === 'in-use' ? '; set force to true to export an in-use disk' : '';
    throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.status}${hint}`);
  }
  const at = evs.stamp();
  evs.store.updateVolume(v.id, { status: 'uploading' }, at);
  const imageMeta = parseMap(v.image_metadata);
  const payload: UploadPayload = {
    volumeId: v.id,
    imageId: uuid(),
    imageName,
    minDisk: v.size,
    system: v.bootable === 1,
    // __os_type is honoured only when the disk has none and is available (7.1.13).
    osType: imageMeta.__os_type ?? (osType === 'windows' ? 'Windows' : 'Linux'),
    diskFormat,
    containerFormat,
    fail: evs.rt.faults.takeJobFailure('uploadImage'),
  };
  evs.rt.scheduler.schedule('evs.volume.upload', DURATION.upload, payload);
  return {
    payload,
    body: {
      id: v.id,
      image_id: payload.imageId,
      image_name: imageName,
      status: 'uploading',
      size: v.size,
      container_format: containerFormat,
      disk_format: diskFormat,
      display_description: v.description,
      updated_at: at,
    },
  };
}

/** The disk returns to rest; on success the image joins the catalogue and can seed new disks. */
export function finishUpload(evs: Evs, p: UploadPayload, at: number): void {
  const v = evs.store.volume(p.volumeId);
  if (v && v.status === 'uploading') evs.store.updateVolume(v.id, { status: restingStatus(v) }, evs.stamp(at));
  if (p.fail) return;
  const metadata = {
    image_id: p.imageId,
    image_name: p.imageName,
    __os_type: p.osType,
    __imagetype: 'private',
    __isregistered: 'true',
    __image_source_type: 'uds',
    container_format: p.containerFormat,
    disk_format: p.diskFormat,
    min_disk: String(p.minDisk),
    min_ram: '0',
    size: '0',
  };
  evs.store.s
    .get('INSERT OR REPLACE INTO images (id, name, min_disk, system, metadata, builtin) VALUES (?, ?, ?, ?, ?, 0)')
    .run(p.imageId, p.imageName, p.minDisk, p.system ? 1 : 0, JSON.stringify(metadata));
}
