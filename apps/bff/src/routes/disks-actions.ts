import { Router } from 'express';
import {
  BatchIdsSchema, DiskQosSchema, ExpandDiskSchema, RefusalCodes, SetDiskTagsSchema, expandSizeIssue, qosIssues, whyNotChangeQos,
  whyNotDeleteDisk, whyNotExpandDisk, type Disk, type DiskTaskResponse, type ResourceRef,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { NewSubtask } from '../tasks/service.ts';
import type { Tracking } from '../tasks/types.ts';
import { readDisk } from './evs-lookup.ts';
import { announce, batchSubtasks, doneTask, evsCall, evsJob, fieldError, fieldErrors, jobOrDiskStatus, pathId, refused, refusedItem, startTask, taskErrorOf, type EvsCall, upstreamOf } from './evs-tasks.ts';

const diskRef = (d: Pick<Disk, 'id' | 'name'>): ResourceRef => ({ type: 'disk', id: d.id, ...(d.name ? { name: d.name } : {}) });

/** Operations on existing disks. Each checks first what the cloud would refuse, to say why in words. */
export function diskActionRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.post('/disks/:id/expand', operator, async (req, res) => {
    const id = pathId(req, 'disk');
    describeAudit(res, 'disk.expand', id);
    const { newSizeGiB } = parseWith(ExpandDiskSchema, req.body);
    const call = evsCall(ctx, req);
    const disk = await readDisk(call.clients, id);
    const refusal = whyNotExpandDisk(disk);
    if (refusal) throw refused(refusal);
    const sizeIssue = expandSizeIssue(disk, newSizeGiB);
    if (sizeIssue) throw fieldError('newSizeGiB', sizeIssue);
    const r = await call.clients.evs.expandDisk(id, { 'os-extend': { new_size: newSizeGiB } });
    const ref = diskRef(disk);
    const task = startTask(ctx, call, {
      kind: 'disk.expand',
      targets: [ref],
      subtasks: [{ target: ref, tracking: jobOrDiskStatus(r.data?.job_id, ref, ['available', 'in-use'], ['error_extending']) }],
      upstream: upstreamOf('evs', r.requestId, r.data?.job_id),
    });
    res.status(202).json({ task } satisfies DiskTaskResponse);
  });

  router.put('/disks/:id/qos', operator, async (req, res) => {
    const id = pathId(req, 'disk');
    describeAudit(res, 'disk.qos', id);
    const input = parseWith(DiskQosSchema, req.body);
    const call = evsCall(ctx, req);
    const disk = await readDisk(call.clients, id);
    const refusal = whyNotChangeQos(disk);
    if (refusal) throw refused(refusal);
    const issues = qosIssues({ type: disk.type, sizeGiB: disk.sizeGiB, iops: input.iops, throughput: input.throughput, currentThroughput: disk.throughput }, 'modify');
    if (issues.length) throw fieldErrors(issues);
    const r = await call.clients.evs.modifyQos(id, { qos_modify: { iops: input.iops, ...(input.throughput !== undefined ? { throughput: input.throughput } : {}) } });
    const ref = diskRef(disk);
    const task = startTask(ctx, call, {
      kind: 'disk.qos',
      targets: [ref],
      subtasks: [{ target: ref, tracking: jobOrDiskStatus(r.data?.job_id, ref, ['available', 'in-use'], ['error']) }],
      upstream: upstreamOf('evs', r.requestId, r.data?.job_id),
    });
    res.status(202).json({ task } satisfies DiskTaskResponse);
  });

  router.put('/disks/:id/tags', operator, async (req, res) => {
    const id = pathId(req, 'disk');
    describeAudit(res, 'disk.tags', id);
    const { tags } = parseWith(SetDiskTagsSchema, req.body);
    const call = evsCall(ctx, req);
    const disk = await readDisk(call.clients, id);
    const removed = Object.keys(disk.tags).filter((k) => !(k in tags));
    const changed = Object.entries(tags).filter(([k, v]) => disk.tags[k] !== v);
    // Deleting first keeps the disk within its 10 tags while one key replaces another.
    let requestId: string | undefined;
    if (removed.length) requestId = (await call.clients.evs.batchDeleteTags(id, removed.map((key) => ({ key })))).requestId;
    if (changed.length) requestId = (await call.clients.evs.batchCreateTags(id, changed.map(([key, value]) => ({ key, value })))).requestId ?? requestId;
    const ref = diskRef(disk);
    const task = doneTask(ctx, call, 'disk.tags', ref, upstreamOf('evs', requestId));
    if (removed.length || changed.length) announce(ctx, call, ref, disk.status);
    res.status(202).json({ task, disk: { ...disk, tags: { ...tags } } } satisfies DiskTaskResponse);
  });

  router.delete('/disks/:id', operator, async (req, res) => {
    const id = pathId(req, 'disk');
    describeAudit(res, 'disk.delete', id);
    const call = evsCall(ctx, req);
    const disk = await readDisk(call.clients, id);
    const refusal = whyNotDeleteDisk(disk);
    if (refusal) throw refused(refusal);
    const r = await call.clients.evs.deleteDisk(id);
    const ref = diskRef(disk);
    const task = startTask(ctx, call, {
      kind: 'disk.delete',
      targets: [ref],
      subtasks: [{ target: ref, tracking: deleteTracking(r.data?.job_id, ref) }],
      upstream: upstreamOf('evs', r.requestId, r.data?.job_id),
    });
    res.status(202).json({ task } satisfies DiskTaskResponse);
  });

  router.post('/disks/batch-delete', operator, async (req, res) => {
    describeAudit(res, 'disk.batch-delete');
    const { ids } = parseWith(BatchIdsSchema, req.body);
    describeAudit(res, 'disk.batch-delete', ids.join(','));
    const call = evsCall(ctx, req);
    const subtasks = await batchSubtasks(ids, 8, (id) => deleteOne(call, id));
    const task = startTask(ctx, call, { kind: 'disk.delete', targets: subtasks.map((s) => s.target!), subtasks, upstream: { service: 'evs' } });
    res.status(202).json({ task } satisfies DiskTaskResponse);
  });

  return router;
}

/** The delete job where the cloud gives one; otherwise the disk's disappearance. */
function deleteTracking(jobId: string | undefined, ref: ResourceRef): Tracking {
  return jobId ? evsJob(jobId) : { mode: 'resource', service: 'evs', resource: ref, success: [], failure: ['error_deleting'], goneMeansSuccess: true };
}

/** One item of a batch delete: refused with its reason, failed with the cloud's answer, or tracked. */
async function deleteOne(call: EvsCall, id: string): Promise<NewSubtask> {
  let disk: Disk;
  try {
    disk = await readDisk(call.clients, id);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return refusedItem({ type: 'disk', id }, { code: RefusalCodes.notFound, message: `No disk ${id} in this project` });
    return { target: { type: 'disk', id }, tracking: { mode: 'done' }, error: taskErrorOf(err) };
  }
  const ref = diskRef(disk);
  const refusal = whyNotDeleteDisk(disk);
  if (refusal) return refusedItem(ref, refusal);
  try {
    const r = await call.clients.evs.deleteDisk(id);
    return { target: ref, tracking: deleteTracking(r.data?.job_id, ref) };
  } catch (err) {
    return { target: ref, tracking: { mode: 'done' }, error: taskErrorOf(err) };
  }
}
