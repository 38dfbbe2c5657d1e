import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { evs5400 } from '../errors.ts';
import { parseCreateSpec } from '../model/create-spec.ts';
import type { Evs } from '../model/evs.ts';
import { renderCinderCreated, renderCinderVolume, renderVolumeSummary } from '../model/render.ts';
import { parseMap } from '../model/rows.ts';
import { nextLink, queryVolumes } from '../model/volume-query.ts';
import { createCinderVolume, submitDelete } from '../model/volume-ops.ts';
import { DESCRIPTION_MAX, NAME_MAX, checkLength, checkMetadata, optString, requireObj, type Obj } from '../model/validate.ts';
import { bodyObject } from './common.ts';
import { mergeProtected } from './metadata.ts';
import { cinderAction } from './cinder-actions.ts';

/** OpenStack Cinder v2 disk APIs (7.1): no jobs; clients poll the disk's status. */
export function cinderVolumeRoutes(evs: Evs): RouteSpec[] {
  const created = (id: string) => {
    const v = evs.store.requireVolume(id);
    return { volume: renderCinderCreated(v, v.attach_count > 0 ? evs.store.attachments(id) : undefined, evs.env()) };
  };

  const create = (ctx: RequestContext) => {
    const body = bodyObject(ctx, 'EVS.5400');
    const volume = requireObj(body.volume, 'EVS.5400', 'volume');
    const spec = parseCreateSpec(evs, volume, body['OS-SCH-HNT:scheduler_hints'], 'cinder');
    const v = evs.transaction(() => createCinderVolume(evs, spec));
    return { status: 202, body: { volume: renderCinderCreated(v, undefined, evs.env()) } };
  };

  const update = (ctx: RequestContext) => {
    const body = bodyObject(ctx, 'EVS.5400');
    const o: Obj = requireObj(body.volume, 'EVS.5400', 'volume');
    // name/description win over their display_* twins (7.1.3).
    const name = optString(o, 'name') ?? optString(o, 'display_name');
    const description = optString(o, 'description') ?? optString(o, 'display_description');
    checkLength(name, NAME_MAX, 'EVS.1003', 'name');
    checkLength(description, DESCRIPTION_MAX, 'EVS.1004', 'description');
    const metadata = o.metadata === undefined || o.metadata === null ? undefined : checkMetadata(o.metadata);
    return evs.transaction(() => {
      const v = evs.store.requireVolume(ctx.params.volume_id!);
      const fields: { name?: string; description?: string; metadata?: string } = {};
      if (name !== undefined) fields.name = name;
      if (description !== undefined) fields.description = description;
      if (metadata !== undefined) fields.metadata = JSON.stringify(mergeProtected(parseMap(v.metadata), metadata, 'replace'));
      evs.store.updateVolume(v.id, fields, evs.stamp());
      return { status: 200, body: created(v.id) };
    });
  };

  const remove = (ctx: RequestContext) => {
    const raw = ctx.query.get('cascade');
    if (raw !== null && raw !== 'true' && raw !== 'false' && raw !== 'True' && raw !== 'False') throw evs5400('Malformed request url.', 'cascade must be true or false');
    evs.transaction(() => submitDelete(evs, evs.store.requireVolume(ctx.params.volume_id!), { withJob: false, cascade: raw === 'true' || raw === 'True' }));
    return { status: 202 };
  };

  const list = (detailed: boolean) => (ctx: RequestContext) => {
    const page = queryVolumes(evs, ctx.query, 'cinder', false);
    const env = evs.env();
    const rows = evs.store.volumesByIds(page.ids);
    const attachments = detailed ? evs.store.attachmentsOf(rows) : undefined;
    const body: Obj = {
      volumes: rows.map((v) => (detailed ? renderCinderVolume(v, attachments!.get(v.id), env) : renderVolumeSummary(v, env))),
    };
    const links = nextLink(evs, detailed ? 'volumes/detail' : 'volumes', ctx.query, page);
    if (links) body.volumes_links = links;
    return { status: 200, body };
  };

  const show = (ctx: RequestContext) => {
    const v = evs.store.requireVolume(ctx.params.volume_id!);
    return { status: 200, body: { volume: renderCinderVolume(v, v.attach_count > 0 ? evs.store.attachments(v.id) : undefined, evs.env()) } };
  };

  const routes: RouteSpec[] = [
    { method: 'POST', path: '/v2/{project_id}/volumes', operation: 'CinderCreateVolume', handler: create },
    { method: 'GET', path: '/v2/{project_id}/volumes', operation: 'CinderListVolumes', handler: list(false) },
    { method: 'GET', path: '/v2/{project_id}/volumes/detail', operation: 'CinderListVolumesDetail', handler: list(true) },
    { method: 'GET', path: '/v2/{project_id}/volumes/{volume_id}', operation: 'CinderShowVolume', handler: show },
    { method: 'PUT', path: '/v2/{project_id}/volumes/{volume_id}', operation: 'CinderUpdateVolume', handler: update },
    { method: 'DELETE', path: '/v2/{project_id}/volumes/{volume_id}', operation: 'CinderDeleteVolume', handler: remove },
    { method: 'POST', path: '/v2/{project_id}/volumes/{volume_id}/action', operation: 'CinderVolumeAction', handler: (ctx) => cinderAction(evs, ctx) },
  ];
  return routes.map((r) => ({ ...r, openstack: true }));
}
