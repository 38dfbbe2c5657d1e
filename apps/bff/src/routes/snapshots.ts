import { Router } from 'express';
import {
  BatchIdsSchema, CreateSnapshotSchema, RefusalCodes, RollbackSnapshotSchema, SnapshotListQuerySchema, UpdateSnapshotSchema,
  whyNotDeleteSnapshot, whyNotRollback, whyNotSnapshotDisk,
  type ResourceRef, type Snapshot, type SnapshotPage, type SnapshotTaskResponse,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { NewSubtask } from '../tasks/service.ts';
import type { Tracking } from '../tasks/types.ts';
import { toSnapshot } from './evs-map.ts';
import { disksByIds, readDisk, readSnapshot, rethrowNotFound, snapshotWithDiskName } from './evs-lookup.ts';
import { announce, batchSubtasks, doneTask, evsCall, fieldError, pathId, refused, refusedItem, startTask, taskErrorOf, type EvsCall, upstreamOf } from './evs-tasks.ts';

const snapshotRef = (s: Pick<Snapshot, 'id' | 'name'>): ResourceRef => ({ type: 'snapshot', id: s.id, ...(s.name ? { name: s.name } : {}) });

/** Snapshots have no jobs: each operation is followed through the snapshot's (or, for a rollback, the disk's) status. */
const deleteTracking = (ref: ResourceRef): Tracking => ({ mode: 'resource', service: 'evs', resource: ref, success: [], failure: ['error_deleting'], goneMeansSuccess: true });

export function snapshotRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.get('/snapshots', async (req, res) => {
    const q = parseWith(SnapshotListQuerySchema, req.query);
    const { clients } = evsCall(ctx, req);
    const r = await clients.evs.listSnapshots({
      limit: q.limit,
      ...(q.offset > 0 ? { offset: q.offset } : {}),
      ...(q.diskId ? { volume_id: q.diskId } : {}),
      ...(q.name ? { name: q.name } : {}),
      ...(q.status ? { status: q.status } : {}),
    });
    const snapshots = r.data.snapshots ?? [];
    const disks = snapshots.length ? await disksByIds(clients, snapshots.map((s) => s.volume_id)) : new Map();
    const body: SnapshotPage = { items: snapshots.map((s) => toSnapshot(s, disks.get(s.volume_id)?.name)), total: r.data.count };
    res.json(body);
  });

  router.get('/snapshots/:id', async (req, res) => {
    const id = pathId(req, 'snapshot');
    const { clients } = evsCall(ctx, req);
    res.json(await snapshotWithDiskName(clients, await readSnapshot(clients, id)));
  });

  router.post('/snapshots', operator, async (req, res) => {
    describeAudit(res, 'snapshot.create');
    const input = parseWith(CreateSnapshotSchema, req.body);
    const call = evsCall(ctx, req);
    const disk = await readDisk(call.clients, input.diskId).catch((err: unknown) => {
      throw err instanceof HttpError && err.status === 404 ? fieldError('diskId', 'no such disk in this project') : err;
    });
    const refusal = whyNotSnapshotDisk(disk, input.force);
    if (refusal) throw refused(refusal);
    const r = await call.clients.evs.createSnapshot({
      snapshot: {
        volume_id: disk.id,
        force: input.force,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      },
    });
    const snapshot = toSnapshot(r.data.snapshot, disk.name);
    describeAudit(res, 'snapshot.create', snapshot.id);
    const ref = snapshotRef(snapshot);
    const task = startTask(ctx, call, {
      kind: 'snapshot.create',
      targets: [ref, { type: 'disk', id: disk.id, ...(disk.name ? { name: disk.name } : {}) }],
      subtasks: [{ target: ref, tracking: { mode: 'resource', service: 'evs', resource: ref, success: ['available'], failure: ['error'] } }],
      upstream: upstreamOf('evs', r.requestId),
    });
    res.status(202).json({ task, snapshot } satisfies SnapshotTaskResponse);
  });

  router.patch('/snapshots/:id', operator, async (req, res) => {
    const id = pathId(req, 'snapshot');
    describeAudit(res, 'snapshot.update', id);
    const input = parseWith(UpdateSnapshotSchema, req.body);
    const call = evsCall(ctx, req);
    const fields = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description } : {}) };
    const r = await call.clients.evs.updateSnapshot(id, { snapshot: fields }).catch((err: unknown) => rethrowNotFound(err, `snapshot ${id}`));
    const snapshot = await snapshotWithDiskName(call.clients, r.data.snapshot);
    const ref = snapshotRef(snapshot);
    const task = doneTask(ctx, call, 'snapshot.update', ref, upstreamOf('evs', r.requestId));
    announce(ctx, call, ref, snapshot.status);
    res.status(202).json({ task, snapshot } satisfies SnapshotTaskResponse);
  });

  router.delete('/snapshots/:id', operator, async (req, res) => {
    const id = pathId(req, 'snapshot');
    describeAudit(res, 'snapshot.delete', id);
    const call = evsCall(ctx, req);
    const snapshot = toSnapshot(await readSnapshot(call.clients, id));
    const refusal = whyNotDeleteSnapshot(snapshot);
    if (refusal) throw refused(refusal);
    const r = await call.clients.evs.deleteSnapshot(id);
    const ref = snapshotRef(snapshot);
    const task = startTask(ctx, call, { kind: 'snapshot.delete', targets: [ref], subtasks: [{ target: ref, tracking: deleteTracking(ref) }], upstream: upstreamOf('evs', r.requestId) });
    res.status(202).json({ task } satisfies SnapshotTaskResponse);
  });

  router.post('/snapshots/batch-delete', operator, async (req, res) => {
    describeAudit(res, 'snapshot.batch-delete');
    const { ids } = parseWith(BatchIdsSchema, req.body);
    describeAudit(res, 'snapshot.batch-delete', ids.join(','));
    const call = evsCall(ctx, req);
    const subtasks = await batchSubtasks(ids, 8, (id) => deleteOne(call, id));
    const task = startTask(ctx, call, { kind: 'snapshot.delete', targets: subtasks.map((s) => s.target!), subtasks, upstream: { service: 'evs' } });
    res.status(202).json({ task } satisfies SnapshotTaskResponse);
  });

  router.post('/snapshots/:id/rollback', operator, async (req, res) => {
    const id = pathId(req, 'snapshot');
    describeAudit(res, 'snapshot.rollback', id);
    const input = parseWith(RollbackSnapshotSchema, req.body);
    const call = evsCall(ctx, req);
    const snapshot = toSnapshot(await readSnapshot(call.clients, id));
    // 6.2.6: "you can only restore the data to the original disk".
    if (input.diskId !== undefined && input.diskId !== snapshot.diskId) {
      throw fieldError('diskId', `a snapshot rolls back only onto its own disk, ${snapshot.diskId}`);
    }
    const disk = await readDisk(call.clients, snapshot.diskId);
    const refusal = whyNotRollback(snapshot, disk);
    if (refusal) throw refused(refusal);
    const r = await call.clients.evs.rollbackSnapshot(id, { rollback: { volume_id: disk.id, ...(input.name !== undefined ? { name: input.name } : {}) } });
    const diskRef: ResourceRef = { type: 'disk', id: disk.id, ...(disk.name ? { name: disk.name } : {}) };
    const task = startTask(ctx, call, {
      kind: 'snapshot.rollback',
      targets: [diskRef, snapshotRef({ id: snapshot.id, name: snapshot.name })],
      subtasks: [{ target: diskRef, tracking: { mode: 'resource', service: 'evs', resource: diskRef, success: ['available'], failure: ['error_rollbacking'] } }],
      upstream: upstreamOf('evs', r.requestId),
    });
    res.status(202).json({ task } satisfies SnapshotTaskResponse);
  });

  return router;
}

async function deleteOne(call: EvsCall, id: string): Promise<NewSubtask> {
  let snapshot: Snapshot;
  try {
    snapshot = toSnapshot(await readSnapshot(call.clients, id));
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return refusedItem({ type: 'snapshot', id }, { code: RefusalCodes.notFound, message: `No snapshot ${id} in this project` });
    return { target: { type: 'snapshot', id }, tracking: { mode: 'done' }, error: taskErrorOf(err) };
  }
  const ref = snapshotRef(snapshot);
  const refusal = whyNotDeleteSnapshot(snapshot);
  if (refusal) return refusedItem(ref, refusal);
  try {
    await call.clients.evs.deleteSnapshot(id);
    return { target: ref, tracking: deleteTracking(ref) };
  } catch (err) {
    return { target: ref, tracking: { mode: 'done' }, error: taskErrorOf(err) };
  }
}
