import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { ecsError, novaBad, novaNotFound, novaRoute } from '../errors.ts';
import type { Ecs } from '../model/ecs.ts';
import { atLeast, microversion, tags1dOf, tagsOf, versionHeaders } from '../model/render.ts';
import type { ServerRow, Tag } from '../model/rows.ts';
import { body, isObj } from '../model/validate.ts';

const MAX_2D = 10;
const MAX_1D = 50;
const KEY_RE = /^[\u4E00-\u9FFFA-Za-z0-9_-]{1,36}$/;
const VALUE_RE = /^[\u4E00-\u9FFFA-Za-z0-9_.-]{0,43}$/;

function parse2d(o: unknown, forDelete: boolean): Tag[] {
  if (!isObj(o) || !Array.isArray(o.tags) || o.tags.length === 0) throw ecsError('Ecs.0005', 'tags needs at least one {"key", "value"}');
  return o.tags.map((t: unknown) => {
    if (!isObj(t) || typeof t.key !== 'string') throw ecsError('Ecs.0906', 'each tag has a string key');
    const value = t.value ?? (forDelete ? undefined : null);
    if (forDelete) {
      if (t.key.length === 0 || t.key.length > 127) throw ecsError('Ecs.0906', 'key is 1 to 127 characters');
      if (value !== undefined && (typeof value !== 'string' || value.length > 255)) throw ecsError('Ecs.0906', 'value is at most 255 characters');
      return { key: t.key, value: (value as string | undefined) ?? '' };
    }
    if (typeof value !== 'string') throw ecsError('Ecs.0906', `tag ${t.key} needs a string value`);
    if (!KEY_RE.test(t.key)) throw ecsError('Ecs.0907', `key ${t.key}: 1 to 36 letters, digits, _ or -`);
    if (!VALUE_RE.test(value)) throw ecsError('Ecs.0907', `value ${value}: at most 43 letters, digits, _, - or .`);
    return { key: t.key, value };
  });
}

/**
 * Tags. 2D key/value tags (5.9.x, recommended, ≤10 per server) and 1D string tags (6.15.x, Nova
 * 2.26, ≤50 of ≤80 characters) are two separate sets: the seed says to use one family's APIs for
 * add, delete and query, so neither family sees the other's tags.
 */
