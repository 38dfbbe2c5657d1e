import { isCloudError, normalizeJob, type CloudClients } from '@console/cloud';
import type { Flavor, ResourceRef, Server } from '@console/contract';
import type { Tracking } from '../tasks/types.ts';
import { rethrowNotFound } from './evs-lookup.ts';
import { fieldError } from './evs-tasks.ts';
import { flavorStatusIn, SELLABLE, toFlavor, toServer } from './ecs-map.ts';

export const ecsJob = (jobId: string): Tracking => ({ mode: 'job', service: 'ecs', jobId });
export const serverRef = (s: Pick<Server, 'id' | 'name'>): ResourceRef => ({ type: 'server', id: s.id, ...(s.name ? { name: s.name } : {}) });

/**
 * The flavor catalog changes rarely and names the vCPUs and RAM the server object lacks: kept per
 * profile for a few minutes. A failed read is not kept.
 */
export class FlavorCache {
  private readonly entries = new Map<string, { at: number; flavors: Promise<Map<string, Flavor>> }>();

  constructor(private readonly ttlMs = 10 * 60_000) {}

  get(clients: CloudClients, profileId: string): Promise<Map<string, Flavor>> {
    const hit = this.entries.get(profileId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.flavors;
    const flavors = clients.ecs.listFlavors().then((r) => new Map((r.data.flavors ?? []).map((f) => [f.id, toFlavor(f)])));
    const entry = { at: Date.now(), flavors };
    this.entries.set(profileId, entry);
    flavors.catch(() => {
      if (this.entries.get(profileId) === entry) this.entries.delete(profileId);
    });
    return flavors;
  }

  /** Servers still show without vCPUs and RAM when the catalog cannot be read. */
  async orEmpty(clients: CloudClients, profileId: string): Promise<Map<string, Flavor>> {
    try {
      return await this.get(clients, profileId);
    } catch (err) {
      if (isCloudError(err)) return new Map();
      throw err;
    }
  }
}

export async function readServer(clients: CloudClients, id: string, flavors?: ReadonlyMap<string, Flavor>): Promise<Server> {
  try {
    return toServer((await clients.ecs.showServer(id)).data.server, flavors);
  } catch (err) {
    return rethrowNotFound(err, `server ${id}`);
  }
}

/** `fn` over every item, at most `limit` at a time, results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * A batch operation is one job with a sub-job per server. Tracking each server by its own sub-job
 * lets one failed server fail alone; where the cloud does not list them yet, servers follow the
 * parent job instead.
 */
export async function subJobsByServer(clients: CloudClients, jobId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  try {
    const job = normalizeJob((await clients.ecs.showJob(jobId)).data);
    for (const s of job.subJobs) {
      const id = s.entities.server_id;
      if (typeof id === 'string' && s.jobId) out.set(id, s.jobId);
    }
  } catch (err) {
    if (!isCloudError(err)) throw err;
  }
  return out;
}

/** Each server by its sub-job, or by the parent job when the cloud named none for it. */
export function trackingFor(jobId: string, subJobs: ReadonlyMap<string, string>, serverId: string): Tracking {
  return ecsJob(subJobs.get(serverId) ?? jobId);
}

/** A flavor that exists and is on sale where the servers go. */
export function checkFlavor(f: Flavor | undefined, zone: string | undefined): Flavor {
  if (!f) throw fieldError('flavorId', 'no such flavor in this region');
  const status = flavorStatusIn(f, zone);
  if (!SELLABLE.has(status)) throw fieldError('flavorId', `${f.id} is ${status === 'abandon' ? 'no longer offered' : `${status}${zone ? ` in ${zone}` : ''}`}; choose another flavor`);
  return f;
}
