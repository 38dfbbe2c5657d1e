import type { Ecs } from '../model/ecs.ts';
import { novaBad } from '../errors.ts';
import { nicsOf, tags1dOf } from '../model/render.ts';
import type { ServerRow } from '../model/rows.ts';
import { statusOf } from '../model/state.ts';

/**
 * Filters and paging of 6.2.4/6.2.5: newest first, `limit` (default 25, max 1,000) and `marker`
 * (the last id of the previous page). name, flavor and ip match fuzzily; tags/not-tags take
 * comma-separated 1D tags (all must match / none may).
 */
export function queryServers(ecs: Ecs, q: URLSearchParams): { rows: ServerRow[]; next?: string } {
  const limitRaw = q.get('limit');
  const limit = limitRaw === null ? 25 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 0) throw novaBad('limit must be a non-negative integer');
  const size = Math.min(limit, 1000);
  const filters = ['image', 'name', 'status', 'flavor', 'ip', 'changes-since', 'tags', 'not-tags', 'reservation_id'];
  if (!filters.some((f) => q.has(f))) return unfilteredPage(ecs, q.get('marker'), size);
  let rows = ecs.s.get('SELECT * FROM servers ORDER BY created DESC, seq DESC').all() as ServerRow[];
  const image = q.get('image');
  if (image !== null) return { rows: rows.filter((s) => s.image_id === image) };
  const name = q.get('name');
  const status = q.get('status');
  const flavor = q.get('flavor');
  const ip = q.get('ip');
  const sinceRaw = q.get('changes-since');
  // A date-time without a zone is UTC, as everything the API returns.
  const since = sinceRaw === null ? null : Date.parse(/T[^Z+-]*$/.test(sinceRaw) ? `${sinceRaw}Z` : sinceRaw);
  if (since !== null && Number.isNaN(since)) throw novaBad(`changes-since ${sinceRaw} is not an ISO 8601 time`);
  const tags = q.get('tags')?.split(',').filter(Boolean);
  const notTags = q.get('not-tags')?.split(',').filter(Boolean);
  const reservation = q.get('reservation_id');
  let nameRe: RegExp | undefined;
  if (name !== null) {
    try {
      nameRe = new RegExp(name);
    } catch {
      throw novaBad(`name ${name} is not a valid pattern`);
    }
  }
  rows = rows.filter((s) => {
    if (nameRe && !nameRe.test(s.name)) return false;
    if (status !== null && statusOf(s) !== status) return false;
    if (flavor !== null && !s.flavor_id.includes(flavor)) return false;
    if (ip !== null && !nicsOf(s).some((n) => n.ip.includes(ip))) return false;
    if (since !== null && Date.parse(s.updated) < since) return false;
    if (reservation !== null && `r-${s.id.slice(0, 8)}` !== reservation) return false;
    const t = tags || notTags ? tags1dOf(s) : [];
    if (tags && !tags.every((x) => t.includes(x))) return false;
    if (notTags && notTags.every((x) => t.includes(x))) return false;
    return true;
  });
  const marker = q.get('marker');
  if (marker !== null) {
    const at = rows.findIndex((s) => s.id === marker);
    if (at < 0) throw novaBad(`marker ${marker} could not be found`);
    rows = rows.slice(at + 1);
  }
  const page = rows.slice(0, size);
  return { rows: page, next: rows.length > size && page.length > 0 ? page[page.length - 1]!.id : undefined };
}

/** An unfiltered page straight from the index: newest first, after the marker. */
function unfilteredPage(ecs: Ecs, marker: string | null, size: number): { rows: ServerRow[]; next?: string } {
  let rows: ServerRow[];
  if (marker === null) {
    rows = ecs.s.get('SELECT * FROM servers ORDER BY created DESC, seq DESC LIMIT ?').all(size + 1) as ServerRow[];
  } else {
    const at = ecs.server(marker);
    if (!at) throw novaBad(`marker ${marker} could not be found`);
    rows = ecs.s
      .get('SELECT * FROM servers WHERE created < @created OR (created = @created AND seq < @seq) ORDER BY created DESC, seq DESC LIMIT @n')
      .all({ created: at.created, seq: at.seq, n: size + 1 }) as ServerRow[];
  }
  const out = rows.slice(0, size);
  return { rows: out, next: rows.length > size && out.length > 0 ? out[out.length - 1]!.id : undefined };
}
