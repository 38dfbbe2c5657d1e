import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import type { Evs } from '../model/evs.ts';
import { renderCinderSnapshot, renderCinderSnapshotDetail } from '../model/render.ts';
import { querySnapshots, snapshotNextLink } from '../model/snapshot-query.ts';
import { createSnapshot, deleteSnapshot, parseSnapshotCreate, updateSnapshot } from '../model/snapshot-ops.ts';

/** Cinder v2 snapshot APIs (7.2). */
export function cinderSnapshotRoutes(evs: Evs): RouteSpec[] {
  const list = (detailed: boolean) => (ctx: RequestContext) => {
    const page = querySnapshots(evs, ctx.query, 'cinder', false);
    const env = evs.env();
    return {
      status: 200,
      body: {
        snapshots: page.rows.map((s) => (detailed ? renderCinderSnapshotDetail(s, env) : renderCinderSnapshot(s))),
        // The seed's example shows null when there is no further page (7.2.4).
        snapshots_links: snapshotNextLink(evs, detailed ? 'snapshots/detail' : 'snapshots', ctx.query, page) ?? null,
      },
    };
  };

  const routes: RouteSpec[] = [
    {
      method: 'POST',
      path: '/v2/{project_id}/snapshots',
      operation: 'CinderCreateSnapshot',
      handler: (ctx) => {
        const input = parseSnapshotCreate(ctx.json());
        const s = evs.transaction(() => createSnapshot(evs, input));
        return { status: 202, body: { snapshot: renderCinderSnapshot(s) } };
      },
    },
    { method: 'GET', path: '/v2/{project_id}/snapshots', operation: 'CinderListSnapshots', handler: list(false) },
    { method: 'GET', path: '/v2/{project_id}/snapshots/detail', operation: 'CinderListSnapshotsDetail', handler: list(true) },
    {
      method: 'GET',
      path: '/v2/{project_id}/snapshots/{snapshot_id}',
      operation: 'CinderShowSnapshot',
      handler: (ctx) => ({ status: 200, body: { snapshot: renderCinderSnapshotDetail(evs.store.requireSnapshot(ctx.params.snapshot_id!), evs.env()) } }),
    },
    {
      method: 'PUT',
      path: '/v2/{project_id}/snapshots/{snapshot_id}',
      operation: 'CinderUpdateSnapshot',
      handler: (ctx) => ({ status: 200, body: { snapshot: renderCinderSnapshot(updateSnapshot(evs, evs.store.requireSnapshot(ctx.params.snapshot_id!), ctx.json())) } }),
    },
    {
      method: 'DELETE',
      path: '/v2/{project_id}/snapshots/{snapshot_id}',
      operation: 'CinderDeleteSnapshot',
      handler: (ctx) => {
        evs.transaction(() => deleteSnapshot(evs, evs.store.requireSnapshot(ctx.params.snapshot_id!)));
        return { status: 202 };
      },
    },
  ];
  return routes.map((r) => ({ ...r, openstack: true }));
}
