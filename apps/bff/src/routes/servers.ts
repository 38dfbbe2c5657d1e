import { Router } from 'express';
import {
  CreateServerSchema, FlavorListQuerySchema, ServerListQuerySchema, UpdateServerSchema,
  serverTagStrings, type CreateServer, type EcsQuotas, type ResourceRef, type ServerTaskResponse, type TaskError,
} from '@console/contract';
import type { CloudClients, EcsTypes } from '@console/cloud';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import { announce, evsCall as cloudCall, pathId, startTask, taskErrorOf } from './evs-tasks.ts';
import { rethrowNotFound } from './evs-lookup.ts';
import { flavorStatusIn, toEcsQuotas, toFlavor, toServer } from './ecs-map.ts';
import { checkFlavor, ecsJob, FlavorCache, mapLimit, readServer, serverRef, subJobsByServer, trackingFor } from './ecs-lookup.ts';
import { serverNames } from './ecs-names.ts';
import { imageNames, nameImages } from './ecs-images.ts';
import { listServerPage } from './servers-list.ts';
import { serverActionRoutes } from './servers-actions.ts';
import { serverVolumeRoutes } from './servers-volumes.ts';
import { serverExtraRoutes } from './servers-extras.ts';
import { checkBootImage } from './images.ts';
import { checkServerNetwork } from './networks.ts';

/** ECS servers: list, read, create, rename, flavors and quotas here; operations in servers-actions.ts and servers-volumes.ts. */
export function serverRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const flavors = new FlavorCache();

  router.get('/servers', async (req, res) => {
    const q = parseWith(ServerListQuerySchema, req.query);
    const call = cloudCall(ctx, req);
    const [flavorMap, images] = await Promise.all([flavors.orEmpty(call.clients, call.profile.id), imageNames(ctx).names(call.clients, call.profile.id)]);
    const page = await listServerPage(call.clients, flavorMap, q);
    nameImages(page.items, images);
    for (const s of page.items) serverNames(ctx).remember(call.profile.id, s.id, s.name);
    res.json(page);
  });

  router.get('/servers/:id', async (req, res) => {
    const id = pathId(req, 'server');
    const call = cloudCall(ctx, req);
    const server = await readServer(call.clients, id, await flavors.orEmpty(call.clients, call.profile.id));
    nameImages([server], await imageNames(ctx).names(call.clients, call.profile.id));
    serverNames(ctx).remember(call.profile.id, id, server.name);
    // The block device view adds device, boot index and size to the bare ids of the server object.
    const devices = (await call.clients.ecs.listBlockDevices(id).catch((err: unknown) => rethrowNotFound(err, `server ${id}`))).data.volumeAttachments ?? [];
    const byId = new Map(devices.map((d) => [d.volumeId || d.id, d]));
    server.disks = server.disks.map((d) => {
      const b = byId.get(d.diskId);
      if (!b) return d;
      const size = Number(b.size);
      return { ...d, device: b.device, bootIndex: b.bootIndex ?? null, system: b.bootIndex === 0, ...(size > 0 ? { sizeGiB: size } : {}) };
    });
    res.json(server);
  });

  router.post('/servers', requireRole('operator'), async (req, res) => {
    describeAudit(res, 'server.create');
    const input = parseWith(CreateServerSchema, req.body);
    const call = cloudCall(ctx, req);
    checkFlavor((await flavors.get(call.clients, call.profile.id)).get(input.flavorId), input.availabilityZone);
    await Promise.all([
      checkBootImage(call.clients, input.imageId, input.rootVolume.sizeGiB),
      checkServerNetwork(call.clients, input.vpcId, input.nics.map((n) => n.subnetId), input.securityGroupIds),
    ]);
    const created = await call.clients.ecs.createServers(createRequest(input));
    const { job_id: jobId, serverIds: ids = [] } = created.data;
    describeAudit(res, 'server.create', ids.join(','));
    const subJobs = ids.length > 0 ? await subJobsByServer(call.clients, jobId) : new Map<string, string>();
    const tagFailures = await tagNewServers(call.clients, ids, input.tags);
    // 5.1.1: with count > 1 the cloud names them name-0000, name-0001… in creation order.
    const refs: ResourceRef[] = ids.map((id, i) => ({ type: 'server', id, name: ids.length > 1 ? `${input.name}-${String(i).padStart(4, '0')}` : input.name }));
    for (const r of refs) serverNames(ctx).remember(call.profile.id, r.id, r.name!);
    const task = startTask(ctx, call, {
      kind: 'server.create',
      targets: refs,
      subtasks: refs.length
        ? refs.map((ref) => ({ target: ref, tracking: trackingFor(jobId, subJobs, ref.id), ...(tagFailures.has(ref.id) ? { error: tagFailures.get(ref.id)! } : {}) }))
        : [{ tracking: ecsJob(jobId) }],
      upstream: { service: 'ecs', jobId, ...(created.requestId ? { requestId: created.requestId } : {}) },
    });
    res.status(202).json({ task } satisfies ServerTaskResponse);
  });

  router.patch('/servers/:id', requireRole('operator'), async (req, res) => {
    const id = pathId(req, 'server');
    describeAudit(res, 'server.update', id);
    const input = parseWith(UpdateServerSchema, req.body);
    const call = cloudCall(ctx, req);
    const body = { server: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description } : {}) } };
    const updated = await call.clients.ecs.updateServer(id, body).catch((err: unknown) => rethrowNotFound(err, `server ${id}`));
    const server = toServer(updated.data.server, await flavors.orEmpty(call.clients, call.profile.id));
    serverNames(ctx).remember(call.profile.id, id, server.name);
    const ref = serverRef(server);
    const task = startTask(ctx, call, {
      kind: 'server.update',
      targets: [ref],
      subtasks: [{ target: ref, tracking: { mode: 'done' } }],
      upstream: { service: 'ecs', ...(updated.requestId ? { requestId: updated.requestId } : {}) },
    });
    announce(ctx, call, ref, server.status);
    res.status(202).json({ task, server } satisfies ServerTaskResponse);
  });

  router.get('/flavors', async (req, res) => {
    const q = parseWith(FlavorListQuerySchema, req.query);
    const r = await cloudCall(ctx, req).clients.ecs.listFlavors(q.availabilityZone ? { availability_zone: q.availabilityZone } : {});
    // `abandon` flavors are not shown (5.4.1).
    const items = (r.data.flavors ?? [])
      .map(toFlavor)
      .filter((f) => flavorStatusIn(f, q.availabilityZone) !== 'abandon' && (q.vcpus === undefined || f.vcpus === q.vcpus) && (q.ramMiB === undefined || f.ramMiB === q.ramMiB));
    res.json({ items });
  });

  router.get('/quotas/ecs', async (req, res) => {
    const r = await cloudCall(ctx, req).clients.ecs.showLimits();
    res.json(toEcsQuotas(r.data.absolute) satisfies EcsQuotas);
  });

  router.use(serverActionRoutes(ctx, flavors));
  router.use(serverVolumeRoutes(ctx));
  router.use(serverExtraRoutes(ctx));
  return router;
}

