import { isUuid } from '../../../server/ids.ts';
import { evsError } from '../errors.ts';
import type { Evs } from './evs.ts';
import type { SnapshotRow } from './rows.ts';
import { parseLimit, parseOffset, type ListFlavor } from './volume-query.ts';

export interface SnapshotPage {
  rows: SnapshotRow[];
  count: number | undefined;
  hasMore: boolean;
  limit: number;
  /** Whether the client asked for a limit: the custom list links to the next page only then (6.2.4). */
  limited: boolean;
}

/**
 * Snapshot lists (6.2.4 and Cinder 7.2.4/7.2.5), newest first. The custom API documents no marker
 * but hands one out in its next link (seed 000:L5778), so a marker is accepted there too.
 */
export function querySnapshots(evs: Evs, q: URLSearchParams, flavor: ListFlavor, withCount: boolean): SnapshotPage {
  const where: string[] = ['1 = 1'];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    args.push(...values);
  };
  for (const key of ['name', 'status', 'volume_id', 'availability_zone'] as const) {
    const v = q.get(key);
    if (v !== null) add(`${key} = ?`, v);
  }
  if (flavor === 'custom') {
    const ids = q.getAll('id');
    if (ids.length > 0) add('id IN (SELECT value FROM json_each(?))', JSON.stringify(ids));
    const dssName = q.get('dedicated_storage_name');
    if (dssName !== null) add("dedicated_storage_name LIKE ? ESCAPE '\\'", `%${dssName.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    for (const key of ['dedicated_storage_id', 'service_type'] as const) {
      const v = q.get(key);
      if (v !== null) add(`${key} = ?`, v);
    }
    const ep = q.get('enterprise_project_id');
    if (ep !== null && ep !== 'all_granted_eps') add('enterprise_project_id = ?', ep);
  }
  const limit = parseLimit(q, flavor);
  const offset = parseOffset(q);
  const filterSql = where.join(' AND ');
  const count = withCount ? (evs.store.s.get(`SELECT count(*) AS n FROM snapshots WHERE ${filterSql}`).get(...args) as { n: number }).n : undefined;
  const marker = q.get('marker');
  if (marker !== null) {
    const m = isUuid(marker) ? evs.store.snapshot(marker) : undefined;
    if (!m) throw evsError('EVS.1024', `marker ${marker} is not the id of a snapshot`);
    add('seq < ?', m.seq);
  }
  const rows = evs.store.s.get(`SELECT * FROM snapshots WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...args, limit + 1, offset) as SnapshotRow[];
  const hasMore = rows.length > limit;
  if (hasMore) rows.length = limit;
  return { rows, count, hasMore, limit, limited: q.get('limit') !== null };
}

export function snapshotNextLink(evs: Evs, path: string, q: URLSearchParams, page: SnapshotPage): { href: string; rel: string }[] | undefined {
  const last = page.rows[page.rows.length - 1];
  if (!page.hasMore || !last) return undefined;
  const next = new URLSearchParams();
  for (const [k, v] of q) if (k !== 'marker' && k !== 'offset' && k !== 'limit') next.append(k, v);
  next.set('limit', String(page.limit));
  next.set('marker', last.id);
  const env = evs.env();
  return [{ href: `${env.evsBase}/v2/${env.projectId}/${path}?${next.toString()}`, rel: 'next' }];
}
