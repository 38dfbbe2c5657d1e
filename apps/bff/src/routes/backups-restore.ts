import { Router } from 'express';
import { isCloudError } from '@console/cloud';
import { RestoreBackupSchema, whyNotRestore, whyNotRestoreOnto, type Backup, type BackupTaskResponse, type Disk, type ResourceRef } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { Tracking } from '../tasks/types.ts';
import { backupRef, readBackup } from './cbr-lookup.ts';
import { readDisk } from './evs-lookup.ts';
import { evsCall, fieldError, pathId, refused, startTask, type EvsCall } from './evs-tasks.ts';

interface Target { backupId: string; disk: Disk; sizeGiB: number }

const diskRef = (d: Disk): ResourceRef => ({ type: 'disk', id: d.id, ...(d.name ? { name: d.name } : {}) });

/**
 * The restore answers 202 with no body and no job: each target disk is `restoring-backup` until
 * the restore ends, then at rest again (or `error_restoring`), so each disk is one subtask. A
 * failure takes the cloud's reason from the restore's operation log.
 */
const restoreTracking = (d: Disk, backupId: string): Tracking => ({
  mode: 'resource', service: 'evs', resource: diskRef(d), success: ['available', 'in-use'], failure: ['error_restoring'],
  explain: { service: 'cbr', operation: 'restore', backupId },
});

export function restoreRoutes(ctx: ConsoleContext): Router {
  const router = Router();

  router.post('/backups/:id/restore', requireRole('operator'), async (req, res) => {
    const id = pathId(req, 'backup');
    describeAudit(res, 'backup.restore', id);
    const input = parseWith(RestoreBackupSchema, req.body);
    const call = evsCall(ctx, req);
    const backup = await readBackup(call.clients, id);
    const refusal = whyNotRestore(backup);
    if (refusal) throw refused(refusal);
    const targets = backup.resourceType === 'disk' ? await diskTarget(call, backup, input.diskId) : await serverTargets(call, backup, input.mappings);
    if (backup.resourceType === 'disk' && input.mappings) throw fieldError('mappings', 'only for server backups; give diskId for a disk backup');
    for (const t of targets) {
      const why = whyNotRestoreOnto(t.disk, t.sizeGiB);
      if (why) throw refused(why);
    }
    const r = await call.clients.cbr.restoreBackup(id, {
      restore: backup.resourceType === 'disk'
        ? { volume_id: targets[0]!.disk.id }
        : { server_id: backup.resourceId, power_on: input.powerOn, mappings: targets.map((t) => ({ backup_id: t.backupId, volume_id: t.disk.id })) },
    });
    const refs = targets.map((t) => diskRef(t.disk));
    const task = startTask(ctx, call, {
      kind: 'backup.restore',
      targets: [backupRef(backup), ...(backup.resourceType === 'server' ? [{ type: 'server' as const, id: backup.resourceId, ...(backup.resourceName ? { name: backup.resourceName } : {}) }] : []), ...refs],
      subtasks: targets.map((t) => ({ target: diskRef(t.disk), tracking: restoreTracking(t.disk, backup.id) })),
      upstream: { service: 'cbr', ...(r.requestId ? { requestId: r.requestId } : {}) },
    });
    res.status(202).json({ task } satisfies BackupTaskResponse);
  });

  return router;
}

async function targetDisk(call: EvsCall, id: string, field: string): Promise<Disk> {
  try {
    return await readDisk(call.clients, id);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) throw fieldError(field, `no disk ${id} in this project; restore onto an existing disk`);
    throw err;
  }
}

/** A disk backup goes onto its own disk unless another is named. */
async function diskTarget(call: EvsCall, backup: Backup, diskId: string | undefined): Promise<Target[]> {
  return [{ backupId: backup.id, disk: await targetDisk(call, diskId ?? backup.resourceId, 'diskId'), sizeGiB: backup.sizeGiB }];
}

/** A server backup goes back onto the same server (2003), each disk backup onto a disk attached to it. */
async function serverTargets(call: EvsCall, backup: Backup, mappings: { backupId: string; diskId: string }[] | undefined): Promise<Target[]> {
  const attached = await attachedDisks(call, backup.resourceId);
  const plan = mappings ?? backup.disks.map((d) => ({ backupId: d.id, diskId: d.diskId }));
  if (plan.length === 0) throw refused({ code: 'BACKUP_NOT_RESTORABLE', message: 'This server backup holds no disk backups to restore' });
  return Promise.all(plan.map(async (m, i) => {
    const source = backup.disks.find((d) => d.id === m.backupId);
    if (!source) throw fieldError(`mappings.${i}.backupId`, `not a disk backup of this server backup; choose one of ${backup.disks.map((d) => d.id).join(', ')}`);
    if (!attached.includes(m.diskId)) throw fieldError(`mappings.${i}.diskId`, `disk ${m.diskId} is not attached to ${backup.resourceName || backup.resourceId}; a server backup restores onto the server's own disks`);
    return { backupId: m.backupId, disk: await targetDisk(call, m.diskId, `mappings.${i}.diskId`), sizeGiB: source.sizeGiB };
  }));
}

async function attachedDisks(call: EvsCall, serverId: string): Promise<string[]> {
  try {
    const r = await call.clients.evs.listDisks({ server_id: serverId, limit: 100 });
    return (r.data.volumes ?? []).map((v) => v.id);
  } catch (err) {
    if (isCloudError(err) && err.httpStatus === 404) return [];
    throw err;
  }
}
