import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { hex, uuid } from '../../../server/ids.ts';
import { evs5400, notFound } from '../errors.ts';
import type { Evs } from '../model/evs.ts';
import type { TransferRow } from '../model/rows.ts';
import { parseMap } from '../model/rows.ts';
import { NAME_MAX, checkLength, optString, requireObj } from '../model/validate.ts';
import { parseLimit, parseOffset } from '../model/volume-query.ts';
import { bodyObject } from './common.ts';

/**
 * Disk transfers (7.4). The emulator has one account, so a transfer is accepted into the same
 * project: the disk goes `awaiting-transfer` on create and back to `available` on accept or delete.
 */
export function transferRoutes(evs: Evs): RouteSpec[] {
  const links = (id: string) => {
    const env = evs.env();
    return [
      { href: `${env.evsBase}/v2/${env.projectId}/os-volume-transfer/${id}`, rel: 'self' },
      { href: `${env.evsBase}/${env.projectId}/os-volume-transfer/${id}`, rel: 'bookmark' },
    ];
  };
  const summary = (t: TransferRow) => ({ id: t.id, name: t.name, volume_id: t.volume_id, links: links(t.id) });
  const detail = (t: TransferRow) => ({ id: t.id, created_at: t.created_at, name: t.name, volume_id: t.volume_id, links: links(t.id) });
  const requireTransfer = (id: string) => {
    const t = evs.store.s.get('SELECT * FROM transfers WHERE id = ?').get(id) as TransferRow | undefined;
    if (!t) throw notFound('transfer', id);
    return t;
  };

  const create = (ctx: RequestContext) => {
    const o = requireObj(bodyObject(ctx, 'EVS.5400').transfer, 'EVS.5400', 'transfer');
    const name = optString(o, 'name');
    const volumeId = optString(o, 'volume_id');
    if (!name || !volumeId) throw evs5400('Malformed request body.', 'transfer.name and transfer.volume_id are required');
    checkLength(name, NAME_MAX, 'EVS.1003', 'transfer name');
    return evs.transaction(() => {
      const v = evs.store.requireVolume(volumeId);
      const refuse = (why: string) => evs5400('Must specify a valid status.', `disk ${v.id} cannot be transferred: ${why}`);
      if (v.status !== 'available') throw refuse(`it is ${v.status}`);
      if (v.charging_mode === 'prePaid') throw refuse('it is billed yearly/monthly');
      if (parseMap(v.metadata).__system__encrypted === '1') throw refuse('it is encrypted');
      if (v.service_type !== 'EVS') throw refuse(`it is a ${v.service_type} disk`);
      if (evs.store.snapshotsOfVolume(v.id).length > 0) throw refuse('it has snapshots');
      const t: TransferRow = { id: uuid(), volume_id: v.id, name, auth_key: hex(8), created_at: evs.stamp() };
      evs.store.s.get('INSERT INTO transfers (id, volume_id, name, auth_key, created_at) VALUES (@id, @volume_id, @name, @auth_key, @created_at)').run(t);
      evs.store.updateVolume(v.id, { status: 'awaiting-transfer' }, t.created_at);
      // The auth key is shown only in this answer.
      return { status: 202, body: { transfer: { ...detail(t), auth_key: t.auth_key } } };
    });
  };

  const finish = (t: TransferRow) => {
    evs.store.s.get('DELETE FROM transfers WHERE id = ?').run(t.id);
    const v = evs.store.volume(t.volume_id);
    if (v && v.status === 'awaiting-transfer') evs.store.updateVolume(v.id, { status: 'available' }, evs.stamp());
  };

  const accept = (ctx: RequestContext) => {
    const o = requireObj(bodyObject(ctx, 'EVS.5400').accept, 'EVS.5400', 'accept');
    const key = optString(o, 'auth_key');
    if (!key) throw evs5400('Malformed request body.', 'accept.auth_key is required');
    return evs.transaction(() => {
      const t = requireTransfer(ctx.params.transfer_id!);
      if (t.auth_key !== key) throw evs5400('Malformed request body.', `the auth_key does not match transfer ${t.id}`);
      finish(t);
      return { status: 202, body: { transfer: summary(t) } };
    });
  };

  const list = (detailed: boolean) => (ctx: RequestContext) => {
    const limit = parseLimit(ctx.query, 'cinder');
    const offset = parseOffset(ctx.query);
    const rows = evs.store.s.get('SELECT * FROM transfers ORDER BY created_at DESC, id LIMIT ? OFFSET ?').all(limit, offset) as TransferRow[];
    return { status: 200, body: { transfers: rows.map(detailed ? detail : summary) } };
  };

  const routes: RouteSpec[] = [
    { method: 'POST', path: '/v2/{project_id}/os-volume-transfer', operation: 'CinderCreateVolumeTransfer', handler: create },
    { method: 'POST', path: '/v2/{project_id}/os-volume-transfer/{transfer_id}/accept', operation: 'CinderAcceptVolumeTransfer', handler: accept },
    {
      method: 'DELETE',
      path: '/v2/{project_id}/os-volume-transfer/{transfer_id}',
      operation: 'CinderDeleteVolumeTransfer',
      handler: (ctx) => {
        evs.transaction(() => finish(requireTransfer(ctx.params.transfer_id!)));
        return { status: 202 };
      },
    },
    { method: 'GET', path: '/v2/{project_id}/os-volume-transfer/{transfer_id}', operation: 'CinderShowVolumeTransfer', handler: (ctx) => ({ status: 200, body: { transfer: detail(requireTransfer(ctx.params.transfer_id!)) } }) },
    { method: 'GET', path: '/v2/{project_id}/os-volume-transfer', operation: 'CinderListVolumeTransfers', handler: list(false) },
    { method: 'GET', path: '/v2/{project_id}/os-volume-transfer/detail', operation: 'CinderListVolumeTransfersDetail', handler: list(true) },
  ];
  return routes.map((r) => ({ ...r, openstack: true }));
}
