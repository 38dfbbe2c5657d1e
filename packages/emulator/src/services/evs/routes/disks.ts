import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { evs5400, evsError, notFound } from '../errors.ts';
import { parseCreateSpec } from '../model/create-spec.ts';
import type { Evs } from '../model/evs.ts';
import { renderVolumeDetail } from '../model/render.ts';
import { nextLink, queryVolumes } from '../model/volume-query.ts';
import { detailView, detailViews } from '../model/views.ts';
import { submitCreate, submitDelete, submitExtend, type Billing } from '../model/volume-ops.ts';
import { DESCRIPTION_MAX, NAME_MAX, checkLength, isObj, optInt, optString, requireObj, type Obj } from '../model/validate.ts';
import { bodyObject, idempotent, newOrderId } from './common.ts';
import { DURATION } from '../model/evs.ts';

function parseBssParam(value: unknown, now: number): Billing {
  if (value === undefined || value === null) return { chargingMode: 'postPaid' };
  if (!isObj(value)) throw evsError('EVS.2147', 'bssParam must be a JSON object');
  const mode = value.chargingMode ?? 'postPaid';
  if (mode !== 'postPaid' && mode !== 'prePaid') throw evsError('EVS.2147', 'chargingMode must be postPaid or prePaid');
  // String-typed flags; the seed's own example sends booleans, so both pass.
  for (const key of ['isAutoPay', 'isAutoRenew']) {
    const v = value[key];
    if (v !== undefined && v !== true && v !== false && v !== 'true' && v !== 'false') throw evsError('EVS.2147', `${key} must be "true" or "false"`);
  }
  if (mode === 'postPaid') return { chargingMode: 'postPaid' };
  const periodType = value.periodType;
  const periodNum = value.periodNum;
  if (periodType !== 'month' && periodType !== 'year') throw evsError('EVS.2147', 'periodType must be month or year for prePaid');
  const max = periodType === 'month' ? 9 : 1;
  if (typeof periodNum !== 'number' || !Number.isInteger(periodNum) || periodNum < 1 || periodNum > max) {
    throw evsError('EVS.2147', `periodNum must be 1 to ${max} for periodType ${periodType}`);
  }
  return { chargingMode: 'prePaid', orderId: newOrderId(now) };
}

