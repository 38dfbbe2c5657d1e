import { randomBytes } from 'node:crypto';
import type { RequestContext, Reply, RouteSpec } from '../../../server/types.ts';
import { attachmentsOfServer } from '../../evs/model/attachments.ts';
import { ecsError, novaBad, novaNotFound, novaRoute } from '../errors.ts';
import { flavor } from '../catalog.ts';
import { bootImage } from '../model/create-plan.ts';
import type { Ecs } from '../model/ecs.ts';
import { submitAttach, submitDetach } from '../model/disks.ts';
import { createServerImage } from '../model/images.ts';
import { checkResizeQuota } from '../model/lifecycle.ts';
import { submit } from '../model/ops.ts';
import { atLeast, microversion, renderBrief, renderServer, versionHeaders, type Microversion } from '../model/render.ts';
import type { ServerRow } from '../model/rows.ts';
import { assertOperable, FILTER_STATUSES, statusOf } from '../model/state.ts';
import { body, isObj } from '../model/validate.ts';
import { changeSecurityGroup } from './network.ts';
import { queryServers } from './query.ts';

/** Nova v2.1 servers (chapter 6). */
export function novaRoutes(ecs: Ecs): RouteSpec[] {
  const server = (ctx: RequestContext): ServerRow => {
    const s = ecs.server(ctx.params.server_id!);
    if (!s) throw novaNotFound(`Instance ${ctx.params.server_id}`);
    return s;
  };
  const reply = (v: Microversion, status: number, b?: unknown): Reply => ({ status, body: b, headers: versionHeaders(v) });

  const list = (detail: boolean) => (ctx: RequestContext) => {
    const v = microversion(ctx);
    const status = ctx.query.get('status');
    if (status !== null && !FILTER_STATUSES.includes(status)) {
      if (atLeast(v, 2, 38)) throw novaBad(`Invalid status value ${status}`);
      return reply(v, 200, { servers: [] });
    }
    const page = queryServers(ecs, ctx.query);
    const servers = page.rows.map((s) => (detail ? renderServer(ecs, s, v) : renderBrief(ecs, s)));
    const out: Record<string, unknown> = { servers };
    if (page.next) {
      const q = new URLSearchParams(ctx.query);
      q.set('marker', page.next);
      out.servers_links = [{ rel: 'next', href: `${ecs.rt.endpoints().ecs}${ctx.path.replace(/^\/ecs/, '')}?${q.toString()}` }];
    }
    return reply(v, 200, out);
  };

  const show = (ctx: RequestContext) => {
    const v = microversion(ctx);
    return reply(v, 200, { server: renderServer(ecs, server(ctx), v) });
  };

  const update = (ctx: RequestContext) => {
    const v = microversion(ctx);
    const b = body(ctx);
    const o = b.server;
    if (!isObj(o)) throw novaBad('server is required');
    const s = server(ctx);
    const fields: Partial<ServerRow> = {};
    if (o.name !== undefined) {
      if (typeof o.name !== 'string' || o.name.trim() === '' || o.name.length > 255) throw novaBad('name is 1 to 255 characters');
      fields.name = o.name;
    }
    if (o.description !== undefined) {
      if (!atLeast(v, 2, 19)) throw novaBad('description needs microversion 2.19');
      if (o.description !== null && (typeof o.description !== 'string' || Buffer.byteLength(o.description) > 255)) throw novaBad('description is at most 255 bytes');
      fields.description = o.description ?? '';
    }
    ecs.update(s.id, fields);
    return reply(v, 200, { server: renderServer(ecs, ecs.server(s.id)!, v) });
  };

  const remove = (ctx: RequestContext) => {
    const s = server(ctx);
    if (s.task_state === 'deleting') return { status: 204 };
    assertOperable(s, undefined, 'deleting');
    ecs.transaction(() => {
      ecs.recordAction(s.id, 'delete', ctx.requestId);
      submit(ecs, 'delete', [{ server: s }], false);
    });
    return { status: 204 };
  };

  /** Single-server actions (6.3.x): one key per body. */
  const action = (ctx: RequestContext) => {
    const v = microversion(ctx);
    const b = body(ctx);
    const keys = Object.keys(b);
    if (keys.length !== 1) throw novaBad('an action body has exactly one key');
    const key = keys[0]!;
    const arg = b[key];
    const s = server(ctx);
    const run = (op: Parameters<typeof submit>[1], need: string[], name: string, args = {}) => {
      assertOperable(s, need, name);
      ecs.transaction(() => {
        ecs.recordAction(s.id, name, ctx.requestId);
        submit(ecs, op, [{ server: s, args }], false);
      });
      return reply(v, 202);
    };
    switch (key) {
      case 'os-start':
        return run('start', ['SHUTOFF'], 'start');
      case 'os-stop': {
        const type = isObj(arg) ? (arg.type ?? 'SOFT') : 'SOFT';
        if (type !== 'SOFT' && type !== 'HARD') throw novaBad('type must be SOFT or HARD');
        return run(type === 'HARD' ? 'hardStop' : 'stop', ['ACTIVE'], 'stop');
      }
      case 'reboot': {
        const type = isObj(arg) ? arg.type : undefined;
        if (type !== 'SOFT' && type !== 'HARD') throw novaBad('reboot.type must be SOFT or HARD');
        return run(type === 'HARD' ? 'hardReboot' : 'reboot', ['ACTIVE'], 'reboot');
      }
      case 'lock':
      case 'unlock':
        ecs.update(s.id, { locked: key === 'lock' ? 1 : 0 });
        ecs.recordAction(s.id, key, ctx.requestId);
        return reply(v, 202);
      case 'resize': {
        const f = isObj(arg) && typeof arg.flavorRef === 'string' ? flavor(arg.flavorRef) : undefined;
        if (!f || f.sale === 'abandon') throw ecsError('Ecs.0029', `flavorRef ${JSON.stringify(isObj(arg) ? arg.flavorRef : arg)}`);
        if (f.id === s.flavor_id) throw ecsError('Ecs.0810');
        checkResizeQuota(ecs, s.flavor_id, f.id);
        return run('novaResize', ['ACTIVE', 'SHUTOFF'], 'resize', { flavorId: f.id });
      }
      case 'confirmResize':
        assertOperable(s, ['VERIFY_RESIZE'], 'confirmResize');
        ecs.update(s.id, { vm_state: 'active', old_flavor_id: null });
        ecs.recordAction(s.id, 'confirmResize', ctx.requestId);
        return reply(v, 204);
      case 'rebuild': {
        // 6.3.6: a new image on the same system disk; the server keeps its power state.
        if (!isObj(arg) || typeof arg.imageRef !== 'string') throw ecsError('Ecs.0031', `imageRef ${JSON.stringify(isObj(arg) ? arg.imageRef : arg)}`);
        bootImage(ecs, arg.imageRef);
        if (arg.name !== undefined && (typeof arg.name !== 'string' || arg.name.length < 1 || arg.name.length > 254)) throw novaBad('name is 1 to 254 characters');
        if (!attachmentsOfServer(ecs.evs, s.id).some((a) => a.device === '/dev/vda')) throw ecsError('Ecs.0105', `server ${s.id}`);
        run('rebuild', ['ACTIVE', 'SHUTOFF'], 'rebuild', { imageId: arg.imageRef });
        if (typeof arg.name === 'string') ecs.update(s.id, { name: arg.name });
        return reply(v, 202, { server: { ...renderServer(ecs, ecs.server(s.id)!, v), adminPass: randomBytes(9).toString('base64url') } });
      }
      case 'revertResize':
        return run('revertResize', ['VERIFY_RESIZE'], 'revertResize');
      case 'addSecurityGroup':
      case 'removeSecurityGroup':
        if (!isObj(arg)) throw novaBad(`${key}.name is required`);
        assertOperable(s, undefined, key, ['unlocked']);
        changeSecurityGroup(ecs, s, key === 'addSecurityGroup', arg.name);
        return reply(v, 202);
      case 'createImage': {
        const imageId = createServerImage(ecs, s, arg);
        ecs.recordAction(s.id, 'createImage', ctx.requestId);
        // 2.45 answers the id; before 2.44 a Location header names the image; 2.44 gives neither.
        if (atLeast(v, 2, 45)) return reply(v, 202, { image_id: imageId });
        if (atLeast(v, 2, 44)) return reply(v, 202);
        return { status: 202, headers: { ...versionHeaders(v), Location: `${ecs.rt.endpoints().ims}/v2/images/${imageId}` } };
      }
      case 'os-getConsoleOutput': {
        if (atLeast(v, 2, 6)) throw novaNotFound('os-getConsoleOutput after microversion 2.5');
        const length = isObj(arg) ? Number(arg.length ?? -1) : NaN;
        if (!Number.isInteger(length) || length < -1) throw novaBad('length is an integer from -1');
        const lines = consoleLog(s);
        return reply(v, 200, { output: (length === -1 ? lines : lines.slice(-length)).join('\n') });
      }
      default:
        throw novaBad(`Unsupported action ${key}`);
    }
  };

  const attachmentView = (serverId: string, a: { volume_id: string; device: string }) => ({ device: a.device, id: a.volume_id, serverId, volumeId: a.volume_id });

  const listAttachments = (ctx: RequestContext) => {
    const s = server(ctx);
    return { status: 200, body: { volumeAttachments: attachmentsOfServer(ecs.evs, s.id).map((a) => attachmentView(s.id, a)) } };
  };

  const showAttachment = (ctx: RequestContext) => {
    const s = server(ctx);
    const a = attachmentsOfServer(ecs.evs, s.id).find((x) => x.volume_id === ctx.params.volume_id);
    if (!a) throw novaNotFound(`volume ${ctx.params.volume_id} attached to ${s.id}`);
    return { status: 200, body: { volumeAttachment: attachmentView(s.id, a) } };
  };

  const attach = (ctx: RequestContext) => {
    const o = body(ctx).volumeAttachment;
    if (!isObj(o) || typeof o.volumeId !== 'string') throw novaBad('volumeAttachment.volumeId is required');
    const s = server(ctx);
    const r = submitAttach(ecs, s.id, { volumeId: o.volumeId, device: typeof o.device === 'string' ? o.device : undefined });
    ecs.recordAction(s.id, 'attach_volume', ctx.requestId);
    return { status: 200, body: { volumeAttachment: { device: r.device, id: o.volumeId, serverId: s.id, volumeId: o.volumeId } } };
  };

  const detach = (ctx: RequestContext) => {
    const s = server(ctx);
    submitDetach(ecs, s.id, ctx.params.volume_id!, ctx.query.get('delete_flag'));
    ecs.recordAction(s.id, 'detach_volume', ctx.requestId);
    return { status: 202 };
  };

  /** 5.6.3/5.6.4: the richest view, with size, bootIndex and bus. */
  const blockDevice = (one: boolean) => (ctx: RequestContext) => {
    const s = ecs.server(ctx.params.server_id!);
    if (!s) throw ecsError('Ecs.0114', `server ${ctx.params.server_id}`);
    const views = attachmentsOfServer(ecs.evs, s.id).map((a, i) => {
      const vol = ecs.evs.store.volume(a.volume_id);
      return {
        serverId: s.id, volumeId: a.volume_id, id: a.volume_id, size: vol?.size ?? 0, device: a.device, pciAddress: `0000:02:0${i + 1}.0`,
        bootIndex: a.device === '/dev/vda' ? 0 : null, bus: 'virtio',
      };
    });
    if (!one) return { status: 200, body: { volumeAttachments: views } };
    const v = views.find((x) => x.volumeId === ctx.params.volume_id);
    if (!v) throw ecsError('Ecs.0111', `disk ${ctx.params.volume_id} is not attached to ${s.id}`);
    return { status: 200, body: { volumeAttachment: v } };
  };

  const S = '/v2.1/{project_id}/servers/{server_id}';
  const nova: RouteSpec[] = [
    { method: 'GET', path: '/v2.1/{project_id}/servers', operation: 'NovaListServers', handler: list(false) },
    { method: 'GET', path: '/v2.1/{project_id}/servers/detail', operation: 'NovaListServersDetails', handler: list(true) },
    { method: 'GET', path: S, operation: 'NovaShowServer', handler: show },
    { method: 'PUT', path: S, operation: 'NovaUpdateServer', handler: update },
    { method: 'DELETE', path: S, operation: 'NovaDeleteServer', handler: remove },
    { method: 'POST', path: `${S}/action`, operation: 'NovaServerAction', handler: action },
    { method: 'GET', path: `${S}/os-volume_attachments`, operation: 'NovaListServerVolumeAttachments', handler: listAttachments },
    { method: 'GET', path: `${S}/os-volume_attachments/{volume_id}`, operation: 'NovaShowServerVolumeAttachment', handler: showAttachment },
    { method: 'POST', path: `${S}/os-volume_attachments`, operation: 'NovaAttachServerVolume', handler: attach },
    { method: 'DELETE', path: `${S}/os-volume_attachments/{volume_id}`, operation: 'NovaDetachServerVolume', handler: detach },
  ];
  return [
    ...nova.map(novaRoute),
    { method: 'GET', path: '/v2.1/servers/{server_id}/block_device', operation: 'ListServerBlockDevices', handler: blockDevice(false) },
    { method: 'GET', path: '/v2.1/servers/{server_id}/block_device/{volume_id}', operation: 'ShowServerBlockDevice', handler: blockDevice(true) },
    // The official SDK reads these under /v1/{project_id}/cloudservers (not in the seed); same answers.
    { method: 'GET', path: '/v1/{project_id}/cloudservers/{server_id}/block_device', operation: 'ListServerBlockDevices', handler: blockDevice(false) },
    { method: 'GET', path: '/v1/{project_id}/cloudservers/{server_id}/block_device/{volume_id}', operation: 'ShowServerBlockDevice', handler: blockDevice(true) },
    { method: 'GET', path: '/v1/{project_id}/cloudservers/{server_id}/os-volume_attachments', operation: 'ListServerVolumeAttachments', handler: listAttachments },
  ];
}

/** A boot log that follows the server's life, for os-getConsoleOutput. */
function consoleLog(s: ServerRow): string[] {
  const lines = [`[    0.000000] Linux version 5.15.0 (${s.instance_name})`, `[    1.204312] EXT4-fs (vda1): mounted filesystem`];
  if (statusOf(s) === 'ACTIVE') lines.push(`[    4.881000] cloud-init: ${s.name} up`, `${s.name} login:`);
  if (statusOf(s) === 'SHUTOFF') lines.push('[  OK  ] Reached target Power-Off.');
  return lines;
}
