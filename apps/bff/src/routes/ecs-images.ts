import { isCloudError, type CloudClients } from '@console/cloud';
import type { ConsoleContext } from '../context.ts';

/** Images read per name lookup: the boot images of a project are far fewer. */
const PAGE = 500;

/**
 * Image names for the server views: the server object carries only the image id (its name is
 * system metadata the cloud sets on some images only). One IMS page per profile, kept a while.
 * A failed read is not kept, and servers are then shown with the image id.
 */
export class ImageNameCache {
  private readonly entries = new Map<string, { at: number; names: Promise<Map<string, string>> }>();

  constructor(private readonly ttlMs = 10 * 60_000) {}

  async names(clients: CloudClients, profileId: string): Promise<ReadonlyMap<string, string>> {
    const hit = this.entries.get(profileId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.names.catch(() => new Map<string, string>());
    const names = clients.ims.listImages({ limit: PAGE }).then((r) => new Map((r.data.images ?? []).map((i) => [i.id, i.name])));
    const entry = { at: Date.now(), names };
    this.entries.set(profileId, entry);
    try {
      return await names;
    } catch (err) {
      if (this.entries.get(profileId) === entry) this.entries.delete(profileId);
      if (isCloudError(err)) return new Map();
      throw err;
    }
  }
}

const caches = new WeakMap<ConsoleContext, ImageNameCache>();

export function imageNames(ctx: ConsoleContext): ImageNameCache {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new ImageNameCache()));
  return c;
}

/** Names the servers' images where the cloud did not. */
export function nameImages<T extends { image: { id: string; name?: string } | null }>(servers: T[], names: ReadonlyMap<string, string>): void {
  for (const s of servers) {
    if (s.image && s.image.name === undefined) {
      const name = names.get(s.image.id);
      if (name !== undefined) s.image.name = name;
    }
  }
}
