import { Router } from 'express';
import {
  AttachVolumeSchema, ConsoleLogQuerySchema, ErrorCodes, RefusalCodes, ResourceIdSchema, ServerRefusalCodes, whyNotAttachDisk, whyNotDetachDisk,
  type Disk, type Server, type ServerDisk, type ServerTaskResponse,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import { announce, evsCall as cloudCall, pathId, refused, startTask } from './evs-tasks.ts';
import { disksByIds, readDisk, rethrowNotFound } from './evs-lookup.ts';
import { ROOT_DEVICE, toServerDisk } from './ecs-map.ts';
import { ecsJob, readServer, serverRef } from './ecs-lookup.ts';

const diskRef = (d: Pick<Disk, 'id' | 'name'>) => ({ type: 'disk' as const, id: d.id, ...(d.name ? { name: d.name } : {}) });

/** EVS.1036 and 6.8.3: an available disk in the server's zone, or a shared one not yet on this server. */
function whyNotAttachThis(server: Server, disk: Disk) {
  if (disk.attachments.some((a) => a.serverId === server.id)) return { code: RefusalCodes.diskInUse, message: `${disk.name || disk.id} is already attached to ${server.name}` };
  const shareable = disk.shared && disk.status === 'in-use';
  if (disk.status !== 'available' && !shareable) {
    return { code: RefusalCodes.diskStatus, message: `${disk.name || disk.id} is ${disk.status}; a disk is attached when available${disk.shared ? '' : ' (or in-use and shared)'}` };
  }
  if (disk.availabilityZone !== server.availabilityZone) {
    return { code: 'DISK_ZONE', message: `${disk.name || disk.id} is in ${disk.availabilityZone} and ${server.name} in ${server.availabilityZone}; a disk attaches within its zone` };
  }
  return undefined;
}

/** A server's disks, its console output, and attaching and detaching disks (each an ECS job). */
export function serverVolumeRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.get('/servers/:id/volumes', async (req, res) => {
    const id = pathId(req, 'server');
    const { clients } = cloudCall(ctx, req);
    const devices = (await clients.ecs.listBlockDevices(id).catch((err: unknown) => rethrowNotFound(err, `server ${id}`))).data.volumeAttachments ?? [];
    const disks = await disksByIds(clients, devices.map((d) => d.volumeId || d.id));
    const items: ServerDisk[] = devices.map((b) => {
      const d = toServerDisk(b);
      const v = disks.get(d.diskId);
      return v ? { ...d, name: v.name ?? '', type: v.volume_type, status: v.status, sizeGiB: d.sizeGiB ?? v.size } : d;
    });
    res.json({ items });
  });

  router.post('/servers/:id/volumes', operator, async (req, res) => {
    const id = pathId(req, 'server');
    describeAudit(res, 'server.attach-disk', id);
    const input = parseWith(AttachVolumeSchema, req.body);
    describeAudit(res, 'server.attach-disk', `${id}/${input.diskId}`);
    const call = cloudCall(ctx, req);
    const [server, disk] = await Promise.all([readServer(call.clients, id), readDisk(call.clients, input.diskId)]);
    const refusal = whyNotAttachDisk(server) ?? whyNotAttachThis(server, disk);
    if (refusal) throw refused(refusal);
    const r = await call.clients.ecs.attachVolume(id, { volumeAttachment: { volumeId: disk.id, ...(input.device ? { device: input.device } : {}) } });
    const dRef = diskRef(disk);
    const task = startTask(ctx, call, {
      kind: 'server.attach-disk',
      targets: [serverRef(server), dRef],
      subtasks: [{ target: dRef, tracking: ecsJob(r.data.job_id) }],
      upstream: { service: 'ecs', jobId: r.data.job_id, ...(r.requestId ? { requestId: r.requestId } : {}) },
    });
    if (disk.status === 'available') announce(ctx, call, dRef, 'attaching');
    res.status(202).json({ task } satisfies ServerTaskResponse);
  });

  router.delete('/servers/:id/volumes/:diskId', operator, async (req, res) => {
    const id = pathId(req, 'server');
    const diskId = String(req.params.diskId);
    if (!ResourceIdSchema.safeParse(diskId).success) throw new HttpError(404, ErrorCodes.notFound, `No disk "${diskId}"`);
    describeAudit(res, 'server.detach-disk', `${id}/${diskId}`);
    const call = cloudCall(ctx, req);
    const [server, disk] = await Promise.all([readServer(call.clients, id), readDisk(call.clients, diskId)]);
    const attachment = disk.attachments.find((a) => a.serverId === id);
    if (!attachment) throw refused({ code: ServerRefusalCodes.status, message: `${disk.name || disk.id} is not attached to ${server.name}` });
    const refusal = whyNotDetachDisk(server, ROOT_DEVICE.test(attachment.device));
    if (refusal) throw refused(refusal);
    const r = await call.clients.ecs.detachVolume(id, diskId);
    const dRef = diskRef(disk);
    const task = startTask(ctx, call, {
      kind: 'server.detach-disk',
      targets: [serverRef(server), dRef],
      subtasks: [{ target: dRef, tracking: ecsJob(r.data.job_id) }],
      upstream: { service: 'ecs', jobId: r.data.job_id, ...(r.requestId ? { requestId: r.requestId } : {}) },
    });
    if (disk.attachments.length === 1) announce(ctx, call, dRef, 'detaching');
    res.status(202).json({ task } satisfies ServerTaskResponse);
  });

  router.get('/servers/:id/console-log', async (req, res) => {
    const id = pathId(req, 'server');
    const { lines } = parseWith(ConsoleLogQuerySchema, req.query);
    const r = await cloudCall(ctx, req).clients.ecs.showConsoleOutput(id, lines).catch((err: unknown) => rethrowNotFound(err, `server ${id}`));
    res.json({ output: r.data.output ?? '' });
  });

  return router;
}
