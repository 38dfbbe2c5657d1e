import { isCloudError, type CloudClients, type EvsTypes } from '@console/cloud';
import { ErrorCodes, type Disk, type Snapshot } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { toDisk, toSnapshot } from './evs-map.ts';

/** A cloud 404 as the console's NOT_FOUND, keeping what the cloud said. */
export function rethrowNotFound(err: unknown, what: string): never {
  if (isCloudError(err) && err.httpStatus === 404) {
    const e = new HttpError(404, ErrorCodes.notFound, `No ${what} in this project`);
    e.upstream = { service: err.service, code: err.code, message: err.message, ...(err.requestId ? { requestId: err.requestId } : {}) };
    throw e;
  }
  throw err;
}

export async function readDisk(clients: CloudClients, id: string): Promise<Disk> {
  try {
    return toDisk((await clients.evs.showDisk(id)).data.volume);
  } catch (err) {
    return rethrowNotFound(err, `disk ${id}`);
  }
}

export async function readSnapshot(clients: CloudClients, id: string): Promise<EvsTypes.SnapshotDetails> {
  try {
    return (await clients.evs.showSnapshot(id)).data.snapshot;
  } catch (err) {
    return rethrowNotFound(err, `snapshot ${id}`);
  }
}

/** The disk's name for a snapshot view; a disk that cannot be read leaves the name out. */
export async function snapshotWithDiskName(clients: CloudClients, s: EvsTypes.SnapshotDetails): Promise<Snapshot> {
  try {
    return toSnapshot(s, (await clients.evs.showDisk(s.volume_id)).data.volume.name);
  } catch (err) {
    if (isCloudError(err) && err.httpStatus === 404) return toSnapshot(s);
    throw err;
  }
}

/** The disk list's `ids` filter takes at most 60 ids, written `['id1','id2']`. */
const IDS_PER_CALL = 60;

/** Disks by id, in as few calls as the `ids` filter allows; ids that do not exist are simply absent. */
export async function disksByIds(clients: CloudClients, ids: string[]): Promise<Map<string, EvsTypes.VolumeDetail>> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_CALL) chunks.push(unique.slice(i, i + IDS_PER_CALL));
  const pages = await Promise.all(
    chunks.map((chunk) => clients.evs.listDisks({ ids: `[${chunk.map((id) => `'${id}'`).join(',')}]`, limit: IDS_PER_CALL })),
  );
  const out = new Map<string, EvsTypes.VolumeDetail>();
  for (const page of pages) for (const v of page.data.volumes ?? []) out.set(v.id, v);
  return out;
}

/**
 * Disk types change rarely and are needed to turn a type name into the `volume_type_id` the disk
 * list filters by: kept per profile for a few minutes. A failed read is not kept.
 */
export class VolumeTypeCache {
  private readonly entries = new Map<string, { at: number; types: Promise<EvsTypes.VolumeTypeInfo[]> }>();

  constructor(private readonly ttlMs = 10 * 60_000) {}

  get(clients: CloudClients, profileId: string): Promise<EvsTypes.VolumeTypeInfo[]> {
    const hit = this.entries.get(profileId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.types;
    const types = clients.evs.listVolumeTypes().then((r) => r.data.volume_types ?? []);
    const entry = { at: Date.now(), types };
    this.entries.set(profileId, entry);
    types.catch(() => {
      if (this.entries.get(profileId) === entry) this.entries.delete(profileId);
    });
    return types;
  }

  async idOf(clients: CloudClients, profileId: string, name: string): Promise<string | undefined> {
    return (await this.get(clients, profileId)).find((t) => t.name === name)?.id;
  }
}
