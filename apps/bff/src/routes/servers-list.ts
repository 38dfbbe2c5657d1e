import type { CloudClients, EcsTypes } from '@console/cloud';
import type { Flavor, Server, ServerListQuery, ServerPage } from '@console/contract';
import { toServer } from './ecs-map.ts';

/** Servers the console reads to apply filters the cloud cannot; the page then ends early with a marker. */
export const MAX_SERVER_SCAN = 10_000;
const SCAN_PAGE = 1000;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server list. Name, status, flavor, IP and `key=value` tags go to Nova's list (name is a
 * pattern there, so the text is escaped to match literally). The availability zone and a tag key
 * without a value are not Nova filters: with them the console reads on through the list, filters
 * itself and names them in `unsupported`.
 */
export async function listServerPage(clients: CloudClients, flavors: ReadonlyMap<string, Flavor>, q: ServerListQuery): Promise<ServerPage> {
  const tagKeyOnly = q.tag !== undefined && !q.tag.includes('=');
  const pushed: EcsTypes.ListServersQuery = {
    ...(q.name ? { name: escapeRegex(q.name) } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.flavor ? { flavor: q.flavor } : {}),
    ...(q.ip ? { ip: q.ip } : {}),
    ...(q.tag !== undefined && !tagKeyOnly ? { tags: q.tag } : {}),
  };
  const unsupported = [...(q.availabilityZone ? ['availabilityZone'] : []), ...(tagKeyOnly ? ['tag'] : [])];
  if (unsupported.length === 0) {
    const res = await clients.ecs.listServers({ ...pushed, limit: q.limit, ...(q.marker ? { marker: q.marker } : {}) });
    const items = (res.data.servers ?? []).map((s) => toServer(s, flavors));
    const more = (res.data.servers_links ?? []).some((l) => l.rel === 'next');
    return { items, nextMarker: more && items.length ? items[items.length - 1]!.id : null };
  }

  const keep = (s: Server) => (!q.availabilityZone || s.availabilityZone === q.availabilityZone) && (!tagKeyOnly || q.tag! in s.tags);
  const items: Server[] = [];
  let marker = q.marker;
  let scanned = 0;
  for (;;) {
    const res = await clients.ecs.listServers({ ...pushed, limit: SCAN_PAGE, ...(marker ? { marker } : {}) });
    const page = res.data.servers ?? [];
    for (const raw of page) {
      scanned += 1;
      const s = toServer(raw, flavors);
      if (!keep(s)) continue;
      // One match beyond the page says that there is a next page, and the page's last id continues it.
      if (items.length === q.limit) return { items, nextMarker: items[items.length - 1]!.id, unsupported };
      items.push(s);
    }
    const more = page.length > 0 && (res.data.servers_links ?? []).some((l) => l.rel === 'next');
    if (!more) return { items, nextMarker: null, unsupported };
    marker = page[page.length - 1]!.id;
    // Long scans stop here; the marker lets the next request carry on where this one stopped.
    if (scanned >= MAX_SERVER_SCAN) return { items, nextMarker: marker, unsupported };
  }
}