export function diskRoutes(evs: Evs): RouteSpec[] {
  const detail = (id: string) => {
    const v = evs.store.requireVolume(id);
    return renderVolumeDetail(v, v.attach_count > 0 ? evs.store.attachments(v.id) : undefined, evs.env());
  };

  const create = (ctx: RequestContext) =>
    idempotent(evs, ctx, () => {
      const body = bodyObject(ctx, 'EVS.1008');
      const volume = requireObj(body.volume, 'EVS.1008', 'volume');
      const spec = parseCreateSpec(evs, volume, body['OS-SCH-HNT:scheduler_hints'], 'custom');
      const count = optInt(volume, 'count', 'EVS.1021', true) ?? 1;
      if (count < 1 || count > 100) throw evsError('EVS.1021', `count must be 1 to 100, got ${count}`);
      const billing = parseBssParam(body.bssParam, evs.rt.clock.now());
      const serverId = optString(body, 'server_id');
      if (serverId !== undefined && evs.hooks.serverStatus(serverId) === undefined) throw evsError('EVS.2229', `server ${serverId}`);
      const { jobId, volumeIds } = evs.transaction(() => submitCreate(evs, spec, count, billing, serverId));
      const ticket = billing.orderId ? { order_id: billing.orderId } : { job_id: jobId };
      return { status: 202, body: { ...ticket, volume_ids: volumeIds } };
    });

  const update = (ctx: RequestContext) => {
    const body = bodyObject(ctx, 'EVS.1001');
    const o = requireObj(body.volume, 'EVS.1001', 'volume');
    const name = optString(o, 'name');
    const description = optString(o, 'description');
    if (name === undefined && description === undefined) throw evsError('EVS.1007');
    checkLength(name, NAME_MAX, 'EVS.1003', 'name');
    checkLength(description, DESCRIPTION_MAX, 'EVS.1004', 'description');
    const v = evs.store.requireVolume(ctx.params.volume_id!);
    const fields: { name?: string; description?: string } = {};
    if (name !== undefined) fields.name = name;
    if (description !== undefined) fields.description = description;
    evs.store.updateVolume(v.id, fields, evs.stamp());
    // Unlike Cinder's update, the custom API answers with the disk at top level (6.1.2).
    return { status: 200, body: detail(v.id) };
  };

  const list = (ctx: RequestContext) => {
    const page = queryVolumes(evs, ctx.query, 'custom', true);
    const links = nextLink(evs, 'volumes/detail', ctx.query, page);
    const json = `{"count":${page.count},"volumes":[${detailViews(evs, page.ids).join(',')}]${links ? `,"volumes_links":${JSON.stringify(links)}` : ''}}`;
    return { status: 200, json };
  };

  const show = (ctx: RequestContext) => {
    const id = ctx.params.volume_id!;
    const view = detailView(evs, id);
    if (view === undefined) throw notFound('volume', id);
    return { status: 200, json: `{"volume":${view}}` };
  };

  const resize = (ctx: RequestContext) => {
    const body = bodyObject(ctx, 'EVS.1011');
    const extend = requireObj(body['os-extend'], 'EVS.1011', 'os-extend');
    const newSize = optInt(extend, 'new_size', 'EVS.1010');
    if (newSize === undefined) throw evsError('EVS.1011', 'os-extend.new_size is required');
    if (body.bssParam !== undefined && body.bssParam !== null && !isObj(body.bssParam)) throw evsError('EVS.2147', 'bssParam must be a JSON object');
    return evs.transaction(() => {
      const v = evs.store.requireVolume(ctx.params.volume_id!);
      const jobId = submitExtend(evs, v, newSize, { withJob: true, mode: 'custom' });
      // Yearly/monthly disks are expanded through an order (6.1.5).
      const ticket = v.order_id ? { order_id: newOrderId(evs.rt.clock.now()) } : { job_id: jobId };
      return { status: 202, body: ticket };
    });
  };

  const remove = (ctx: RequestContext) =>
    evs.transaction(() => {
      const v = evs.store.requireVolume(ctx.params.volume_id!);
      const jobId = submitDelete(evs, v, { withJob: true, cascade: true });
      return { status: 200, body: { job_id: jobId } };
    });

  const unsubscribe = (ctx: RequestContext) => {
    const body = bodyObject(ctx);
    const ids = body.volume_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
      throw evs5400('Malformed request body.', 'volume_ids must be a non-empty array of disk ids');
    }
    if (ids.length > 60) throw evsError('EVS.2228', `${ids.length} ids given`);
    const results = evs.transaction(() => (ids as string[]).map((id) => unsubscribeOne(evs, id)));
    // The table describes a bare array, the example {"results": [...]} (seed 000:L3917 vs L3955); the example wins.
    return { status: 202, body: { results } };
  };

  return [
    { method: 'POST', path: '/v2.1/{project_id}/cloudvolumes', operation: 'CreateVolume', handler: create },
    { method: 'PUT', path: '/v2/{project_id}/cloudvolumes/{volume_id}', operation: 'UpdateVolume', handler: update },
    { method: 'GET', path: '/v2/{project_id}/cloudvolumes/detail', operation: 'ListVolumes', handler: list },
    { method: 'GET', path: '/v2/{project_id}/cloudvolumes/{volume_id}', operation: 'ShowVolume', handler: show },
    { method: 'POST', path: '/v2.1/{project_id}/cloudvolumes/{volume_id}/action', operation: 'ResizeVolume', handler: resize },
    { method: 'DELETE', path: '/v2/{project_id}/cloudvolumes/{volume_id}', operation: 'DeleteVolume', handler: remove },
    { method: 'POST', path: '/v2/{project_id}/cloudvolumes/unsubscribe', operation: 'UnsubscribePostpaidVolume', handler: unsubscribe },
  ];
}

function unsubscribeOne(evs: Evs, id: string): Obj {
  const v = evs.store.volume(id);
  const fail = (reason: string) => ({ volume_id: id, result: 'FAIL', fail_reason: reason });
  if (!v) return fail('the disk does not exist');
  if (v.charging_mode !== 'prePaid') return fail('the disk is not billed on a yearly/monthly basis');
  if (v.bootable) return fail('system and bootable disks are unsubscribed from together with their servers');
  if (v.status !== 'available' && v.status !== 'error') return fail(`the disk is ${v.status}`);
  evs.store.updateVolume(v.id, { status: 'deleting', charging_mode: 'postPaid' }, evs.stamp());
  evs.rt.scheduler.schedule('evs.volume.delete', DURATION.delete, { volumeId: v.id });
  return { volume_id: id, order_id: newOrderId(evs.rt.clock.now()), result: 'SUCCESS' };
}