/**
 * The v1 create takes no tags (Table 5-3); Nova's 1D tags, which the server object and the list
 * filter read, may be set while the server is still building. A server whose tags were refused
 * still gets built, and its subtask says what went wrong.
 */
async function tagNewServers(clients: CloudClients, ids: string[], tags: Readonly<Record<string, string>>): Promise<Map<string, TaskError>> {
  const failures = new Map<string, TaskError>();
  if (ids.length === 0 || Object.keys(tags).length === 0) return failures;
  const strings = serverTagStrings(tags);
  await mapLimit(ids, 8, async (id) => {
    try {
      await clients.ecs.replaceServerTags1d(id, strings);
    } catch (err) {
      const e = taskErrorOf(err);
      failures.set(id, { ...e, message: `The server is being created, but its tags were refused: ${e.message}` });
    }
  });
  return failures;
}

function createRequest(input: CreateServer): EcsTypes.CreateServersRequest {
  return {
    server: {
      name: input.name,
      count: input.count,
      flavorRef: input.flavorId,
      imageRef: input.imageId,
      vpcid: input.vpcId,
      nics: input.nics.map((n) => ({ subnet_id: n.subnetId, ...(n.ipAddress ? { ip_address: n.ipAddress } : {}) })),
      root_volume: { volumetype: input.rootVolume.type, ...(input.rootVolume.sizeGiB !== undefined ? { size: input.rootVolume.sizeGiB } : {}) },
      ...(input.dataVolumes.length ? { data_volumes: input.dataVolumes.map((d) => ({ volumetype: d.type, size: d.sizeGiB, ...(d.shared ? { multiattach: true } : {}) })) } : {}),
      ...(input.securityGroupIds.length ? { security_groups: input.securityGroupIds.map((id) => ({ id })) } : {}),
      ...(input.availabilityZone ? { availability_zone: input.availabilityZone } : {}),
      ...(input.adminPass !== undefined ? { adminPass: input.adminPass } : {}),
      ...(input.keyName !== undefined ? { key_name: input.keyName } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    },
  };
}
