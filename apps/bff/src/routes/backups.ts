import { Router } from 'express';
import {
  BackupListQuerySchema, BatchIdsSchema, OperationLogQuerySchema, RefusalCodes, whyNotDeleteBackup,
  type Backup, type BackupPage, type BackupTaskResponse, type OperationLogPage,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { NewSubtask } from '../tasks/service.ts';
import type { Tracking } from '../tasks/types.ts';
import { cbrQueryTime, toBackup, toOperationLog } from './cbr-map.ts';
import { backupRef, readBackup, runningProgress, vaultNames } from './cbr-lookup.ts';
import { batchSubtasks, evsCall, pathId, refused, refusedItem, startTask, taskErrorOf, type EvsCall, upstreamOf } from './evs-tasks.ts';
import { restoreRoutes } from './backups-restore.ts';
import { backupMemberRoutes } from './backups-members.ts';

/** 204 and a `delete` operation log: the backup is deleting until it is gone. */
const deleteTracking = (b: Backup): Tracking => ({ mode: 'resource', service: 'cbr', resource: backupRef(b), success: [], failure: ['error'], goneMeansSuccess: true });

/** CBR backups across vaults, their deletion, and CBR's own task list; restores in backups-restore.ts. */
export function backupRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.get('/backups', async (req, res) => {
    const q = parseWith(BackupListQuerySchema, req.query);
    const { clients } = evsCall(ctx, req);
    const [page, names] = await Promise.all([
      clients.cbr.listBackups({
        limit: q.limit,
        offset: q.offset,
        sort: 'created_at:desc',
        ...(q.vaultId ? { vault_id: q.vaultId } : {}),
        ...(q.resourceId ? { resource_id: q.resourceId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.name ? { name: q.name } : {}),
        ...(q.since ? { start_time: cbrQueryTime(q.since) } : {}),
        ...(q.until ? { end_time: cbrQueryTime(q.until) } : {}),
      }),
      vaultNames(clients),
    ]);
    const backups = page.data.backups ?? [];
    const progress = await runningProgress(clients, backups);
    const body: BackupPage = { items: backups.map((b) => toBackup(b, names.get(b.vault_id), progress.get(b.id))), total: page.data.count };
    res.json(body);
  });

  router.get('/backups/:id', async (req, res) => {
    res.json(await readBackup(evsCall(ctx, req).clients, pathId(req, 'backup')));
  });

  router.delete('/backups/:id', operator, async (req, res) => {
    const id = pathId(req, 'backup');
    describeAudit(res, 'backup.delete', id);
    const call = evsCall(ctx, req);
    const backup = await readBackup(call.clients, id);
    const refusal = whyNotDeleteBackup(backup);
    if (refusal) throw refused(refusal);
    const r = await call.clients.cbr.deleteBackup(id);
    const ref = backupRef(backup);
    const task = startTask(ctx, call, { kind: 'backup.delete', targets: [ref], subtasks: [{ target: ref, tracking: deleteTracking(backup) }], upstream: upstreamOf('cbr', r.requestId) });
    res.status(202).json({ task } satisfies BackupTaskResponse);
  });

  router.post('/backups/batch-delete', operator, async (req, res) => {
    describeAudit(res, 'backup.batch-delete');
    const { ids } = parseWith(BatchIdsSchema, req.body);
    describeAudit(res, 'backup.batch-delete', ids.join(','));
    const call = evsCall(ctx, req);
    const subtasks = await batchSubtasks(ids, 8, (id) => deleteOne(call, id));
    const task = startTask(ctx, call, { kind: 'backup.delete', targets: subtasks.map((s) => s.target!), subtasks, upstream: { service: 'cbr' } });
    res.status(202).json({ task } satisfies BackupTaskResponse);
  });

  router.get('/operation-logs', async (req, res) => {
    const q = parseWith(OperationLogQuerySchema, req.query);
    const r = await evsCall(ctx, req).clients.cbr.listOperationLogs({
      limit: q.limit,
      offset: q.offset,
      ...(q.vaultId ? { vault_id: q.vaultId } : {}),
      ...(q.resourceId ? { resource_id: q.resourceId } : {}),
      ...(q.type ? { operation_type: q.type } : {}),
      ...(q.status ? { status: q.status } : {}),
    });
    const body: OperationLogPage = { items: (r.data.operation_logs ?? []).map(toOperationLog), total: r.data.count };
    res.json(body);
  });

  router.use(restoreRoutes(ctx));
  router.use(backupMemberRoutes(ctx));
  return router;
}

/** One item of a batch delete: refused with its reason, failed with the cloud's answer, or tracked. */
async function deleteOne(call: EvsCall, id: string): Promise<NewSubtask> {
  let backup: Backup;
  try {
    backup = await readBackup(call.clients, id);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return refusedItem({ type: 'backup', id }, { code: RefusalCodes.notFound, message: `No backup ${id} in this project` });
    return { target: { type: 'backup', id }, tracking: { mode: 'done' }, error: taskErrorOf(err) };
  }
  const ref = backupRef(backup);
  const refusal = whyNotDeleteBackup(backup);
  if (refusal) return refusedItem(ref, refusal);
  try {
    await call.clients.cbr.deleteBackup(id);
    return { target: ref, tracking: deleteTracking(backup) };
  } catch (err) {
    return { target: ref, tracking: { mode: 'done' }, error: taskErrorOf(err) };
  }
}
