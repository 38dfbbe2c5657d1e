import { ecsError } from '../errors.ts';

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as an object; an empty or non-object body is Common.0002 / Ecs.0005. */
export function body(ctx: { rawBody: Buffer | undefined; json(): unknown }): Obj {
  if (!ctx.rawBody || ctx.rawBody.length === 0) throw ecsError('Common.0002');
  const b = ctx.json();
  if (!isObj(b)) throw ecsError('Ecs.0005', 'request body is illegal.');
  return b;
}

export function requireObjKey(o: Obj, key: string): Obj {
  const v = o[key];
  if (!isObj(v)) throw ecsError('Ecs.0005', `${key} is required and must be an object`);
  return v;
}

/** `servers: [{id}]` of the batch APIs (at most 1,000). */
export function serverIds(o: Obj, key = 'servers'): string[] {
  const list = o[key];
  if (!Array.isArray(list) || list.length === 0) throw ecsError('Ecs.0005', `${key} needs at least one {"id"}`);
  if (list.length > 1000) throw ecsError('Ecs.0118', `${list.length} servers, at most 1,000`);
  const ids = list.map((x: unknown, i) => {
    if (!isObj(x) || typeof x.id !== 'string' || x.id === '') throw ecsError('Ecs.0005', `${key}[${i}].id is required`);
    return x.id;
  });
  if (new Set(ids).size !== ids.length) throw ecsError('Ecs.0005', `${key} lists a server twice`);
  return ids;
}
