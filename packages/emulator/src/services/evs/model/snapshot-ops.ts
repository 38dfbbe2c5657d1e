import { uuid } from '../../../server/ids.ts';
import { evs5400, evsError } from '../errors.ts';
import { bumpDataVersion } from './data-version.ts';
import { DURATION, type Evs } from './evs.ts';
import type { SnapshotRow } from './rows.ts';
import { assertRollback, assertSnapshotDeletable, assertSnapshotSource, restingStatus } from './state.ts';
import type { Failure } from './volume-ops.ts';
import { DESCRIPTION_MAX, NAME_MAX, checkMetadata, optBool, optString, requireObj, type Obj } from './validate.ts';

export interface SnapshotInput {
  volumeId: string;
  name: string;
  description: string | null;
  metadata: Record<string, string>;
  force: boolean;
}

/**
 * Name and description limits: the text says 64/85 characters while the same cells give "Maximum:
 * 255" (6.2.1); the SDKs do not check either, and the stated character limits are used.
 */
function checkText(o: Obj): { name?: string; description?: string | null } {
  const name = optString(o, 'name');
  if (name !== undefined && [...name].length > NAME_MAX) throw evs5400('Malformed request body.', `snapshot name is longer than ${NAME_MAX} characters`);
  const description = o.description === null ? null : optString(o, 'description');
  if (description && [...description].length > DESCRIPTION_MAX) {
    throw evs5400('Malformed request body.', `snapshot description is longer than ${DESCRIPTION_MAX} characters`);
  }
  return { name, description };
}

export function parseSnapshotCreate(body: unknown): SnapshotInput {
  const o = requireObj((body as Obj | null)?.snapshot, 'EVS.5400', 'snapshot');
  const volumeId = optString(o, 'volume_id');
  if (!volumeId) throw evsError('EVS.1002', 'snapshot.volume_id is required');
  const text = checkText(o);
  return {
    volumeId,
    name: text.name ?? '',
    description: text.description ?? null,
    metadata: o.metadata === undefined || o.metadata === null ? {} : checkMetadata(o.metadata, 'snapshot.metadata'),
    force: optBool(o, 'force') ?? false,
  };
}

export function createSnapshot(evs: Evs, input: SnapshotInput): SnapshotRow {
  const v = evs.store.requireVolume(input.volumeId);
  assertSnapshotSource(v, input.force);
  evs.quotas.checkSnapshot(v.volume_type);
  const id = uuid();
  evs.store.insertSnapshot({
    id,
    volume_id: v.id,
    name: input.name,
    description: input.description,
    status: 'creating',
    size: v.size,
    metadata: JSON.stringify(input.metadata),
    volume_type: v.volume_type,
    availability_zone: v.availability_zone,
    service_type: v.service_type,
    enterprise_project_id: v.enterprise_project_id,
    dedicated_storage_id: v.dedicated_storage_id,
    dedicated_storage_name: v.dedicated_storage_name,
    created_at: evs.stamp(),
    updated_at: null,
  });
  evs.rt.scheduler.schedule('evs.snapshot.create', DURATION.snapshotCreate, { snapshotId: id, fail: evs.rt.faults.takeJobFailure('createSnapshot') });
  return evs.store.requireSnapshot(id);
}

export function finishSnapshotCreate(evs: Evs, snapshotId: string, at: number, fail?: Failure): void {
  const s = evs.store.snapshot(snapshotId);
  if (!s || s.status !== 'creating') return;
  evs.store.updateSnapshot(snapshotId, { status: fail ? 'error' : 'available' }, evs.stamp(at));
}

export function updateSnapshot(evs: Evs, s: SnapshotRow, body: unknown): SnapshotRow {
  const o = requireObj((body as Obj | null)?.snapshot, 'EVS.5400', 'snapshot');
  const text = checkText(o);
  const fields: Partial<SnapshotRow> = {};
  if (text.name !== undefined) fields.name = text.name;
  if (text.description !== undefined) fields.description = text.description;
  evs.store.updateSnapshot(s.id, fields, evs.stamp());
  return evs.store.requireSnapshot(s.id);
}

export function deleteSnapshot(evs: Evs, s: SnapshotRow): void {
  assertSnapshotDeletable(s);
  evs.store.updateSnapshot(s.id, { status: 'deleting' }, evs.stamp());
  evs.rt.scheduler.schedule('evs.snapshot.delete', DURATION.snapshotDelete, { snapshotId: s.id, fail: evs.rt.faults.takeJobFailure('deleteSnapshot') });
}

export function finishSnapshotDelete(evs: Evs, snapshotId: string, at: number, fail?: Failure): void {
  const s = evs.store.snapshot(snapshotId);
  if (!s || s.status !== 'deleting') return;
  if (fail) evs.store.updateSnapshot(snapshotId, { status: 'error_deleting' }, evs.stamp(at));
  else evs.store.deleteSnapshot(snapshotId);
}

/** Rollback (6.2.6): disk and snapshot are `rollbacking` until the data is restored. */
export function rollbackSnapshot(evs: Evs, s: SnapshotRow, body: unknown): string {
  const o = requireObj((body as Obj | null)?.rollback, 'EVS.5400', 'rollback');
  const volumeId = optString(o, 'volume_id');
  if (!volumeId) throw evsError('EVS.1002', 'rollback.volume_id is required');
  if (volumeId !== s.volume_id) throw evs5400('Request body and URI mismatch.', `snapshot ${s.id} belongs to disk ${s.volume_id}, not ${volumeId}`);
  const name = optString(o, 'name');
  if (name !== undefined && [...name].length > NAME_MAX) throw evsError('EVS.1003', `name is longer than ${NAME_MAX} characters`);
  const v = evs.store.requireVolume(volumeId);
  assertRollback(s, v);
  const at = evs.stamp();
  evs.store.updateVolume(v.id, { status: 'rollbacking' }, at);
  evs.store.updateSnapshot(s.id, { status: 'rollbacking' }, at);
  evs.rt.scheduler.schedule('evs.snapshot.rollback', DURATION.rollback, {
    snapshotId: s.id,
    volumeId: v.id,
    name,
    fail: evs.rt.faults.takeJobFailure('rollbackSnapshot'),
  });
  return v.id;
}

export function finishRollback(evs: Evs, p: { snapshotId: string; volumeId: string; name?: string; fail?: Failure }, at: number): void {
  const stamp = evs.stamp(at);
  const s = evs.store.snapshot(p.snapshotId);
  if (s && s.status === 'rollbacking') evs.store.updateSnapshot(s.id, { status: 'available' }, stamp);
  const v = evs.store.volume(p.volumeId);
  if (!v || v.status !== 'rollbacking') return;
  if (p.fail) evs.store.updateVolume(v.id, { status: 'error_rollbacking' }, stamp);
  else {
    evs.store.updateVolume(v.id, p.name ? { status: restingStatus(v), name: p.name } : { status: restingStatus(v) }, stamp);
    bumpDataVersion(evs, v.id, at);
  }
}
