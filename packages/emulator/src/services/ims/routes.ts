import type { Reply, RequestContext, RouteSpec } from '../../server/types.ts';
import { imsError } from './errors.ts';
import type { Ims, ImsImageRow } from './model.ts';
import { renderImage } from './render.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

/** Enumerated filters of `ListImagesRequest`; any other value is refused. */
const ENUMS: Record<string, readonly string[]> = {
  __imagetype: ['gold', 'private', 'shared', 'market'],
  __os_type: ['Linux', 'Windows', 'Other'],
  __os_bit: ['32', '64'],
  __isregistered: ['true', 'false'],
  __support_kvm: ['true', 'false'],
  __support_arm: ['true', 'false'],
  status: ['queued', 'saving', 'deleted', 'killed', 'active'],
  visibility: ['public', 'private'],
  protected: ['true', 'false'],
  virtual_env_type: ['FusionCompute', 'Ironic', 'DataImage'],
  disk_format: ['vhd', 'zvhd', 'raw', 'qcow2', 'zvhd2'],
  architecture: ['x86', 'arm'],
  sort_dir: ['asc', 'desc'],
  sort_key: ['created_at', 'name', 'container_format', 'disk_format', 'status', 'id', 'size'],
};
/** Filters compared with the rendered image's field of the same name. */
const EQUAL = ['__imagetype', '__os_type', '__os_bit', '__isregistered', '__platform', '__support_kvm', 'id', 'name', 'status', 'visibility', 'owner', 'virtual_env_type', 'disk_format', 'container_format'];
const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 1000;

function int(ctx: RequestContext, key: string, min: number, max: number): number | undefined {
  const raw = ctx.query.get(key);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (raw === '' || !Number.isInteger(n) || n < min || n > max) throw imsError('IMG.0001', `${key} must be an integer from ${min} to ${max}`);
  return n;
}

/** `GET /v2/cloudimages`: every filter is ANDed; newest first unless sort_key/sort_dir say otherwise; marker paging. */
export function listImages(ims: Ims, ctx: RequestContext): Record<string, unknown> {
  for (const [key, allowed] of Object.entries(ENUMS)) {
    const v = ctx.query.get(key);
    if (v !== null && !allowed.includes(v)) throw imsError('IMG.0001', `${key} must be one of ${allowed.join(', ')}`);
  }
  const limit = int(ctx, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  const minDisk = int(ctx, 'min_disk', 0, 1024);
  const minRam = int(ctx, 'min_ram', 0, 1024 * 1024);
  const q = ctx.query;
  // `deleted` images exist only for a status=deleted query.
  let images = (q.get('status') === 'deleted' ? (ims.s.get("SELECT * FROM images WHERE status = 'deleted'").all() as ImsImageRow[]) : ims.all())
    .map((r) => ({ r, v: renderImage(ims, r) }));
  for (const key of EQUAL) {
    const want = q.get(key);
    if (want !== null) images = images.filter(({ v }) => String(v[key]) === want);
  }
  if (q.get('protected') !== null) images = images.filter(({ v }) => String(v.protected) === q.get('protected'));
  if (q.get('__support_arm') !== null) images = images.filter(({ v }) => v.__support_arm === q.get('__support_arm'));
  if (q.get('architecture') !== null) images = images.filter(({ v }) => (v.__support_arm === 'true') === (q.get('architecture') === 'arm'));
  if (minDisk !== undefined) images = images.filter(({ r }) => r.min_disk === minDisk);
  if (minRam !== undefined) images = images.filter(({ r }) => r.min_ram === minRam);
  const sortKey = q.get('sort_key') ?? 'created_at';
  const dir = (q.get('sort_dir') ?? 'desc') === 'asc' ? 1 : -1;
  const keyOf = (x: { r: ImsImageRow; v: Record<string, unknown> }): string | number =>
    sortKey === 'created_at' ? x.r.created_ms : sortKey === 'size' ? x.r.size_bytes : String(x.v[sortKey]);
  images.sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return (ka < kb ? -1 : ka > kb ? 1 : a.r.id < b.r.id ? -1 : 1) * dir;
  });
  let start = 0;
  const marker = q.get('marker');
  if (marker !== null) {
    const at = images.findIndex(({ r }) => r.id === marker);
    if (at < 0) throw imsError('IMG.0001', `marker ${marker} is not an image of this list`);
    start = at + 1;
  }
  const page = images.slice(start, start + limit);
  const more = start + limit < images.length;
  return { images: page.map(({ v }) => v), ...(more ? { page_info: { next_marker: page.at(-1)!.r.id } } : {}) };
}

export function imsRoutes(ims: Ims): RouteSpec[] {
  return [
    { method: 'GET', path: '/v2/cloudimages', operation: 'ListImages', handler: (ctx) => ok(listImages(ims, ctx)) },
    { method: 'GET', path: '/v2/images/{image_id}', operation: 'GlanceShowImage', handler: (ctx) => ok(renderImage(ims, ims.requireRow(ctx.params.image_id!))) },
  ];
}
