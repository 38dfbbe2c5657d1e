import type { CloudClients, EvsTypes } from '@console/cloud';
import type { DiskListQuery, DiskPage } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { toDisk } from './evs-map.ts';
import { disksByIds, type VolumeTypeCache } from './evs-lookup.ts';
import { fieldError } from './evs-tasks.ts';

const SORT_KEYS = { id: 'id', status: 'status', size: 'size', createdAt: 'created_at' } as const;

/** Disks carrying one tag that the console filters and sorts itself; beyond this the tag is too common. */
export const MAX_TAG_SCAN = 10_000;
const TAG_PAGE = 1000;

/**
 * The disk list. Without a tag every filter, the sort and the paging go to the disk list API (the
 * type through its `volume_type_id`). The tag query API pages and matches names but filters nothing
 * else and does not sort: combined with it, the remaining parameters are applied here over all the
 * tag's disks, and the answer names them in `unsupported`.
 */
export async function listDiskPage(clients: CloudClients, profileId: string, types: VolumeTypeCache, q: DiskListQuery): Promise<DiskPage> {
  return q.tag === undefined ? listUpstream(clients, profileId, types, q) : listByTag(clients, q, q.tag);
}

async function listUpstream(clients: CloudClients, profileId: string, types: VolumeTypeCache, q: DiskListQuery): Promise<DiskPage> {
  let volumeTypeId: string | undefined;
  if (q.type) {
    volumeTypeId = await types.idOf(clients, profileId, q.type);
    // The region does not offer the type, so no disk can have it.
    if (!volumeTypeId) return { items: [], total: 0 };
  }
  const res = await clients.evs.listDisks({
    limit: q.limit,
    ...(q.offset > 0 ? { offset: q.offset } : {}),
    ...(q.marker ? { marker: q.marker } : {}),
    ...(q.name ? { name: q.name } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.availabilityZone ? { availability_zone: q.availabilityZone } : {}),
    ...(q.serverId ? { server_id: q.serverId } : {}),
    ...(volumeTypeId ? { volume_type_id: volumeTypeId } : {}),
    ...(q.sort ? { sort_key: SORT_KEYS[q.sort] } : {}),
    ...(q.dir ? { sort_dir: q.dir } : {}),
  });
  return { items: (res.data.volumes ?? []).map(toDisk), total: res.data.count };
}

function consoleSideParams(q: DiskListQuery): string[] {
  const given: [string, unknown][] = [
    ['status', q.status], ['type', q.type], ['availabilityZone', q.availabilityZone], ['serverId', q.serverId],
    ['marker', q.marker], ['sort', q.sort], ['dir', q.dir],
  ];
  return given.filter(([, v]) => v !== undefined).map(([k]) => k);
}

async function listByTag(clients: CloudClients, q: DiskListQuery, tag: string): Promise<DiskPage> {
  const eq = tag.indexOf('=');
  const filter = {
    action: 'filter' as const,
    tags: [eq < 0 ? { key: tag, values: [] } : { key: tag.slice(0, eq), values: [tag.slice(eq + 1)] }],
    ...(q.name ? { matches: [{ key: 'resource_name', value: q.name }] } : {}),
  };
  const unsupported = consoleSideParams(q);
  if (unsupported.length === 0) {
    const res = await clients.evs.listDisksByTags({ ...filter, limit: q.limit, offset: q.offset });
    const page = (res.data.resources ?? []).map((r) => r.resource_detail);
    return { items: await withFullDetail(clients, page), total: res.data.total_count };
  }

  const all: EvsTypes.VolumeDetail[] = [];
  for (;;) {
    const res = await clients.evs.listDisksByTags({ ...filter, limit: TAG_PAGE, offset: all.length });
    if (res.data.total_count > MAX_TAG_SCAN) {
      throw new HttpError(400, 'FILTER_TOO_BROAD', `${res.data.total_count} disks carry this tag; with ${unsupported.join(', ')} the console filters at most ${MAX_TAG_SCAN}. Narrow the tag or drop the other filters.`);
    }
    const resources = res.data.resources ?? [];
    all.push(...resources.map((r) => r.resource_detail));
    if (resources.length === 0 || all.length >= res.data.total_count) break;
  }
  const matching = all.filter(
    (v) =>
      (!q.status || v.status === q.status) &&
      (!q.type || v.volume_type === q.type) &&
      (!q.availabilityZone || v.availability_zone === q.availabilityZone) &&
      (!q.serverId || (v.attachments ?? []).some((a) => a.server_id === q.serverId)),
  );
  const key = SORT_KEYS[q.sort ?? 'createdAt'];
  const sign = (q.dir ?? 'desc') === 'asc' ? 1 : -1;
  matching.sort((a, b) => sign * (compare(a[key], b[key]) || compare(a.id, b.id)));
  let start = q.offset;
  if (q.marker) {
    const at = matching.findIndex((v) => v.id === q.marker);
    if (at < 0) throw fieldError('marker', 'not a disk of this list; start again without it');
    start += at + 1;
  }
  const page = matching.slice(start, start + q.limit);
  return { items: await withFullDetail(clients, page), total: matching.length, unsupported };
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The tag API's disk view leaves out IOPS and throughput: the page's disks are read in full. */
async function withFullDetail(clients: CloudClients, page: EvsTypes.VolumeDetail[]) {
  if (page.length === 0) return [];
  const full = await disksByIds(clients, page.map((v) => v.id));
  return page.map((v) => toDisk(full.get(v.id) ?? v));
}
