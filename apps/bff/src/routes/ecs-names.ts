import { isCloudError, type CloudClients } from '@console/cloud';
import type { Disk } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { mapLimit } from './ecs-lookup.ts';

/** One page of the brief server list names this many servers in one call. */
const NAMES_PER_CALL = 1000;
/** Servers beyond the first page of names are read one by one, at most this many per lookup. */
const MAX_SINGLE_READS = 20;

interface Entry {
  at: number;
  names: Map<string, string>;
  /** The listing held every server: an id it lacks names nothing. */
  complete: boolean;
}

/**
 * Server names for the disk views: one brief list call names up to 1000 servers, kept per profile
 * for a short while, so a page of disks costs at most one ECS call. A rename through the console
 * updates the entry at once.
 */
export class ServerNameCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();

  constructor(private readonly ttlMs = 30_000) {}

  async namesOf(clients: CloudClients, profileId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    let entry = this.entries.get(profileId);
    const fresh = entry && Date.now() - entry.at < this.ttlMs;
    if (!entry || !fresh || (!entry.complete && wanted.some((id) => !entry!.names.has(id)))) entry = await this.refresh(clients, profileId);
    const missing = entry.complete ? [] : wanted.filter((id) => !entry.names.has(id)).slice(0, MAX_SINGLE_READS);
    await mapLimit(missing, 8, async (id) => {
      try {
        entry.names.set(id, (await clients.ecs.showServer(id)).data.server.name);
      } catch (err) {
        if (!isCloudError(err)) throw err;
      }
    });
    return new Map(wanted.filter((id) => entry.names.has(id)).map((id) => [id, entry.names.get(id)!]));
  }

  /** A server renamed or created through the console. */
  remember(profileId: string, id: string, name: string): void {
    this.entries.get(profileId)?.names.set(id, name);
  }

  forget(profileId: string, id: string): void {
    this.entries.get(profileId)?.names.delete(id);
  }

  private refresh(clients: CloudClients, profileId: string): Promise<Entry> {
    let p = this.inFlight.get(profileId);
    if (!p) {
      p = clients.ecs.listServerNames({ limit: NAMES_PER_CALL }).then((r) => {
        const servers = r.data.servers ?? [];
        const more = (r.data.servers_links ?? []).some((l) => l.rel === 'next') || servers.length >= NAMES_PER_CALL;
        const entry: Entry = { at: Date.now(), names: new Map(servers.map((s) => [s.id, s.name])), complete: !more };
        this.entries.set(profileId, entry);
        return entry;
      });
      const done = () => this.inFlight.delete(profileId);
      p.then(done, done);
      this.inFlight.set(profileId, p);
    }
    return p;
  }
}

const caches = new WeakMap<ConsoleContext, ServerNameCache>();

/** The console's one name cache, shared by the disk and server routes. */
export function serverNames(ctx: ConsoleContext): ServerNameCache {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new ServerNameCache()));
  return c;
}

/**
 * Fills `serverName` of the disks' attachments. The disks are still worth showing when ECS cannot
 * answer, so a failed lookup leaves the names out.
 */
export async function fillServerNames(ctx: ConsoleContext, clients: CloudClients, profileId: string, disks: Disk[]): Promise<void> {
  const ids = disks.flatMap((d) => d.attachments.map((a) => a.serverId));
  if (ids.length === 0) return;
  let names: Map<string, string>;
  try {
    names = await serverNames(ctx).namesOf(clients, profileId, ids);
  } catch (err) {
    if (isCloudError(err)) return;
    throw err;
  }
  for (const d of disks) {
    for (const a of d.attachments) {
      const name = names.get(a.serverId);
      if (name !== undefined) a.serverName = name;
    }
  }
}
