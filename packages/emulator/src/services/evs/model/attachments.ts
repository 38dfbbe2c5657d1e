import { evs5400 } from '../errors.ts';
import { uuid } from '../../../server/ids.ts';
import type { Evs } from './evs.ts';
import type { AttachmentRow } from './rows.ts';
import { VOLUME_STATUSES, type VolumeStatus } from './state.ts';

export interface AttachInput {
  volumeId: string;
  serverId: string;
  /** Device name; default the server's next free `/dev/vdX`. */
  device?: string;
  hostName?: string;
}

const DEVICE_LETTERS = 'bcdefghijklmnopqrstuvwxyz';

/**
 * Attaches a disk to a server: records the attachment and puts the disk in `in-use`. Allowed from
 * `available`, from `attaching` (a reserved disk) and, for a shared (multiattach) disk, from
 * `in-use`. This is the entry point ECS uses; EVS itself only uses it for the deprecated os-attach
 * and for disks created with a server_id.
 */
export function attachVolume(evs: Evs, input: AttachInput): AttachmentRow {
  return evs.transaction(() => {
    const v = evs.store.requireVolume(input.volumeId);
    const shareable = v.multiattach === 1 && v.status === 'in-use';
    if (v.status !== 'available' && v.status !== 'attaching' && !shareable) {
      throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.status}${v.status === 'in-use' ? ' and not shareable' : ''}`);
    }
    const existing = evs.store.attachments(v.id);
    if (existing.some((a) => a.server_id === input.serverId)) {
      throw evs5400('Must specify a valid status.', `disk ${v.id} is already attached to server ${input.serverId}`);
    }
    const device = input.device ?? nextDevice(evs, input.serverId);
    const row: AttachmentRow = {
      id: uuid(),
      volume_id: v.id,
      server_id: input.serverId,
      device,
      host_name: input.hostName ?? '',
      attached_at: evs.stamp(),
    };
    evs.store.s
      .get('INSERT INTO attachments (id, volume_id, server_id, device, host_name, attached_at) VALUES (@id, @volume_id, @server_id, @device, @host_name, @attached_at)')
      .run(row);
    evs.store.updateVolume(v.id, { attach_count: v.attach_count + 1, status: 'in-use' }, row.attached_at);
    return row;
  });
}

export interface DetachInput {
  volumeId: string;
  /** Which attachment; one of these is needed when the disk has several. */
  serverId?: string;
  attachmentId?: string;
}

/** Detaches a disk; it becomes `available` when no attachment is left. */
export function detachVolume(evs: Evs, input: DetachInput): void {
  evs.transaction(() => {
    const v = evs.store.requireVolume(input.volumeId);
    const attachments = evs.store.attachments(v.id);
    const target =
      input.attachmentId !== undefined
        ? attachments.find((a) => a.id === input.attachmentId)
        : input.serverId !== undefined
          ? attachments.find((a) => a.server_id === input.serverId)
          : attachments.length === 1
            ? attachments[0]
            : undefined;
    if (!target) {
      const why = attachments.length === 0 ? 'is not attached' : 'has several attachments; name the attachment_id';
      throw evs5400('Must specify a valid status.', `disk ${v.id} ${why}`);
    }
    evs.store.s.get('DELETE FROM attachments WHERE id = ?').run(target.id);
    const left = v.attach_count - 1;
    const status = v.status === 'in-use' || v.status === 'detaching' ? (left > 0 ? 'in-use' : 'available') : v.status;
    evs.store.updateVolume(v.id, { attach_count: left, status }, evs.stamp());
  });
}

/** Sets a disk's status directly (ECS marks `attaching`/`detaching` around its own jobs). */
export function setVolumeStatus(evs: Evs, volumeId: string, status: VolumeStatus): void {
  if (!(VOLUME_STATUSES as readonly string[]).includes(status)) throw new Error(`unknown disk status ${status}`);
  evs.store.requireVolume(volumeId);
  evs.store.updateVolume(volumeId, { status }, evs.stamp());
}

export function attachmentsOfServer(evs: Evs, serverId: string): AttachmentRow[] {
  return evs.store.s.get('SELECT * FROM attachments WHERE server_id = ? ORDER BY device').all(serverId) as AttachmentRow[];
}

function nextDevice(evs: Evs, serverId: string): string {
  const used = new Set(attachmentsOfServer(evs, serverId).map((a) => a.device));
  for (const letter of DEVICE_LETTERS) {
    const device = `/dev/vd${letter}`;
    if (!used.has(device)) return device;
  }
  throw evs5400('Must specify a valid status.', `server ${serverId} has no free device name left`);
}
