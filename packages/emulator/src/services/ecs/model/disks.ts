import type { JobRow } from '../../../jobs/jobs.ts';
import { attachVolume, attachmentsOfServer, detachVolume } from '../../evs/model/attachments.ts';
import { ecsError } from '../errors.ts';
import { flavor } from '../catalog.ts';
import type { Ecs } from './ecs.ts';
import { submit, type OpArgs } from './ops.ts';
import type { ServerRow } from './rows.ts';
import { assertOperable, statusOf } from './state.ts';

const DEVICE_RE = /^\/dev\/(vd|sd|xvd)([a-z])$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Device names of a server: attached disks plus those reserved by attach jobs still running. */
function usedDevices(ecs: Ecs, serverId: string): Set<string> {
  const used = new Set(attachmentsOfServer(ecs.evs, serverId).map((a) => a.device));
  const pending = ecs.s
    .get("SELECT internal FROM jobs WHERE job_type = 'attachVolume' AND status IN ('INIT', 'RUNNING')")
    .all() as Pick<JobRow, 'internal'>[];
  for (const p of pending) {
    const i = JSON.parse(p.internal) as { serverId: string; args: OpArgs };
    if (i.serverId === serverId && i.args.device) used.add(i.args.device);
  }
  return used;
}

/**
 * Device rules of 5.6.1 for KVM servers (every flavor here is KVM): the system disk is /dev/vda,
 * data disks /dev/vdb onwards; a /dev/sdX name is turned into /dev/vdX; a name in use is refused.
 */
function pickDevice(ecs: Ecs, s: ServerRow, requested: string | undefined, bootable: boolean): string {
  const used = usedDevices(ecs, s.id);
  if (requested !== undefined) {
    const m = DEVICE_RE.exec(requested);
    if (!m) throw ecsError('Ecs.0005', `device ${requested} is not /dev/vdX or /dev/sdX`);
    const device = `/dev/vd${m[2]}`;
    if (used.has(device)) throw ecsError('Ecs.0005', `device ${device} is already used on server ${s.id}`);
    if (device === '/dev/vda' && !bootable) throw ecsError('Ecs.0005', '/dev/vda is the system disk; a data disk takes /dev/vdb onwards');
    return device;
  }
  if (bootable && !used.has('/dev/vda') && statusOf(s) === 'SHUTOFF') return '/dev/vda';
  for (const l of LETTERS.slice(1)) if (!used.has(`/dev/vd${l}`)) return `/dev/vd${l}`;
  throw ecsError('Ecs.0104', `server ${s.id} has no device name left`);
}

export interface AttachRequest {
  volumeId: string;
  device?: string;
}

/** Attach (5.6.1 / 6.8.3): the disk goes `attaching` now and `in-use` when the job ends. */
export function submitAttach(ecs: Ecs, serverId: string, req: AttachRequest, dryRun = false): { jobId?: string; device: string } {
  return ecs.transaction(() => {
    const s = ecs.requireServer(serverId);
    assertOperable(s, ['ACTIVE', 'SHUTOFF'], 'attaching a disk');
    const v = ecs.evs.store.volume(req.volumeId);
    if (!v) throw ecsError('Ecs.0103', `disk ${req.volumeId} does not exist`);
    const attachments = ecs.evs.store.attachments(v.id);
    if (attachments.some((a) => a.server_id === s.id)) throw ecsError('Ecs.0057', `disk ${v.id} is attached to server ${s.id}`);
    const shareable = v.multiattach === 1 && v.status === 'in-use';
    if (v.status !== 'available' && !shareable) throw ecsError('Ecs.0103', `disk ${v.id} is ${v.status}${v.status === 'in-use' ? ' and not shareable' : ''}`);
    if (v.availability_zone !== s.availability_zone) throw ecsError('Ecs.0121', `disk is in ${v.availability_zone}, server in ${s.availability_zone}`);
    const data = attachmentsOfServer(ecs.evs, s.id).filter((a) => a.device !== '/dev/vda').length;
    const max = flavor(s.flavor_id)?.maxDataDisks ?? 59;
    if (!v.bootable && data >= max) throw ecsError('Ecs.0104', `server ${s.id} already has ${data} data disks (flavor ${s.flavor_id} takes ${max})`);
    const device = pickDevice(ecs, s, req.device, v.bootable === 1);
    if (device === '/dev/vda' && statusOf(s) !== 'SHUTOFF') throw ecsError('Ecs.0100', 'a system disk is attached to a stopped server');
    if (dryRun) return { device };
    if (!shareable) ecs.evs.store.updateVolume(v.id, { status: 'attaching' }, ecs.evs.stamp());
    const jobId = submit(ecs, 'attach', [{ server: s, args: { volumeId: v.id, device } }], false);
    return { jobId, device };
  });
}

export function finishAttach(ecs: Ecs, s: ServerRow, args: OpArgs): void {
  const v = args.volumeId ? ecs.evs.store.volume(args.volumeId) : undefined;
  if (!v) return;
  attachVolume(ecs.evs, { volumeId: v.id, serverId: s.id, device: args.device, hostName: s.host });
}

/**
 * Detach (5.6.2 / 6.8.4): data disks any time the server is at rest; the system disk only from a
 * stopped server (6.8.4); `delete_flag` is 0 or 1.
 */
export function submitDetach(ecs: Ecs, serverId: string, volumeId: string, deleteFlag: string | null): string {
  if (deleteFlag !== null && deleteFlag !== '0' && deleteFlag !== '1') throw ecsError('Ecs.0005', 'delete_flag is 0 or 1');
  return ecs.transaction(() => {
    const s = ecs.requireServer(serverId);
    assertOperable(s, ['ACTIVE', 'SHUTOFF', 'ERROR'], 'detaching a disk');
    const a = attachmentsOfServer(ecs.evs, s.id).find((x) => x.volume_id === volumeId);
    if (!a) throw ecsError('Ecs.0111', `disk ${volumeId} is not attached to server ${s.id}`);
    const system = a.device === '/dev/vda' || a.device === '/dev/sda';
    if (system && statusOf(s) !== 'SHUTOFF') throw ecsError('Ecs.0100', `the system disk detaches from a stopped server; server ${s.id} is ${statusOf(s)}`);
    if (system && deleteFlag === '1') throw ecsError('Ecs.0005', 'a system disk cannot be detached forcibly');
    const v = ecs.evs.store.requireVolume(volumeId);
    if (v.status !== 'in-use') throw ecsError('Ecs.0100', `disk ${v.id} is ${v.status}`);
    if (v.attach_count === 1) ecs.evs.store.updateVolume(v.id, { status: 'detaching' }, ecs.evs.stamp());
    return submit(ecs, 'detach', [{ server: s, args: { volumeId } }], false);
  });
}

export function finishDetach(ecs: Ecs, s: ServerRow, args: OpArgs): void {
  if (!args.volumeId || !ecs.evs.store.volume(args.volumeId)) return;
  if (!ecs.evs.store.attachments(args.volumeId).some((a) => a.server_id === s.id)) return;
  detachVolume(ecs.evs, { volumeId: args.volumeId, serverId: s.id });
}
