import { uuid } from '../../../server/ids.ts';
import { attachmentsOfServer } from '../../evs/model/attachments.ts';
import { metadataOf } from '../../ims/model.ts';
import { ecsError, novaBad } from '../errors.ts';
import type { Ecs } from './ecs.ts';
import type { ServerRow } from './rows.ts';
import { assertOperable } from './state.ts';

/** Realistic time (ms) for IMS to save a server's system disk as an image. */
export const IMAGE_SAVE_MS = 8_000;

/**
 * Nova createImage (6.3.7). The seed sends image creation to IMS, so the image is a private IMS image
 * of the server's system disk: `saving`, then `active` on the clock; it inherits the OS of the image the
 * server was built from, and its min disk is the system disk's size.
 */
export function createServerImage(ecs: Ecs, s: ServerRow, arg: unknown): string {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw novaBad('createImage.name is required');
  const { name, metadata } = arg as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || Buffer.byteLength(name) >= 243) throw novaBad('createImage.name is 1 to 242 bytes');
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))) throw novaBad('createImage.metadata is an object');
  return saveServerImage(ecs, s, { name, description: '' });
}

/**
 * The image of a server's system disk (Nova createImage, IMS `POST /v2/cloudimages/action`); the
 * server must be at rest and have its system disk. `jobId` names the IMS job that ends with it.
 */
export function saveServerImage(ecs: Ecs, s: ServerRow, o: { name: string; description: string; minRam?: number; jobId?: string }): string {
  assertOperable(s, ['ACTIVE', 'SHUTOFF'], 'createImage');
  const system = attachmentsOfServer(ecs.evs, s.id).find((a) => a.device === '/dev/vda' || a.device === '/dev/sda');
  const disk = system && ecs.evs.store.volume(system.volume_id);
  if (!disk) throw ecsError('Ecs.0105', `server ${s.id}`);
  const source = s.image_id ? ecs.ims.row(s.image_id) : undefined;
  const m = source ? metadataOf(source) : {};
  const id = uuid();
  ecs.transaction(() => {
    ecs.ims.insertPrivate({
      id, name: o.name, minDisk: disk.size, minRam: o.minRam ?? source?.min_ram ?? 0, osType: m.__os_type ?? 'Linux', platform: m.__platform ?? 'Other',
      osVersion: m.__os_version ?? o.name, description: o.description, source: `instance,${s.id}`, sizeGiB: Math.max(1, Math.ceil(disk.size / 10)),
    });
    ecs.rt.scheduler.schedule('ims.image.saved', IMAGE_SAVE_MS, { imageId: id, ...(o.jobId ? { jobId: o.jobId } : {}) });
  });
  return id;
}
