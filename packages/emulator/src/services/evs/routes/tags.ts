import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { evsError } from '../errors.ts';
import type { Evs } from '../model/evs.ts';
import { renderVolumeForTag } from '../model/render.ts';
import type { VolumeRow } from '../model/rows.ts';
import { parseMap } from '../model/rows.ts';
import { MAX_TAGS, checkTag, isObj, optInt } from '../model/validate.ts';
import { parseOffset } from '../model/volume-query.ts';
import { bodyObject } from './common.ts';

const toList = (map: Record<string, string>) => Object.entries(map).map(([key, value]) => ({ key, value }));

/** Disk tags (6.3). Adding and deleting share one URL and differ by `action` (both 204). */
export function tagRoutes(evs: Evs): RouteSpec[] {
  const action = (ctx: RequestContext) => {
    const body = bodyObject(ctx);
    if (body.action !== 'create' && body.action !== 'delete') throw evsError('EVS.1070', 'action must be "create" or "delete"');
    const tags = body.tags;
    if (!Array.isArray(tags) || tags.length === 0) throw evsError('EVS.1062', 'tags must be a non-empty array');
    evs.transaction(() => {
      const v = evs.store.requireVolume(ctx.params.volume_id!);
      const current = parseMap(v.tags);
      for (const tag of tags) {
        if (!isObj(tag)) throw evsError('EVS.1062', 'each tag must be a JSON object');
        if (body.action === 'create') {
          const err = checkTag(tag.key, tag.value);
          if (err) throw err;
          // An existing key is overwritten (6.3.1).
          current[tag.key as string] = tag.value as string;
        } else {
          if (typeof tag.key !== 'string' || tag.key === '') throw evsError('EVS.1062', 'each tag to delete needs a key');
          delete current[tag.key];
        }
      }
      if (Object.keys(current).length > MAX_TAGS) throw evsError('EVS.1061', `a disk has at most ${MAX_TAGS} tags`);
      evs.store.updateVolume(v.id, { tags: JSON.stringify(current) }, evs.stamp());
    });
    return { status: 204 };
  };

  const showTags = (ctx: RequestContext) => {
    const v = evs.store.requireVolume(ctx.params.volume_id!);
    const body: Record<string, unknown> = { tags: toList(parseMap(v.tags)) };
    const sys = parseMap(v.sys_tags);
    if (Object.keys(sys).length > 0) body.sys_tags = toList(sys);
    return { status: 200, body };
  };

  const allTags = () => {
    const rows = evs.store.s
      .get("SELECT t.key AS key, t.value AS value FROM volumes v, json_each(v.tags) t WHERE v.hidden = 0 AND v.tags != '{}' ORDER BY t.key, t.value")
      .all() as { key: string; value: string }[];
    const tags: Record<string, string[]> = {};
    for (const { key, value } of rows) {
      const values = (tags[key] ??= []);
      if (!values.includes(value)) values.push(value);
    }
    return { status: 200, body: { tags } };
  };

  return [
    { method: 'POST', path: '/v2/{project_id}/cloudvolumes/{volume_id}/tags/action', operation: 'BatchVolumeTagsAction', handler: action },
    { method: 'GET', path: '/v2/{project_id}/cloudvolumes/{volume_id}/tags', operation: 'ShowVolumeTags', handler: showTags },
    { method: 'GET', path: '/v2/{project_id}/cloudvolumes/tags', operation: 'ListVolumeTags', handler: allTags },
    { method: 'POST', path: '/v2/{project_id}/cloudvolumes/resource_instances/action', operation: 'ListVolumesByTags', handler: (ctx) => byTags(evs, ctx) },
  ];
}

/** 6.3.5: keys are ANDed, the values of one key ORed; an empty value list matches any value. */
function byTags(evs: Evs, ctx: RequestContext) {
  const body = bodyObject(ctx);
  if (body.action !== 'filter') throw evsError('EVS.1070', 'action must be "filter"');
  const where: string[] = ['hidden = 0'];
  const args: unknown[] = [];
  const tags = body.tags;
  if (!Array.isArray(tags) || tags.length > 10) throw evsError('EVS.1062', 'tags must be an array of at most 10 {key, values}');
  const keys = new Set<string>();
  for (const t of tags) {
    if (!isObj(t) || typeof t.key !== 'string' || t.key === '' || keys.has(t.key)) throw evsError('EVS.1062', 'each tag needs a unique, non-empty key');
    keys.add(t.key);
    const values = t.values ?? [];
    if (!Array.isArray(values) || values.length > 10 || values.some((x) => typeof x !== 'string') || new Set(values).size !== values.length) {
      throw evsError('EVS.1062', `values of tag ${t.key} must be at most 10 unique strings`);
    }
    if (values.length === 0) {
      where.push('EXISTS (SELECT 1 FROM json_each(volumes.tags) t WHERE t.key = ?)');
      args.push(t.key);
    } else {
      where.push('EXISTS (SELECT 1 FROM json_each(volumes.tags) t WHERE t.key = ? AND t.value IN (SELECT value FROM json_each(?)))');
      args.push(t.key, JSON.stringify(values));
    }
  }
  const matches = body.matches ?? [];
  if (!Array.isArray(matches)) throw evsError('EVS.1070', 'matches must be an array');
  for (const m of matches) {
    if (!isObj(m) || typeof m.value !== 'string' || m.value.length > 255) throw evsError('EVS.1070', 'each match needs a key and a value of at most 255 characters');
    if (m.key === 'resource_name') {
      where.push("name LIKE ? ESCAPE '\\'");
      args.push(`%${m.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    } else if (m.key === 'service_type') {
      where.push('service_type = ?');
      args.push(m.value);
    } else {
      throw evsError('EVS.1070', 'match keys are resource_name and service_type');
    }
  }
  const limit = optInt(body, 'limit', 'EVS.1023') ?? 1000;
  if (limit < 1) throw evsError('EVS.1023', 'limit must be 1 to 1000');
  if (limit > 1000) throw evsError('EVS.2142');
  const offset = body.offset === undefined ? 0 : parseOffset(new URLSearchParams({ offset: String(body.offset) }));
  const sql = where.join(' AND ');
  const total = (evs.store.s.get(`SELECT count(*) AS n FROM volumes WHERE ${sql}`).get(...args) as { n: number }).n;
  const rows = evs.store.s.get(`SELECT * FROM volumes WHERE +${sql} ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as VolumeRow[];
  const attachments = evs.store.attachmentsOf(rows);
  const env = evs.env();
  return {
    status: 200,
    body: {
      total_count: total,
      resources: rows.map((v) => ({
        resource_id: v.id,
        resource_name: v.name,
        resource_detail: renderVolumeForTag(v, attachments.get(v.id), env),
        tags: toList(parseMap(v.tags)),
      })),
    },
  };
}
