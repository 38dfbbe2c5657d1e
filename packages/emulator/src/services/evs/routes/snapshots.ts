import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import type { Evs } from '../model/evs.ts';
import { renderSnapshot, renderSnapshotListItem } from '../model/render.ts';
import { snapshotNextLink, querySnapshots } from '../model/snapshot-query.ts';
import { createSnapshot, deleteSnapshot, parseSnapshotCreate, rollbackSnapshot, updateSnapshot } from '../model/snapshot-ops.ts';

/** Custom snapshot APIs (6.2): no jobs — clients poll the snapshot's (and, for rollback, the disk's) status. */
export function snapshotRoutes(evs: Evs): RouteSpec[] {
  const create = (ctx: RequestContext) => {
    const input = parseSnapshotCreate(ctx.json());
    const s = evs.transaction(() => createSnapshot(evs, input));
    return { status: 202, body: { snapshot: renderSnapshot(s, evs.env()) } };
  };

  const list = (ctx: RequestContext) => {
    const page = querySnapshots(evs, ctx.query, 'custom', true);
    const env = evs.env();
    const body: Record<string, unknown> = { count: page.count, snapshots: page.rows.map((s) => renderSnapshotListItem(s, env)) };
    const links = page.limited ? snapshotNextLink(evs, 'cloudsnapshots/detail', ctx.query, page) : undefined;
    if (links) body.snapshots_links = links;
    return { status: 200, body };
  };

  return [
    { method: 'POST', path: '/v2/{project_id}/cloudsnapshots', operation: 'CreateSnapshot', handler: create },
    { method: 'GET', path: '/v2/{project_id}/cloudsnapshots/detail', operation: 'ListSnapshots', handler: list },
    {
      method: 'GET',
      path: '/v2/{project_id}/cloudsnapshots/{snapshot_id}',
      operation: 'ShowSnapshot',
      handler: (ctx) => ({ status: 200, body: { snapshot: renderSnapshot(evs.store.requireSnapshot(ctx.params.snapshot_id!), evs.env()) } }),
    },
    {
      method: 'PUT',
      path: '/v2/{project_id}/cloudsnapshots/{snapshot_id}',
      operation: 'UpdateSnapshot',
      handler: (ctx) => {
        const s = updateSnapshot(evs, evs.store.requireSnapshot(ctx.params.snapshot_id!), ctx.json());
        return { status: 200, body: { snapshot: renderSnapshot(s, evs.env()) } };
      },
    },
    {
      method: 'DELETE',
      path: '/v2/{project_id}/cloudsnapshots/{snapshot_id}',
      operation: 'DeleteSnapshot',
      handler: (ctx) => {
        evs.transaction(() => deleteSnapshot(evs, evs.store.requireSnapshot(ctx.params.snapshot_id!)));
        return { status: 202 };
      },
    },
    {
      method: 'POST',
      path: '/v2/{project_id}/cloudsnapshots/{snapshot_id}/rollback',
      operation: 'RollbackSnapshot',
      handler: (ctx) => {
        const body = ctx.json();
        const volumeId = evs.transaction(() => rollbackSnapshot(evs, evs.store.requireSnapshot(ctx.params.snapshot_id!), body));
        return { status: 202, body: { rollback: { volume_id: volumeId } } };
      },
    },
  ];
}