export function tagRoutes(ecs: Ecs): RouteSpec[] {
  const native = (ctx: RequestContext): ServerRow => ecs.requireServer(ctx.params.server_id!);
  const save2d = (s: ServerRow, tags: Tag[]) => ecs.update(s.id, { tags: JSON.stringify(tags) });

  const action2d = (ctx: RequestContext) => {
    const b = body(ctx);
    const s = native(ctx);
    if (b.action === 'create') {
      const add = parse2d(b, false);
      if (new Set(add.map((t) => t.key)).size !== add.length) throw ecsError('Ecs.0908');
      const next = tagsOf(s).filter((t) => !add.some((a) => a.key === t.key)).concat(add);
      if (next.length > MAX_2D) throw ecsError('Ecs.0905', `a server has at most ${MAX_2D} tags`);
      save2d(s, next);
    } else if (b.action === 'delete') {
      const drop = parse2d(b, true);
      save2d(s, tagsOf(s).filter((t) => !drop.some((d) => d.key === t.key && (d.value === '' || d.value === t.value))));
    } else {
      throw ecsError('Ecs.0005', 'action is create or delete (lowercase)');
    }
    return { status: 204 };
  };

  const projectTags = () => {
    const keys = new Map<string, Set<string>>();
    for (const r of ecs.s.get("SELECT tags FROM servers WHERE tags != '[]'").all() as { tags: string }[]) {
      for (const t of JSON.parse(r.tags) as Tag[]) (keys.get(t.key) ?? keys.set(t.key, new Set()).get(t.key)!).add(t.value);
    }
    return { status: 200, body: { tags: [...keys].map(([key, values]) => ({ key, values: [...values] })) } };
  };

  /** 5.9.2: filter or count servers by tags; limit/offset are strings. */
  const resources = (ctx: RequestContext) => {
    const b = body(ctx);
    if (b.action !== 'filter' && b.action !== 'count') throw ecsError('Ecs.0005', 'action is filter or count');
    const want = Array.isArray(b.tags) ? (b.tags as { key: string; values?: string[] }[]) : [];
    const notWant = Array.isArray(b.not_tags) ? (b.not_tags as { key: string; values?: string[] }[]) : [];
    const matches = Array.isArray(b.matches) ? (b.matches as { key: string; value: string }[]) : [];
    const hit = (tags: Tag[], f: { key: string; values?: string[] }) => tags.some((t) => t.key === f.key && (!f.values?.length || f.values.includes(t.value)));
    const rows = (ecs.s.get('SELECT * FROM servers ORDER BY seq').all() as ServerRow[]).filter((s) => {
      const tags = tagsOf(s);
      return want.every((f) => hit(tags, f)) && !notWant.some((f) => hit(tags, f)) && matches.every((m) => m.key !== 'resource_name' || s.name.includes(m.value));
    });
    if (b.action === 'count') return { status: 200, body: { total_count: rows.length } };
    const limit = b.limit === undefined ? 1000 : Number(b.limit);
    const offset = b.offset === undefined ? 0 : Number(b.offset);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000 || !Number.isInteger(offset) || offset < 0) throw ecsError('Ecs.0005', 'limit is 1 to 1000, offset ≥ 0');
    const page = rows.slice(offset, offset + limit).map((s) => ({ resource_id: s.id, resource_detail: null, tags: tagsOf(s), resource_name: s.name }));
    return { status: 200, body: { resources: page, total_count: rows.length } };
  };

  const nova = (ctx: RequestContext): ServerRow => {
    const v = microversion(ctx);
    if (!atLeast(v, 2, 26)) throw novaNotFound('The tag APIs (they need microversion 2.26)');
    const s = ecs.server(ctx.params.server_id!);
    if (!s) throw novaNotFound(`Instance ${ctx.params.server_id}`);
    return s;
  };
  const check1d = (tag: unknown): string => {
    if (typeof tag !== 'string' || tag.length === 0 || tag.length > 80 || tag.includes(',') || tag.includes('/')) throw novaBad(`tag ${JSON.stringify(tag)}: 1 to 80 characters, no , or /`);
    return tag;
  };
  const save1d = (s: ServerRow, tags: string[]) => {
    if (tags.length > MAX_1D) throw novaBad(`a server has at most ${MAX_1D} tags`);
    ecs.update(s.id, { tags1d: JSON.stringify(tags) });
  };
  const headers = (ctx: RequestContext) => versionHeaders(microversion(ctx));

  const S = '/v2.1/{project_id}/servers/{server_id}';
  return [
    { method: 'POST', path: '/v1/{project_id}/servers/{server_id}/tags/action', operation: 'BatchServerTagAction', handler: action2d },
    { method: 'GET', path: '/v1/{project_id}/servers/{server_id}/tags', operation: 'ShowServerTags', handler: (ctx) => ({ status: 200, body: { tags: tagsOf(native(ctx)) } }) },
    { method: 'GET', path: '/v1/{project_id}/servers/tags', operation: 'ListServerTags', handler: projectTags },
    { method: 'POST', path: '/v1/{project_id}/servers/resource_instances/action', operation: 'ListResourceInstances', handler: resources },
    // The official SDK's tag APIs live under /cloudservers (not in the seed); same behaviour.
    { method: 'POST', path: '/v1/{project_id}/cloudservers/{server_id}/tags/action', operation: 'BatchServerTagAction', handler: action2d },
    { method: 'GET', path: '/v1/{project_id}/cloudservers/{server_id}/tags', operation: 'ShowServerTags', handler: (ctx) => ({ status: 200, body: { tags: tagsOf(native(ctx)) } }) },
    { method: 'GET', path: '/v1/{project_id}/cloudservers/tags', operation: 'ListServerTags', handler: projectTags },
    ...([
      { method: 'GET', path: `${S}/tags`, operation: 'NovaListServerTags', handler: (ctx) => ({ status: 200, body: { tags: tags1dOf(nova(ctx)) }, headers: headers(ctx) }) },
      {
        method: 'PUT', path: `${S}/tags`, operation: 'NovaReplaceServerTags',
        handler: (ctx) => {
          const s = nova(ctx);
          const b = body(ctx);
          if (!Array.isArray(b.tags)) throw novaBad('tags must be an array');
          const tags = [...new Set(b.tags.map(check1d))];
          save1d(s, tags);
          return { status: 200, body: { tags }, headers: headers(ctx) };
        },
      },
      { method: 'DELETE', path: `${S}/tags`, operation: 'NovaDeleteServerTags', handler: (ctx) => (save1d(nova(ctx), []), { status: 204, headers: headers(ctx) }) },
      {
        method: 'PUT', path: `${S}/tags/{tag}`, operation: 'NovaAddServerTag',
        handler: (ctx) => {
          const s = nova(ctx);
          const tag = check1d(ctx.params.tag);
          const tags = tags1dOf(s);
          if (tags.includes(tag)) return { status: 204, headers: headers(ctx) };
          save1d(s, [...tags, tag]);
          return { status: 201, body: { message: '<br /><br />\n\n\n', code: '201 Created', title: 'Created' }, headers: { ...headers(ctx), Location: `${ecs.rt.endpoints().ecs}${ctx.path.replace(/^\/ecs/, '')}` } };
        },
      },
      {
        method: 'GET', path: `${S}/tags/{tag}`, operation: 'NovaShowServerTag',
        handler: (ctx) => {
          if (!tags1dOf(nova(ctx)).includes(ctx.params.tag!)) throw novaNotFound(`Tag ${ctx.params.tag}`);
          return { status: 204, headers: headers(ctx) };
        },
      },
      {
        method: 'DELETE', path: `${S}/tags/{tag}`, operation: 'NovaDeleteServerTag',
        handler: (ctx) => {
          const s = nova(ctx);
          const tags = tags1dOf(s);
          if (!tags.includes(ctx.params.tag!)) throw novaNotFound(`Tag ${ctx.params.tag}`);
          save1d(s, tags.filter((t) => t !== ctx.params.tag));
          return { status: 204, headers: headers(ctx) };
        },
      },
    ] satisfies RouteSpec[]).map(novaRoute),
  ];
}
