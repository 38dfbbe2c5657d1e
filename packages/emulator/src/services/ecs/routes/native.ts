import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { attachmentsOfServer } from '../../evs/model/attachments.ts';
import { ecsError } from '../errors.ts';
import { FLAVORS, LIMITS, extraSpecs, flavor } from '../catalog.ts';
import type { Ecs } from '../model/ecs.ts';
import { submitAttach, submitDetach } from '../model/disks.ts';
import { bootImage, parseCreate } from '../model/create-plan.ts';
import { checkResizeQuota, submitCreate } from '../model/lifecycle.ts';
import { renderJob, submit, type OpName } from '../model/ops.ts';
import { requireKeypair } from '../model/extras.ts';
import { idempotentCreate } from '../model/idempotency.ts';
import { countPublicIps } from '../../vpc/publicips.ts';
import { assertOperable } from '../model/state.ts';
import { body, isObj, requireObjKey, serverIds } from '../model/validate.ts';

const ok = (b: unknown) => ({ status: 200, body: b });

/** ECS-native APIs of chapter 5: jobs for every change, `{"error": {"message", "code"}}` errors. */
export function nativeRoutes(ecs: Ecs): RouteSpec[] {
  const create = (ctx: RequestContext) =>
    idempotentCreate(ecs, ctx, () => {
      const b = body(ctx);
      const plan = parseCreate(ecs, requireObjKey(b, 'server'));
      if (b.dry_run === true) return { status: 202 };
      const { jobId, serverIds: ids } = submitCreate(ecs, plan);
      return ok({ job_id: jobId, serverIds: ids });
    });

  const remove = (ctx: RequestContext) => {
    const b = body(ctx);
    const ids = serverIds(b);
    for (const key of ['delete_volume', 'delete_publicip']) {
      if (b[key] !== undefined && typeof b[key] !== 'boolean') throw ecsError('Ecs.0005', `${key} must be a boolean`);
    }
    const jobId = ecs.transaction(() => {
      const servers = ids.map((id) => ecs.requireServer(id));
      // One operation at a time: a server being built, stopped or already deleted answers Ecs.0603.
      for (const s of servers) assertOperable(s, undefined, 'deleting');
      for (const s of servers) ecs.recordAction(s.id, 'delete', ctx.requestId);
      return submit(ecs, 'delete', servers.map((server) => ({ server, args: { deleteVolume: b.delete_volume === true, ...(typeof b.delete_publicip === 'boolean' ? { deletePublicIp: b.delete_publicip } : {}) } })), true);
    });
    return ok({ job_id: jobId });
  };

  /** 5.3.x: exactly one of os-start, os-stop, reboot. */
  const action = (ctx: RequestContext) => {
    const b = body(ctx);
    const keys = Object.keys(b).filter((k) => k === 'os-start' || k === 'os-stop' || k === 'reboot');
    if (keys.length !== 1) throw ecsError('Ecs.0005', 'give exactly one of os-start, os-stop, reboot');
    const key = keys[0]!;
    const o = requireObjKey(b, key);
    const ids = serverIds(o);
    const type = o.type ?? (key === 'reboot' ? undefined : 'SOFT');
    if (key !== 'os-start' && type !== 'SOFT' && type !== 'HARD') throw ecsError('Ecs.0005', 'type must be SOFT or HARD');
    const [op, need, action]: [OpName, string, string] =
      key === 'os-start' ? ['start', 'SHUTOFF', 'start'] : key === 'os-stop' ? [type === 'HARD' ? 'hardStop' : 'stop', 'ACTIVE', 'stop'] : [type === 'HARD' ? 'hardReboot' : 'reboot', 'ACTIVE', 'reboot'];
    const jobId = ecs.transaction(() => {
      const servers = ids.map((id) => ecs.requireServer(id));
      for (const s of servers) assertOperable(s, [need], action);
      for (const s of servers) ecs.recordAction(s.id, action, ctx.requestId);
      return submit(ecs, op, servers.map((server) => ({ server })), true);
    });
    return ok({ job_id: jobId });
  };

  const resize = (ctx: RequestContext) => {
    const b = body(ctx);
    const o = requireObjKey(b, 'resize');
    const f = typeof o.flavorRef === 'string' ? flavor(o.flavorRef) : undefined;
    if (!f || f.sale === 'abandon') throw ecsError('Ecs.0029', `flavorRef ${JSON.stringify(o.flavorRef)}`);
    const jobId = ecs.transaction(() => {
      const s = ecs.requireServer(ctx.params.server_id!);
      assertOperable(s, ['SHUTOFF'], 'resize (5.2.4)');
      if (s.flavor_id === f.id) throw ecsError('Ecs.0810', `server ${s.id} already has ${f.id}`);
      checkResizeQuota(ecs, s.flavor_id, f.id);
      if (b.dry_run === true) return undefined;
      ecs.recordAction(s.id, 'resize', ctx.requestId);
      return submit(ecs, 'resize', [{ server: s, args: { flavorId: f.id } }], false);
    });
    return jobId === undefined ? { status: 202 } : ok({ job_id: jobId });
  };

  /** 5.2.1 reinstall / 5.2.2 change OS: only a stopped server that has a system disk. */
  const rebuild = (change: boolean) => (ctx: RequestContext) => {
    const o = requireObjKey(body(ctx), change ? 'os-change' : 'os-reinstall');
    let imageId: string | undefined;
    if (change) {
      imageId = bootImage(ecs, o.imageid, 'imageid').id;
    }
    if (o.keyname !== undefined && typeof o.keyname !== 'string') throw ecsError('Ecs.0005', 'keyname must be a string');
    if (typeof o.keyname === 'string') requireKeypair(ecs, o.keyname);
    const meta = o.metadata;
    if (meta !== undefined && (!isObj(meta) || (meta.user_data !== undefined && typeof meta.user_data !== 'string'))) throw ecsError('Ecs.0005', 'metadata.user_data must be a base64 string');
    const jobId = ecs.transaction(() => {
      const s = ecs.requireServer(ctx.params.server_id!);
      assertOperable(s, ['SHUTOFF', 'ERROR'], change ? 'change OS' : 'reinstall OS');
      if (!attachmentsOfServer(ecs.evs, s.id).some((a) => a.device === '/dev/vda')) throw ecsError('Ecs.0105', `server ${s.id}`);
      ecs.recordAction(s.id, 'rebuild', ctx.requestId);
      const userData = isObj(meta) && typeof meta.user_data === 'string' ? meta.user_data : undefined;
      return submit(ecs, 'rebuild', [{ server: s, args: { imageId, keyName: typeof o.keyname === 'string' ? o.keyname : undefined, userData } }], false, change ? 'changeOS' : 'reinstallOS');
    });
    return ok({ job_id: jobId });
  };

  /** 5.2.3: a stopped server; `migrate.dedicated_host_id` names the DeH, null moves it to the public pool. */
  const migrate = (ctx: RequestContext) => {
    const b = body(ctx);
    if (!('migrate' in b)) throw ecsError('Ecs.0005', 'migrate is required');
    const o = b.migrate;
    if (o !== null && !isObj(o)) throw ecsError('Ecs.0005', 'migrate is an object or null');
    const dehId = isObj(o) ? o.dedicated_host_id : undefined;
    if (dehId !== undefined && typeof dehId !== 'string') throw ecsError('Ecs.0005', 'dedicated_host_id must be a string');
    const jobId = ecs.transaction(() => {
      const s = ecs.requireServer(ctx.params.server_id!);
      assertOperable(s, ['SHUTOFF'], 'cold migration');
      ecs.recordAction(s.id, 'migrate', ctx.requestId);
      const host = dehId ? `deh-${dehId.slice(0, 8)}.${s.availability_zone}` : `pod02.${s.availability_zone}`;
      return submit(ecs, 'migrate', [{ server: s, args: { host } }], false);
    });
    return ok({ job_id: jobId });
  };

  const attach = (ctx: RequestContext) => {
    const b = body(ctx);
    const o = requireObjKey(b, 'volumeAttachment');
    if (typeof o.volumeId !== 'string') throw ecsError('Ecs.0005', 'volumeAttachment.volumeId is required');
    if (o.device !== undefined && typeof o.device !== 'string') throw ecsError('Ecs.0005', 'device must be a string');
    const r = submitAttach(ecs, ctx.params.server_id!, { volumeId: o.volumeId, device: o.device as string | undefined }, b.dry_run === true);
    if (r.jobId === undefined) return { status: 202 };
    ecs.recordAction(ctx.params.server_id!, 'attach_volume', ctx.requestId);
    return ok({ job_id: r.jobId });
  };

  const detach = (ctx: RequestContext) => {
    const jobId = submitDetach(ecs, ctx.params.server_id!, ctx.params.volume_id!, ctx.query.get('delete_flag'));
    ecs.recordAction(ctx.params.server_id!, 'detach_volume', ctx.requestId);
    return ok({ job_id: jobId });
  };

  const job = (ctx: RequestContext) => {
    const j = renderJob(ecs, ctx.params.job_id!);
    if (!j) throw ecsError('Common.0011', `job ${ctx.params.job_id} does not exist`);
    return ok(j);
  };

  const flavors = (ctx: RequestContext) => {
    const az = ctx.query.get('availability_zone');
    const base = ecs.rt.endpoints().ecs;
    const list = FLAVORS.filter((f) => f.sale !== 'abandon' && (az === null || ['normal', 'obt', 'promotion'].includes(f.sale))).map((f) => ({
      id: f.id, name: f.id, vcpus: String(f.vcpus), ram: f.ram, disk: '0', swap: '', 'OS-FLV-EXT-DATA:ephemeral': 0, 'OS-FLV-DISABLED:disabled': false,
      rxtx_factor: 1, rxtx_quota: null, rxtx_cap: null, 'os-flavor-access:is_public': true,
      links: [{ rel: 'bookmark', href: `${base}/v1.0/${ecs.rt.account.projectId}/flavors/${f.id}`, type: null }], os_extra_specs: extraSpecs(f),
    }));
    return ok({ flavors: list });
  };

  const limits = () => {
    const u = ecs.usage();
    return ok({
      absolute: {
        ...LIMITS, maxTotalKeyPairs: LIMITS.maxTotalKeypairs, maxServerMetadata: LIMITS.maxServerMeta, totalServerGroupsUsed: 0,
        totalInstancesUsed: u.instances, totalCoresUsed: u.cores, totalRAMUsed: u.ram, totalSecurityGroupsUsed: 2, totalFloatingIpsUsed: countPublicIps(ecs.vpc),
      },
    });
  };

  return [
    { method: 'POST', path: '/v1/{project_id}/cloudservers', operation: 'CreateServers', handler: create },
    // The official SDK's CreateServers posts to /v1.1 (not in the seed); same body, same answer.
    { method: 'POST', path: '/v1.1/{project_id}/cloudservers', operation: 'CreateServers', handler: create },
    { method: 'POST', path: '/v1/{project_id}/cloudservers/delete', operation: 'DeleteServers', handler: remove },
    { method: 'POST', path: '/v1/{project_id}/cloudservers/action', operation: 'BatchServerAction', handler: action },
    { method: 'POST', path: '/v1/{project_id}/cloudservers/{server_id}/resize', operation: 'ResizeServer', handler: resize },
    { method: 'POST', path: '/v2/{project_id}/cloudservers/{server_id}/reinstallos', operation: 'ReinstallServerWithCloudInit', handler: rebuild(false) },
    { method: 'POST', path: '/v2/{project_id}/cloudservers/{server_id}/changeos', operation: 'ChangeServerOsWithCloudInit', handler: rebuild(true) },
    { method: 'POST', path: '/v1/{project_id}/cloudservers/{server_id}/migrate', operation: 'MigrateServer', handler: migrate },
    { method: 'POST', path: '/v1/{project_id}/cloudservers/{server_id}/attachvolume', operation: 'AttachServerVolume', handler: attach },
    { method: 'DELETE', path: '/v1/{project_id}/cloudservers/{server_id}/detachvolume/{volume_id}', operation: 'DetachServerVolume', handler: detach },
    { method: 'GET', path: '/v1/{project_id}/jobs/{job_id}', operation: 'ShowJob', handler: job },
    { method: 'GET', path: '/v1/{project_id}/cloudservers/flavors', operation: 'ListFlavors', handler: flavors },
    { method: 'GET', path: '/v1/{project_id}/cloudservers/limits', operation: 'ShowServerLimits', handler: limits },
  ];
}
