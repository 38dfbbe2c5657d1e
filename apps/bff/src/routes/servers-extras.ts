import { Router, type Request, type Response } from 'express';
import {
  ChangeServerOsSchema, ReinstallServerSchema, SetServerTagsSchema, serverTagStrings, whyNotReinstallServer,
  type KeyPair, type SecurityGroup, type ServerNic, type ServerOperation, type ServerTaskResponse,
} from '@console/contract';
import type { EcsTypes } from '@console/cloud';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import { announce, evsCall as cloudCall, pathId, refused, startTask } from './evs-tasks.ts';
import { rethrowNotFound } from './evs-lookup.ts';
import { utcIso } from './evs-map.ts';
import { ecsJob, readServer, serverRef } from './ecs-lookup.ts';

/** Nova's security group rules are ingress only; a null protocol or port means any. */
function toSecurityGroup(g: EcsTypes.ServerSecurityGroupsResponse['security_groups'][number]): SecurityGroup {
  return {
    id: g.id,
    name: g.name,
    description: g.description ?? '',
    rules: g.rules.map((r) => ({
      id: r.id,
      direction: 'ingress' as const,
      ethertype: 'IPv4' as const,
      ...(r.ip_protocol ? { protocol: r.ip_protocol } : {}),
      ...(r.from_port !== null && r.from_port >= 0 ? { portRangeMin: r.from_port } : {}),
      ...(r.to_port !== null && r.to_port >= 0 ? { portRangeMax: r.to_port } : {}),
      ...(r.ip_range.cidr ? { remoteIpPrefix: r.ip_range.cidr } : {}),
    })),
  };
}

function toNic(n: EcsTypes.InterfaceAttachment): ServerNic {
  const ip = n.fixed_ips[0];
  return { portId: n.port_id, networkId: n.net_id, ...(ip?.subnet_id ? { subnetId: ip.subnet_id } : {}), ipAddress: ip?.ip_address ?? '', mac: n.mac_addr, state: n.port_state };
}

function toOperation(a: EcsTypes.InstanceAction): ServerOperation {
  return { action: a.action, requestId: a.request_id, startedAt: utcIso(a.start_time), message: a.message ?? null, ...(a.user_id ? { userId: a.user_id } : {}) };
}

/** The login of the new system as the cloud names it; the password goes upstream only, never into the task or audit. */
const loginOf = (v: { keyName?: string | undefined; adminPass?: string | undefined }) => ({
  ...(v.keyName !== undefined ? { keyname: v.keyName } : {}),
  ...(v.adminPass !== undefined ? { adminpass: v.adminPass } : {}),
});

/** Reinstall and change OS, tags, and what the detail page reads besides the server: NICs, security groups, operations, key pairs. */
export function serverExtraRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  const rebuild = (change: boolean) => async (req: Request, res: Response) => {
    const id = pathId(req, 'server');
    const kind = change ? 'server.change-os' : 'server.reinstall';
    describeAudit(res, kind, id);
    const input: { imageId?: string; keyName?: string | undefined; adminPass?: string | undefined } = change ? parseWith(ChangeServerOsSchema, req.body) : parseWith(ReinstallServerSchema, req.body);
    const call = cloudCall(ctx, req);
    const server = await readServer(call.clients, id);
    const refusal = whyNotReinstallServer(server);
    if (refusal) throw refused(refusal);
    const r = input.imageId !== undefined
      ? await call.clients.ecs.changeServerOs(id, { 'os-change': { imageid: input.imageId, ...loginOf(input) } })
      : await call.clients.ecs.reinstallServer(id, { 'os-reinstall': loginOf(input) });
    const ref = serverRef(server);
    const task = startTask(ctx, call, {
      kind,
      targets: [ref],
      subtasks: [{ target: ref, tracking: ecsJob(r.data.job_id) }],
      upstream: { service: 'ecs', jobId: r.data.job_id, ...(r.requestId ? { requestId: r.requestId } : {}) },
    });
    announce(ctx, call, ref, 'rebuilding');
    res.status(202).json({ task } satisfies ServerTaskResponse);
  };
  router.post('/servers/:id/reinstall', operator, rebuild(false));
  router.post('/servers/:id/change-os', operator, rebuild(true));

  router.put('/servers/:id/tags', operator, async (req, res) => {
    const id = pathId(req, 'server');
    describeAudit(res, 'server.tags', id);
    const { tags } = parseWith(SetServerTagsSchema, req.body);
    const call = cloudCall(ctx, req);
    const server = await readServer(call.clients, id);
    const r = await call.clients.ecs.replaceServerTags1d(id, serverTagStrings(tags)).catch((err: unknown) => rethrowNotFound(err, `server ${id}`));
    const ref = serverRef(server);
    const task = startTask(ctx, call, {
      kind: 'server.tags',
      targets: [ref],
      subtasks: [{ target: ref, tracking: { mode: 'done' } }],
      upstream: { service: 'ecs', ...(r.requestId ? { requestId: r.requestId } : {}) },
    });
    announce(ctx, call, ref, server.status);
    res.status(202).json({ task, server: { ...server, tags } } satisfies ServerTaskResponse);
  });

  router.get('/servers/:id/nics', async (req, res) => {
    const id = pathId(req, 'server');
    const r = await cloudCall(ctx, req).clients.ecs.listInterfaces(id).catch((err: unknown) => rethrowNotFound(err, `server ${id}`));
    res.json({ items: (r.data.interfaceAttachments ?? []).map(toNic) });
  });

  router.get('/servers/:id/security-groups', async (req, res) => {
    const id = pathId(req, 'server');
    const r = await cloudCall(ctx, req).clients.ecs.listSecurityGroups(id).catch((err: unknown) => rethrowNotFound(err, `server ${id}`));
    res.json({ items: (r.data.security_groups ?? []).map(toSecurityGroup) });
  });

  router.get('/servers/:id/operations', async (req, res) => {
    const id = pathId(req, 'server');
    const r = await cloudCall(ctx, req).clients.ecs.listInstanceActions(id).catch((err: unknown) => rethrowNotFound(err, `server ${id}`));
    const items = (r.data.instanceActions ?? []).map(toOperation).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    res.json({ items });
  });

  router.get('/keypairs', async (req, res) => {
    const r = await cloudCall(ctx, req).clients.ecs.listKeypairs();
    const items: KeyPair[] = (r.data.keypairs ?? []).map(({ keypair: k }) => ({ name: k.name, fingerprint: k.fingerprint, type: k.type ?? 'ssh' }));
    res.json({ items });
  });

  return router;
}
