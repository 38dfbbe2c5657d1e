import { isUuid } from '../../../server/ids.ts';
import type { ApiError } from '../../../server/errors.ts';
import { evs5400, evsError } from '../errors.ts';
import { availabilityZones, volumeTypeById } from '../catalog.ts';
import type { Evs } from './evs.ts';
import type { VolumeRow } from './rows.ts';
import { isObj } from './validate.ts';

/**
 * Disk list filtering, sorting and paging (6.1.3 and the Cinder lists 7.1.6/7.1.8). The custom API
 * matches `name` by substring and knows many more filters; Cinder matches names exactly. Every
 * filter becomes SQL, so a page of 100 out of 10,000 disks is one indexed query plus a count.
 */
export type ListFlavor = 'custom' | 'cinder';

const SORT_COLUMNS: Record<string, string> = { id: 'id', status: 'status', size: 'size', created_at: 'created_at' };
const MAX_IDS = 60;

export interface VolumePage {
  /** Ids of the page's disks, in order; callers render them (from cached views where they can). */
  ids: string[];
  /** Total matching disks, ignoring paging. */
  count: number | undefined;
  hasMore: boolean;
  limit: number;
}

function limitError(flavor: ListFlavor, kind: 'integer' | 'positive'): ApiError {
  if (flavor === 'cinder') return kind === 'integer' ? evs5400('limit param must be an integer.') : evs5400('limit param must be positive.');
  return evsError('EVS.1023', 'limit must be an integer from 1 to 1000');
}

export function parseLimit(q: URLSearchParams, flavor: ListFlavor, fallback = 1000): number {
  const raw = q.get('limit');
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw)) throw limitError(flavor, 'integer');
  const limit = Number(raw);
  if (limit < 1) throw limitError(flavor, 'positive');
  if (limit > 1000) throw evsError('EVS.2142');
  return limit;
}

