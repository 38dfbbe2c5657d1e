import type { Reply, RouteSpec } from '../../../server/types.ts';
import { vbsError } from '../errors.ts';
import { listBackups, parseCreate, renderBackup, startBackup, startDelete, startRestore } from '../model/backups.ts';
import { countShares, createShares, deleteShares, listShares, setBackupTags, showShare } from '../model/tags-shares.ts';
import type { Vbs } from '../model/vbs.ts';
import { isObj } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

function obj(body: unknown) {
  if (!isObj(body)) throw vbsError('AutoBackup.0008');
  return body;
}

/** Backups, jobs, sharing and backup tags (seed 003 §5.1) plus the OpenStack-native list/show/delete (spec §11). */
export function backupRoutes(vbs: Vbs): RouteSpec[] {
  const p = '/v2/{project_id}';
  const job = (id: string) => {
    const row = vbs.rt.jobs.get(id);
    // The job store is shared with EVS and ECS; VBS answers only for its own jobs.
    if (!row || !row.job_type.startsWith('bks')) throw vbsError('common.0011', `job ${id}`);
    const out = vbs.rt.jobs.render(row);
    // VBS lists sub_jobs at the top level, empty when there are none (seed 003 L718-733).
    return { ...out, error_code: row.error_code, fail_reason: row.fail_reason, sub_jobs: [] };
  };
  return [
    {
      method: 'POST', path: `${p}/cloudbackups`, operation: 'CreateBackup',
      handler: (ctx) => {
        const input = parseCreate(ctx);
        vbs.refuseIfMigrated();
        return ok({ job_id: vbs.transaction(() => startBackup(vbs, input)).jobId });
      },
    },
    { method: 'POST', path: `${p}/cloudbackups/{backup_id}/restore`, operation: 'RestoreBackup', handler: (ctx) => ok({ job_id: vbs.transaction(() => startRestore(vbs, ctx.params.backup_id!, ctx.rawBody?.length ? ctx.json() : undefined)) }) },
    { method: 'GET', path: '/v1/{project_id}/jobs/{job_id}', operation: 'ShowJob', handler: (ctx) => ok(job(ctx.params.job_id!)) },
    { method: 'GET', path: `${p}/backups/detail`, operation: 'ListBackupsDetails', handler: (ctx) => ok({ backups: listBackups(vbs, ctx.query).map((b) => renderBackup(vbs, b)) }) },
    {
      method: 'GET', path: `${p}/backups`, operation: 'ListBackups',
      handler: (ctx) => ok({ backups: listBackups(vbs, ctx.query).map((b) => { const r = renderBackup(vbs, b); return { id: r.id, name: r.name, links: r.links }; }) }),
    },
    {
      method: 'GET', path: `${p}/backups/{backup_id}`, operation: 'ShowBackup',
      handler: (ctx) => {
        const b = vbs.backup(ctx.params.backup_id!);
        if (!b) throw vbsError('VolumeBackup.0111', `backup ${ctx.params.backup_id}`);
        return ok({ backup: renderBackup(vbs, b) });
      },
    },
    { method: 'DELETE', path: `${p}/backups/{backup_id}`, operation: 'DeleteBackup', handler: (ctx) => (vbs.transaction(() => startDelete(vbs, ctx.params.backup_id!)), { status: 202 }) },
    { method: 'POST', path: `${p}/os-vendor-backups/{backup_id}/tags/action`, operation: 'BatchCreateAndDeleteBackupTags', handler: (ctx) => (setBackupTags(vbs, ctx.params.backup_id!, obj(ctx.json())), { status: 204 }) },
    { method: 'POST', path: `${p}/os-vendor-backup-sharing`, operation: 'CreateShare', handler: (ctx) => ok({ shared: createShares(vbs, obj(ctx.json())) }) },
    { method: 'GET', path: `${p}/os-vendor-backup-sharing/detail`, operation: 'ListShares', handler: (ctx) => ok({ shared: listShares(vbs, ctx.query) }) },
    { method: 'GET', path: `${p}/os-vendor-backup-sharing/count`, operation: 'CountShares', handler: (ctx) => ok({ count: countShares(vbs, ctx.query) }) },
    { method: 'GET', path: `${p}/os-vendor-backup-sharing/{id}`, operation: 'ShowShare', handler: (ctx) => ok({ shared: showShare(vbs, ctx.params.id!) }) },
    {
      method: 'DELETE', path: `${p}/os-vendor-backup-sharing/{id}`, operation: 'DeleteShare',
      handler: (ctx) => (deleteShares(vbs, ctx.params.id!, ctx.query.get('is_backup_id') === 'true'), { status: 200 }),
    },
  ];
}
