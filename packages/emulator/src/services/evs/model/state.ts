import { evs5400, evsError } from '../errors.ts';
import type { SnapshotRow, VolumeRow } from './rows.ts';

/** EVS disk statuses, appendix A.3 (seed 000:L20934-20964). No other value is ever stored. */
export const VOLUME_STATUSES = [
  'creating', 'available', 'in-use', 'error', 'attaching', 'detaching', 'restoring-backup', 'backing-up', 'error_restoring',
  'uploading', 'downloading', 'extending', 'error_extending', 'deleting', 'error_deleting', 'rollbacking', 'error_rollbacking',
  'awaiting-transfer',
] as const;
export type VolumeStatus = (typeof VOLUME_STATUSES)[number];

/** EVS snapshot statuses, appendix A.4 (seed 000:L20965-20979). */
export const SNAPSHOT_STATUSES = ['creating', 'available', 'error', 'deleting', 'error_deleting', 'rollbacking', 'backing-up'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

/** Where a disk rests when no operation is running: attached disks are in use. */
export function restingStatus(v: Pick<VolumeRow, 'attach_count'>): 'available' | 'in-use' {
  return v.attach_count > 0 ? 'in-use' : 'available';
}

const DELETABLE = new Set(['available', 'error', 'error_extending', 'error_restoring', 'error_rollbacking']);

/** Delete (6.1.6, 7.1.2): EVS.1046 lists the allowed statuses; error_deleting and backing-up have their own codes. */
export function assertDeletable(v: VolumeRow): void {
  if (v.status === 'error_deleting') throw evsError('EVS.2020');
  if (v.status === 'backing-up') throw evsError('EVS.2130');
  if (!DELETABLE.has(v.status)) throw evsError('EVS.1046', `disk ${v.id} is ${v.status}`);
  if (v.charging_mode === 'prePaid') throw evsError('EVS.1035', `disk ${v.id} is billed yearly/monthly; unsubscribe from it instead`);
}

/**
 * Expand (6.1.5, 7.1.10): available always; in-use only when not shared and the server is in a state
 * that allows online expansion. The seed also has EVS.1048 ("must be available"); EVS.1064 matches the
 * documented constraint and is the one used.
 */
export function assertExtendable(v: VolumeRow, serverStatus: (serverId: string) => string | undefined, attachedServers: string[]): void {
  if (v.status === 'error_extending') throw evsError('EVS.2026');
  if (v.status !== 'available' && v.status !== 'in-use') throw evsError('EVS.1064', `disk ${v.id} is ${v.status}`);
  if (v.status === 'in-use') {
    if (v.multiattach) throw evsError('EVS.1065', `shared disk ${v.id} is in-use`);
    for (const serverId of attachedServers) {
      const status = serverStatus(serverId) ?? 'ACTIVE';
      if (!['ACTIVE', 'PAUSED', 'SUSPENDED', 'SHUTOFF'].includes(status)) throw evsError('EVS.1066', `server ${serverId} is ${status}`);
    }
  }
}

/** QoS (6.1.13): "The disk must be in the available or in-use state." */
export function assertQosModifiable(v: VolumeRow): void {
  if (v.status !== 'available' && v.status !== 'in-use') throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.status}; QoS can be changed when it is available or in-use`);
}

/**
 * Snapshot source (6.2.1, 7.2.1): a disk at rest; `force` is needed while it is attaching — the
 * seed's wording, where upstream OpenStack would say in-use.
 */
export function assertSnapshotSource(v: VolumeRow, force: boolean): void {
  if (v.status === 'available' || v.status === 'in-use') return;
  if (v.status === 'attaching' && force) return;
  const hint = v.status === 'attaching' ? '; set force to true to snapshot an attaching disk' : '';
  throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.status}${hint}`);
}

/** Rollback (6.2.6): only to the snapshot's own disk, when it is available or error_rollbacking. */
export function assertRollback(s: SnapshotRow, v: VolumeRow): void {
  if (s.name.startsWith('autobk_snapshot_')) throw evs5400('Must specify a valid status.', 'snapshots created by backups (autobk_snapshot_*) cannot be rolled back');
  if (s.status !== 'available') throw evs5400('Must specify a valid status.', `snapshot ${s.id} is ${s.status}`);
  if (v.status !== 'available' && v.status !== 'error_rollbacking') {
    throw evs5400('Must specify a valid status.', `disk ${v.id} is ${v.status}; a rollback needs it available or error_rollbacking`);
  }
}

/** Snapshot delete (6.2.2, 7.2.2): available or error only. */
export function assertSnapshotDeletable(s: SnapshotRow): void {
  if (s.name.startsWith('autobk_snapshot_')) throw evs5400('Must specify a valid status.', 'snapshots created by backups (autobk_snapshot_*) cannot be deleted');
  if (s.status === 'error_deleting') throw evsError('EVS.2019');
  if (s.status !== 'available' && s.status !== 'error') throw evsError('EVS.1047', `snapshot ${s.id} is ${s.status}`);
}

/** Disk creation from a snapshot (EVS.2043). */
export function assertSnapshotUsable(s: SnapshotRow): void {
  if (s.status !== 'available' && s.status !== 'backing-up') throw evsError('EVS.2043', `snapshot ${s.id} is ${s.status}`);
}