export function parseOffset(q: URLSearchParams): number {
  const raw = q.get('offset');
  if (raw === null) return 0;
  if (!/^\d+$/.test(raw)) throw evs5400('offset param must be an integer.', `got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function parseBool(raw: string, name: string): 0 | 1 {
  if (raw === 'true' || raw === 'True') return 1;
  if (raw === 'false' || raw === 'False') return 0;
  throw evs5400('Malformed request url.', `${name} must be true or false`);
}

/** `ids=['id1','id2']` as documented, or a JSON array, or a comma list. */
function parseIds(raw: string): string[] {
  const ids = raw.match(/[0-9a-fA-F-]{36}/g) ?? [];
  if (ids.length > MAX_IDS) throw evsError('EVS.2228', `${ids.length} ids given`);
  return ids;
}

function parseMetadataFilter(raw: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw evsError('EVS.1058', 'metadata must be a JSON object, e.g. {"hw:passthrough": "true"}');
  }
  if (!isObj(parsed)) throw evsError('EVS.1058', 'metadata must be a JSON object');
  return Object.entries(parsed).map(([k, v]) => [k, String(v)]);
}

export function queryVolumes(evs: Evs, q: URLSearchParams, flavor: ListFlavor, withCount: boolean): VolumePage {
  const where: string[] = ['hidden = 0'];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    args.push(...values);
  };
  const name = q.get('name');
  if (name !== null) {
    if (flavor === 'custom') add("name LIKE ? ESCAPE '\\'", `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    else add('name = ?', name);
  }
  const status = q.get('status');
  if (status !== null) add('status = ?', status);
  const az = q.get('availability_zone');
  if (az !== null) {
    if (!availabilityZones(evs.rt.account.region).includes(az)) throw evsError('EVS.1041', `unknown availability zone ${az}`);
    add('availability_zone = ?', az);
  }
  const metadata = q.get('metadata');
  if (metadata !== null) {
    for (const [k, v] of parseMetadataFilter(metadata)) add('EXISTS (SELECT 1 FROM json_each(volumes.metadata) m WHERE m.key = ? AND m.value = ?)', k, v);
  }
  if (flavor === 'custom') addCustomFilters(q, add);

  const sortKey = q.get('sort_key') ?? 'created_at';
  const column = SORT_COLUMNS[sortKey];
  if (!column) throw evsError('EVS.1039', 'sort_key must be id, status, size or created_at');
  const sortDir = q.get('sort_dir') ?? 'desc';
  if (sortDir !== 'asc' && sortDir !== 'desc') throw evsError('EVS.1040', 'sort_dir must be asc or desc');
  const limit = parseLimit(q, flavor);
  const offset = parseOffset(q);

  const filterSql = where.join(' AND ');
  const count = withCount ? (evs.store.s.get(`SELECT count(*) AS n FROM volumes WHERE ${filterSql}`).get(...args) as { n: number }).n : undefined;

  // `+hidden` keeps the planner off the hidden index for the page, so it walks the ordering index
  // (covering created_at/size/status, seq, hidden, id) instead of sorting every visible disk.
  const pageWhere = ['+hidden = 0', ...where.slice(1)];
  const pageArgs = [...args];
  const marker = q.get('marker');
  if (marker !== null) {
    const m = isUuid(marker) ? evs.store.volume(marker) : undefined;
    if (!m) throw evsError('EVS.1024', `marker ${marker} is not the id of a disk`);
    const cmp = sortDir === 'desc' ? '<' : '>';
    if (column === 'id') {
      pageWhere.push(`id ${cmp} ?`);
      pageArgs.push(m.id);
    } else {
      pageWhere.push(`(${column} ${cmp} ? OR (${column} = ? AND seq ${cmp} ?))`);
      const value = m[column as keyof VolumeRow];
      pageArgs.push(value, value, m.seq);
    }
  }
  const order = column === 'id' ? `id ${sortDir}` : `${column} ${sortDir}, seq ${sortDir}`;
  const sql = `SELECT id FROM volumes WHERE ${pageWhere.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const ids = (evs.store.s.get(sql).all(...pageArgs, limit + 1, offset) as { id: string }[]).map((r) => r.id);
  const hasMore = ids.length > limit;
  if (hasMore) ids.length = limit;
  return { ids, count, hasMore, limit };
}

function addCustomFilters(q: URLSearchParams, add: (sql: string, ...values: unknown[]) => void): void {
  const multiattach = q.get('multiattach');
  if (multiattach !== null) add('multiattach = ?', parseBool(multiattach, 'multiattach'));
  const bootable = q.get('bootable');
  if (bootable !== null) add('bootable = ?', parseBool(bootable, 'bootable'));
  const serviceType = q.get('service_type');
  if (serviceType !== null) add('service_type = ?', serviceType);
  const dssId = q.get('dedicated_storage_id');
  if (dssId !== null) add('dedicated_storage_id = ?', dssId);
  const dssName = q.get('dedicated_storage_name');
  if (dssName !== null) add("dedicated_storage_name LIKE ? ESCAPE '\\'", `%${dssName.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const typeId = q.get('volume_type_id');
  if (typeId !== null) add('volume_type = ?', volumeTypeById(typeId) ?? '');
  const ids = q.get('ids');
  const id = q.get('id');
  if (ids !== null) add('id IN (SELECT value FROM json_each(?))', JSON.stringify(parseIds(ids)));
  else if (id !== null) add('id = ?', id);
  const ep = q.get('enterprise_project_id');
  if (ep !== null && ep !== 'all_granted_eps') add('enterprise_project_id = ?', ep);
  const serverId = q.get('server_id');
  if (serverId !== null) add('EXISTS (SELECT 1 FROM attachments a WHERE a.volume_id = volumes.id AND a.server_id = ?)', serverId);
  // Disks of this emulator never belong to a DSS/DESS resource tree, so these filters match nothing.
  for (const key of ['root_resource_type', 'root_resource_id', 'parent_resource_type', 'parent_resource_id']) {
    if (q.get(key) !== null) add('0');
  }
}

/** The `rel: next` link of a partial page: the same query, continued after the page's last disk. */
export function nextLink(evs: Evs, collection: string, q: URLSearchParams, page: VolumePage): { href: string; rel: string }[] | undefined {
  const last = page.ids[page.ids.length - 1];
  if (!page.hasMore || !last) return undefined;
  const next = new URLSearchParams();
  for (const [k, v] of q) if (k !== 'marker' && k !== 'offset' && k !== 'limit') next.append(k, v);
  next.set('limit', String(page.limit));
  next.set('marker', last);
  const env = evs.env();
  return [{ href: `${env.evsBase}/v2/${env.projectId}/${collection}?${next.toString()}`, rel: 'next' }];
}
