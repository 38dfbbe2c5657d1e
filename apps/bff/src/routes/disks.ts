import { Router } from 'express';
import { isCloudError, normalizeJob, type CloudClients } from '@console/cloud';
import { CreateDiskSchema, DiskListQuerySchema, UpdateDiskSchema, type CreateDisk, type DiskTaskResponse, type ResourceRef } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import { toDisk } from './evs-map.ts';
import { readDisk, rethrowNotFound, VolumeTypeCache } from './evs-lookup.ts';
import { announce, evsCall, evsJob, fieldError, jobOrDiskStatus, pathId, startTask } from './evs-tasks.ts';
import { listDiskPage } from './disks-list.ts';
import { diskActionRoutes } from './disks-actions.ts';
import { evsCatalogRoutes } from './evs-catalog.ts';
import { fillServerNames } from './ecs-names.ts';

/** EVS disks: list, read, create, rename here; operations on one disk in disks-actions.ts; form data in evs-catalog.ts. */
export function diskRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const types = new VolumeTypeCache();

  router.get('/disks', async (req, res) => {
    const q = parseWith(DiskListQuerySchema, req.query);
    const call = evsCall(ctx, req);
    const page = await listDiskPage(call.clients, call.profile.id, types, q);
    await fillServerNames(ctx, call.clients, call.profile.id, page.items);
    res.json(page);
  });

  router.get('/disks/:id', async (req, res) => {
    const id = pathId(req, 'disk');
    const call = evsCall(ctx, req);
    const disk = await readDisk(call.clients, id);
    await fillServerNames(ctx, call.clients, call.profile.id, [disk]);
    res.json(disk);
  });

  router.post('/disks', requireRole('operator'), async (req, res) => {
    describeAudit(res, 'disk.create');
    const input = parseWith(CreateDiskSchema, req.body);
    const call = evsCall(ctx, req);
    if (input.snapshotId) await checkSnapshotSource(call.clients, input.snapshotId, input.sizeGiB);
    const created = await call.clients.evs.createDisks(createRequest(input));
    const { job_id: jobId, volume_ids: ids = [] } = created.data;
    describeAudit(res, 'disk.create', ids.join(','));
    const subJobs = jobId && ids.length > 1 ? await subJobsByDisk(call.clients, jobId) : new Map<string, SubJob>();
    const refs: ResourceRef[] = ids.map((id) => {
      const name = subJobs.get(id)?.name ?? input.name;
      return { type: 'disk', id, ...(name ? { name } : {}) };
    });
    const subtasks = refs.length
      ? refs.map((ref) => {
          const sub = subJobs.get(ref.id);
          return { target: ref, tracking: sub ? evsJob(sub.jobId) : jobOrDiskStatus(jobId, ref, ['available', 'in-use'], ['error']) };
        })
      : [{ tracking: jobId ? evsJob(jobId) : ({ mode: 'done' } as const) }];
    const task = startTask(ctx, call, {
      kind: 'disk.create',
      targets: refs,
      subtasks,
      upstream: { service: 'evs', ...(jobId ? { jobId } : {}), ...(created.requestId ? { requestId: created.requestId } : {}) },
    });
    const body: DiskTaskResponse = { task };
    res.status(202).json(body);
  });

  router.patch('/disks/:id', requireRole('operator'), async (req, res) => {
    const id = pathId(req, 'disk');
    describeAudit(res, 'disk.update', id);
    const input = parseWith(UpdateDiskSchema, req.body);
    const call = evsCall(ctx, req);
    const volume = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description } : {}) };
    const updated = await call.clients.evs.updateDisk(id, { volume }).catch((err: unknown) => rethrowNotFound(err, `disk ${id}`));
    // 6.1.2 answers with the disk at the top level, not wrapped in `volume`.
    const disk = toDisk(updated.data);
    const ref: ResourceRef = { type: 'disk', id, name: disk.name };
    const task = startTask(ctx, call, {
      kind: 'disk.update',
      targets: [ref],
      subtasks: [{ target: ref, tracking: { mode: 'done' } }],
      upstream: { service: 'evs', ...(updated.requestId ? { requestId: updated.requestId } : {}) },
    });
    announce(ctx, call, ref, disk.status);
    const body: DiskTaskResponse = { task, disk };
    res.status(202).json(body);
  });

  router.use(diskActionRoutes(ctx));
  router.use(evsCatalogRoutes(ctx, types));
  return router;
}

function createRequest(input: CreateDisk) {
  const metadata: Record<string, string> = {};
  if (input.kmsKeyId) {
    metadata.__system__encrypted = '1';
    metadata.__system__cmkid = input.kmsKeyId;
  }
  if (input.scsi) metadata['hw:passthrough'] = 'true';
  return {
    volume: {
      availability_zone: input.availabilityZone,
      volume_type: input.type,
      size: input.sizeGiB,
      count: input.count,
      multiattach: input.shared,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.iops !== undefined ? { iops: input.iops } : {}),
      ...(input.throughput !== undefined ? { throughput: input.throughput } : {}),
      ...(Object.keys(input.tags).length ? { tags: input.tags } : {}),
      ...(Object.keys(metadata).length ? { metadata } : {}),
      ...(input.snapshotId ? { snapshot_id: input.snapshotId } : {}),
    },
  };
}

/** A disk can be made from an available snapshot, at least as large (EVS.2043, EVS.1010). */
async function checkSnapshotSource(clients: CloudClients, snapshotId: string, sizeGiB: number): Promise<void> {
  let snapshot;
  try {
    snapshot = (await clients.evs.showSnapshot(snapshotId)).data.snapshot;
  } catch (err) {
    if (isCloudError(err) && err.httpStatus === 404) throw fieldError('snapshotId', 'no such snapshot in this project');
    throw err;
  }
  if (snapshot.status !== 'available' && snapshot.status !== 'backing-up') {
    throw fieldError('snapshotId', `the snapshot is ${snapshot.status}; a disk can be made from an available snapshot`);
  }
  if (sizeGiB < snapshot.size) throw fieldError('sizeGiB', `at least the snapshot's ${snapshot.size} GiB`);
}

interface SubJob { jobId: string; name?: string }

/**
 * A batch creation is one job with a sub-job per disk. Tracking each disk by its own sub-job lets
 * one failed disk fail alone. Where the cloud does not list the sub-jobs yet, every disk follows
 * the parent job instead.
 */
async function subJobsByDisk(clients: CloudClients, jobId: string): Promise<Map<string, SubJob>> {
  const out = new Map<string, SubJob>();
  try {
    const job = normalizeJob((await clients.evs.showJob(jobId)).data);
    for (const s of job.subJobs) {
      const { volume_id: id, name } = s.entities;
      if (typeof id === 'string' && s.jobId) out.set(id, { jobId: s.jobId, ...(typeof name === 'string' && name ? { name } : {}) });
    }
  } catch (err) {
    if (!isCloudError(err)) throw err;
  }
  return out;
}
