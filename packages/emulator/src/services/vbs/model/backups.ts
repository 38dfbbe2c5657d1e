import { isUuid, uuid } from '../../../server/ids.ts';
import type { RequestContext } from '../../../server/types.ts';
import { setDataVersion } from '../../evs/model/data-version.ts';
import { restingStatus } from '../../evs/model/state.ts';
import { vbsError } from '../errors.ts';
import { VBS_DURATION, vbsTime, type Vbs, type VbsBackupRow } from './vbs.ts';
import { isObj, parseTags } from './validate.ts';

/** Manual names: ≤64 of Chinese, letters, digits, _ and -; never starting with "auto" (kept for policy backups). */
const NAME = /^[\u4e00-\u9fa5A-Za-z0-9_-]+$/;

export interface BackupJob {
  backupId: string;
  volumeId: string;
  taskId?: string;
  fail?: string;
}

/** Starts a backup of a disk (manual or by a policy): a job `bksCreateBackup`, the disk `backing-up` meanwhile. */
export function startBackup(vbs: Vbs, o: { volumeId: string; name: string; description: string; tags: unknown[]; policyId?: string; taskId?: string }, at = vbs.now()): { jobId: string; backupId: string } {
  const v = vbs.evs.store.volume(o.volumeId);
  if (!v) throw vbsError('VolumeBackup.0021', `volume ${o.volumeId}`);
  if (v.status === 'backing-up' || vbs.s.get("SELECT 1 FROM vbs_backups WHERE volume_id = ? AND status = 'creating'").get(o.volumeId)) {
    throw vbsError('VolumeBackup.0013', `volume ${o.volumeId}`);
  }
  if (v.status !== 'available' && v.status !== 'in-use') throw vbsError('VolumeBackup.0012', `volume ${o.volumeId} is ${v.status}`);
  const backupId = uuid();
  const snapshotId = uuid();
  const dv = vbs.s.get('SELECT data_version FROM volumes WHERE id = ?').get(v.id) as { data_version: number };
  const fail = vbs.rt.faults.takeJobFailure('bksCreateBackup');
  vbs.s
    .get(`INSERT INTO vbs_backups (id, volume_id, name, description, status, size, availability_zone, snapshot_id, policy_id, data_version, tags, created_ms, updated_ms)
          VALUES (?, ?, ?, ?, 'creating', ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(backupId, v.id, o.name, o.description, v.size, v.availability_zone, snapshotId, o.policyId ?? null, dv.data_version, JSON.stringify(o.tags), at, at);
  vbs.evs.store.updateVolume(v.id, { status: 'backing-up' }, vbs.evs.stamp(at));
  const payload: BackupJob = { backupId, volumeId: v.id, ...(o.taskId ? { taskId: o.taskId } : {}), ...(fail ? { fail: fail.message } : {}) };
  const jobId = vbs.rt.jobs.create({
    jobType: 'bksCreateBackup',
    entities: { bks_create_volume_name: 'autobk_volume', backup_id: backupId, volume_id: v.id, snapshot_id: snapshotId },
    internal: payload as unknown as Record<string, unknown>,
  });
  vbs.rt.scheduler.schedule('vbs.job.start', VBS_DURATION.jobInit, { jobId }, at);
  return { jobId, backupId };
}

export function parseCreate(ctx: RequestContext): { volumeId: string; name: string; description: string; tags: unknown[] } {
  const body = ctx.json();
  if (!isObj(body) || !isObj(body.backup)) throw vbsError('VolumeBackup.0002');
  const b = body.backup;
  if (b.name === undefined || b.name === null || b.name === '') throw vbsError('VolumeBackup.0007');
  if (typeof b.name !== 'string') throw vbsError('VolumeBackup.0004');
  if (b.name.length > 64) throw vbsError('VolumeBackup.0003');
  if (!NAME.test(b.name)) throw vbsError('VolumeBackup.0004');
  if (b.name.startsWith('auto')) throw vbsError('VolumeBackup.0005');
  const description = b.description ?? '';
  if (typeof description !== 'string' || description.length > 64 || /[<>]/.test(description)) throw vbsError('VolumeBackup.0006');
  if (b.volume_id === undefined || b.volume_id === null || b.volume_id === '') throw vbsError('VolumeBackup.0010');
  if (!isUuid(b.volume_id)) throw vbsError('VolumeBackup.0011');
  const tags = b.tags === undefined || b.tags === null ? [] : parseTags(b.tags, 10, 'VolumeBackup.0049', 'VolumeBackup.0050');
  return { volumeId: b.volume_id, name: b.name, description, tags };
}

/** POST /cloudbackups/{id}/restore: onto an existing, available disk at least as large as the backup. */
export function startRestore(vbs: Vbs, backupId: string, body: unknown, at = vbs.now()): string {
  if (!backupId) throw vbsError('VolumeBackup.0203');
  if (!isUuid(backupId)) throw vbsError('VolumeBackup.0204');
  if (!isObj(body) || !isObj(body.restore)) throw vbsError('VolumeBackup.0210');
  const volumeId = body.restore.volume_id;
  if (typeof volumeId !== 'string' || volumeId === '') throw vbsError('VolumeBackup.0208');
  const b = vbs.backup(backupId);
  if (!b) throw vbsError('VolumeBackup.0111', `backup ${backupId}`);
  if (b.status !== 'available') throw vbsError('VolumeBackup.0089', `backup ${backupId} is ${b.status}`);
  const v = vbs.evs.store.volume(volumeId);
  if (!v) throw vbsError('VolumeBackup.0111', `volume ${volumeId}`);
  if (v.status === 'backing-up') throw vbsError('VolumeBackup.0206');
  if (v.status === 'error') throw vbsError('VolumeBackup.0202');
  if (v.status !== 'available') throw vbsError('VolumeBackup.0205', `volume ${volumeId} is ${v.status}`);
  if (v.size < b.size) throw vbsError('VolumeBackup.0209', `volume ${v.size} GB, backup ${b.size} GB`);
  const fail = vbs.rt.faults.takeJobFailure('bksRestoreBackup');
  vbs.setBackup(b.id, { status: 'restoring' }, at);
  vbs.evs.store.updateVolume(v.id, { status: 'restoring-backup' }, vbs.evs.stamp(at));
  const jobId = vbs.rt.jobs.create({
    jobType: 'bksRestoreBackup',
    entities: { backup_id: b.id, volume_id: v.id },
    internal: { backupId: b.id, volumeId: v.id, ...(fail ? { fail: fail.message } : {}) },
  });
  vbs.rt.scheduler.schedule('vbs.job.start', VBS_DURATION.jobInit, { jobId }, at);
  return jobId;
}

/** DELETE /backups/{id} (OpenStack-native, spec §11): 202, the backup `deleting` until its job ends. */
export function startDelete(vbs: Vbs, backupId: string, at = vbs.now()): void {
  const b = vbs.backup(backupId);
  if (!b) throw vbsError('VolumeBackup.0111', `backup ${backupId}`);
  if (b.status !== 'available' && b.status !== 'error') throw vbsError('VolumeBackup.0089', `backup ${backupId} is ${b.status}`);
  vbs.setBackup(b.id, { status: 'deleting' }, at);
  const jobId = vbs.rt.jobs.create({ jobType: 'bksDeleteBackup', entities: { backup_id: b.id }, internal: { backupId: b.id } });
  vbs.rt.scheduler.schedule('vbs.job.start', VBS_DURATION.jobInit, { jobId }, at);
}

/** Ends a job's work; returns the failure reason, if any. */
export function finishJob(vbs: Vbs, jobType: string, p: { backupId: string; volumeId?: string; fail?: string }, at: number): string | undefined {
  const b = vbs.backup(p.backupId);
  const stamp = vbs.evs.stamp(at);
  if (jobType === 'bksDeleteBackup') {
    vbs.s.get('DELETE FROM vbs_shares WHERE backup_id = ?').run(p.backupId);
    vbs.s.get('DELETE FROM vbs_backups WHERE id = ?').run(p.backupId);
    return undefined;
  }
  const v = p.volumeId ? vbs.evs.store.volume(p.volumeId) : undefined;
  if (jobType === 'bksCreateBackup') {
    if (b?.status === 'creating') vbs.setBackup(b.id, p.fail ? { status: 'error', fail_reason: p.fail } : { status: 'available' }, at);
    if (v?.status === 'backing-up') vbs.evs.store.updateVolume(v.id, { status: restingStatus(v) }, stamp);
    return p.fail;
  }
  if (b?.status === 'restoring') vbs.setBackup(b.id, { status: 'available' }, at);
  if (v?.status === 'restoring-backup') {
    if (p.fail) vbs.evs.store.updateVolume(v.id, { status: 'error_restoring' }, stamp);
    else {
      vbs.evs.store.updateVolume(v.id, { status: restingStatus(v) }, stamp);
      if (b) setDataVersion(vbs.evs, v.id, b.data_version, at);
    }
  }
  return p.fail;
}

export function renderBackup(vbs: Vbs, b: VbsBackupRow): Record<string, unknown> {
  const base = vbs.rt.endpoints().vbs;
  const pid = vbs.rt.account.projectId;
  return {
    availability_zone: b.availability_zone,
    container: null,
    created_at: vbsTime(b.created_ms),
    data_timestamp: vbsTime(b.created_ms),
    description: b.description,
    fail_reason: b.fail_reason,
    has_dependent_backups: false,
    id: b.id,
    is_incremental: (vbs.s.get('SELECT count(*) AS n FROM vbs_backups WHERE volume_id = ? AND created_ms < ?').get(b.volume_id, b.created_ms) as { n: number }).n > 0,
    name: b.name,
    object_count: 0,
    size: b.size,
    snapshot_id: b.snapshot_id,
    status: b.status,
    updated_at: vbsTime(b.updated_ms),
    volume_id: b.volume_id,
    service_metadata: null,
    links: [{ href: `${base}/v2/${pid}/backups/${b.id}`, rel: 'self' }],
    'os-bak-tenant-attr:tenant_id': pid,
  };
}

export function listBackups(vbs: Vbs, q: URLSearchParams): VbsBackupRow[] {
  let rows = vbs.s.get('SELECT * FROM vbs_backups ORDER BY created_ms DESC, seq DESC').all() as VbsBackupRow[];
  const name = q.get('name');
  if (name) rows = rows.filter((r) => r.name === name);
  const status = q.get('status');
  if (status) rows = rows.filter((r) => r.status === status);
  const volumeId = q.get('volume_id');
  if (volumeId) rows = rows.filter((r) => r.volume_id === volumeId);
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const limit = Math.max(1, Math.min(1000, Number(q.get('limit') ?? 1000) || 1000));
  return rows.slice(offset, offset + limit);
}

