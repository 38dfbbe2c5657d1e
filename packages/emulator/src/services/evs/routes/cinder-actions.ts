import type { Reply, RequestContext } from '../../../server/types.ts';
import { evs5400, evsError } from '../errors.ts';
import type { Evs } from '../model/evs.ts';
import { attachVolume, detachVolume } from '../model/attachments.ts';
import { submitUpload } from '../model/image-ops.ts';
import { parseMap } from '../model/rows.ts';
import { submitExtend } from '../model/volume-ops.ts';
import { optBool, optInt, optString, requireObj } from '../model/validate.ts';
import { bodyObject } from './common.ts';
import { volumeTypeView } from './cinder-misc.ts';
import { isVolumeType } from '../catalog.ts';

const ACTIONS = [
  'os-extend', 'os-set_bootable', 'os-update_readonly_flag', 'os-volume_upload_image', 'os-volume_uploaded_image',
  'os-attach', 'os-detach', 'os-reserve', 'os-unreserve',
] as const;

/**
 * POST /v2/{project_id}/volumes/{volume_id}/action: the body's only key names the action, each with
 * its own success code (os-set_bootable 200, the others 202). os-attach/os-detach/os-reserve/
 * os-unreserve are deprecated status flips kept for compatibility (7.1.14-7.1.17).
 */
export function cinderAction(evs: Evs, ctx: RequestContext): Reply {
  const body = bodyObject(ctx, 'EVS.5400');
  const keys = Object.keys(body);
  const name = keys.length === 1 ? ACTIONS.find((a) => a === keys[0]) : undefined;
  if (!name) throw evs5400('Malformed request body.', `the body must hold exactly one of ${ACTIONS.join(', ')}`);
  const arg = body[name];
  return evs.transaction(() => {
    const v = evs.store.requireVolume(ctx.params.volume_id!);
    switch (name) {
      case 'os-extend': {
        const o = requireObj(arg, 'EVS.5400', name);
        const newSize = optInt(o, 'new_size', 'EVS.1010');
        if (newSize === undefined) throw evsError('EVS.1011', 'os-extend.new_size is required');
        if (v.charging_mode === 'prePaid') throw evsError('EVS.1014', 'yearly/monthly disks are expanded through the custom API');
        submitExtend(evs, v, newSize, { withJob: false, mode: 'cinder' });
        return { status: 202 };
      }
      case 'os-set_bootable': {
        const bootable = optBool(requireObj(arg, 'EVS.5400', name), 'bootable');
        if (bootable === undefined) throw evs5400('Malformed request body.', 'os-set_bootable.bootable is required');
        evs.store.updateVolume(v.id, { bootable: bootable ? 1 : 0 }, evs.stamp());
        return { status: 200 };
      }
      case 'os-update_readonly_flag': {
        const readonly = optBool(requireObj(arg, 'EVS.5400', name), 'readonly');
        if (readonly === undefined) throw evs5400('Malformed request body.', 'os-update_readonly_flag.readonly is required');
        const metadata = { ...parseMap(v.metadata), readonly: readonly ? 'True' : 'False' };
        evs.store.updateVolume(v.id, { metadata: JSON.stringify(metadata) }, evs.stamp());
        return { status: 202 };
      }
      case 'os-volume_upload_image':
      case 'os-volume_uploaded_image': {
        const { body: image } = submitUpload(evs, v, arg);
        const type = isVolumeType(v.volume_type) ? volumeTypeView(evs, v.volume_type) : null;
        return { status: 202, body: { 'os-volume_upload_image': { ...image, volume_type: type } } };
      }
      case 'os-attach': {
        const o = requireObj(arg, 'EVS.5400', name);
        const serverId = optString(o, 'instance_uuid');
        const mountpoint = optString(o, 'mountpoint');
        if (!serverId || !mountpoint) throw evs5400('Malformed request body.', 'os-attach needs instance_uuid and mountpoint');
        const hostName = optString(o, 'host_name');
        attachVolume(evs, { volumeId: v.id, serverId, device: mountpoint, ...(hostName ? { hostName } : {}) });
        return { status: 202 };
      }
      case 'os-detach': {
        const o = arg === undefined || arg === null ? {} : requireObj(arg, 'EVS.5400', name);
        const attachmentId = optString(o, 'attachment_id');
        detachVolume(evs, { volumeId: v.id, ...(attachmentId ? { attachmentId } : {}) });
        return { status: 202 };
      }
      case 'os-reserve':
        if (v.status !== 'available') throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.status}; only an available disk can be reserved`);
        evs.store.updateVolume(v.id, { status: 'attaching' }, evs.stamp());
        return { status: 202 };
      case 'os-unreserve':
        if (v.status !== 'attaching') throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.status}; only a reserved (attaching) disk can be unreserved`);
        evs.store.updateVolume(v.id, { status: v.attach_count > 0 ? 'in-use' : 'available' }, evs.stamp());
        return { status: 202 };
    }
  });
}
