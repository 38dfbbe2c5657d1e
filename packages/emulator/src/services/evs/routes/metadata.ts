import { ApiError } from '../../../server/errors.ts';
import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { evs5400, evsError, notFound } from '../errors.ts';
import type { Evs } from '../model/evs.ts';
import { parseMap } from '../model/rows.ts';
import { checkMetadata, isObj } from '../model/validate.ts';
import { bodyObject } from './common.ts';

/** Keys set by the system at creation; changing or removing them is refused (EVS.2047, EVS.5403). */
const PROTECTED = ['__system__encrypted', '__system__cmkid', 'orderID', 'hw:passthrough', 'full_clone'];

/**
 * Applies a metadata change while keeping the protected keys: `merge` adds or overwrites keys,
 * `replace` makes the given map the whole metadata (protected keys kept).
 */
export function mergeProtected(current: Record<string, string>, given: Record<string, string>, mode: 'merge' | 'replace'): Record<string, string> {
  for (const key of PROTECTED) {
    if (key in given && given[key] !== current[key]) throw evsError('EVS.2047', `${key} cannot be changed`);
  }
  if (mode === 'merge') return { ...current, ...given };
  const out: Record<string, string> = {};
  for (const key of PROTECTED) if (current[key] !== undefined) out[key] = current[key];
  return { ...out, ...given };
}

interface Target {
  kind: 'volume' | 'snapshot';
  read(id: string): Record<string, string>;
  write(id: string, metadata: Record<string, string>): void;
}

/** Disk (7.5) and snapshot (7.6) metadata: `metadata` for the whole map, `meta` for one key. */
export function metadataRoutes(evs: Evs): RouteSpec[] {
  const volume: Target = {
    kind: 'volume',
    read: (id) => parseMap(evs.store.requireVolume(id).metadata),
    write: (id, m) => evs.store.updateVolume(id, { metadata: JSON.stringify(m) }, evs.stamp()),
  };
  const snapshot: Target = {
    kind: 'snapshot',
    read: (id) => parseMap(evs.store.requireSnapshot(id).metadata),
    write: (id, m) => evs.store.updateSnapshot(id, { metadata: JSON.stringify(m) }, evs.stamp()),
  };

  const idOf = (t: Target, ctx: RequestContext) => (t.kind === 'volume' ? ctx.params.volume_id! : ctx.params.snapshot_id!);
  // Snapshot metadata has no system keys to protect.
  const plain = (current: Record<string, string>, given: Record<string, string>, mode: 'merge' | 'replace') => (mode === 'merge' ? { ...current, ...given } : { ...given });
  const guard = (t: Target) => (t.kind === 'volume' ? mergeProtected : plain);

  const all = (t: Target) => (ctx: RequestContext) => ({ status: 200, body: { metadata: t.read(idOf(t, ctx)) } });

  const write = (t: Target, mode: 'merge' | 'replace') => (ctx: RequestContext) => {
    const body = bodyObject(ctx, 'EVS.5400');
    const given = checkMetadata(body.metadata);
    return evs.transaction(() => {
      const id = idOf(t, ctx);
      const next = guard(t)(t.read(id), given, mode);
      checkMetadata(next);
      t.write(id, next);
      return { status: 200, body: { metadata: next } };
    });
  };

  const one = (t: Target) => (ctx: RequestContext) => {
    const key = ctx.params.key!;
    const m = t.read(idOf(t, ctx));
    if (m[key] === undefined) throw notFound('metadata key', key);
    return { status: 200, body: { meta: { [key]: m[key] } } };
  };

  const putOne = (t: Target) => (ctx: RequestContext) => {
    const key = ctx.params.key!;
    const body = bodyObject(ctx, 'EVS.5400');
    if (!isObj(body.meta)) throw evs5400('Malformed request body.', 'meta must be a JSON object');
    const meta = checkMetadata(body.meta, 'meta');
    const keys = Object.keys(meta);
    if (keys.length !== 1 || keys[0] !== key) throw evs5400('Request body and URI mismatch.', `meta must hold exactly the key ${key}`);
    return evs.transaction(() => {
      const id = idOf(t, ctx);
      const next = guard(t)(t.read(id), meta, 'merge');
      checkMetadata(next);
      t.write(id, next);
      return { status: 200, body: { meta } };
    });
  };

  const removeOne = (t: Target) => (ctx: RequestContext) => {
    const key = ctx.params.key!;
    return evs.transaction(() => {
      const id = idOf(t, ctx);
      const m = t.read(id);
      if (m[key] === undefined) throw notFound('metadata key', key);
      if (t.kind === 'volume' && PROTECTED.includes(key)) throw new ApiError(403, 'EVS.5403', `metadata can not be operated. (${key} is set by the system)`);
      delete m[key];
      t.write(id, m);
      return { status: 200 };
    });
  };

  const routes = (t: Target, base: string, prefix: string): RouteSpec[] => [
    { method: 'POST', path: `${base}/metadata`, operation: `${prefix}CreateMetadata`, handler: write(t, 'merge') },
    { method: 'GET', path: `${base}/metadata`, operation: `${prefix}ListMetadata`, handler: all(t) },
    { method: 'PUT', path: `${base}/metadata`, operation: `${prefix}UpdateMetadata`, handler: write(t, 'replace') },
    { method: 'GET', path: `${base}/metadata/{key}`, operation: `${prefix}ShowMetadataItem`, handler: one(t) },
    { method: 'PUT', path: `${base}/metadata/{key}`, operation: `${prefix}UpdateMetadataItem`, handler: putOne(t) },
    { method: 'DELETE', path: `${base}/metadata/{key}`, operation: `${prefix}DeleteMetadataItem`, handler: removeOne(t) },
  ];

  const everything: RouteSpec[] = [
    ...routes(volume, '/v2/{project_id}/volumes/{volume_id}', 'CinderVolume'),
    ...routes(snapshot, '/v2/{project_id}/snapshots/{snapshot_id}', 'CinderSnapshot'),
    // 7.5.7 lists this one v3 path among the current APIs.
    { method: 'GET', path: '/v3/{project_id}/volumes/{volume_id}/metadata', operation: 'CinderVolumeListMetadataV3', handler: all(volume) },
  ];
  return everything.map((r) => ({ ...r, openstack: true }));
}
