import { Router } from 'express';
import { isCloudError, type CloudClients } from '@console/cloud';
import {
  OVERVIEW_BACKUP_HOURS, OVERVIEW_MAX_VAULTS,
  type Overview, type OverviewSection,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { toQuotas } from './evs-map.ts';
import { toEcsQuotas } from './ecs-map.ts';
import { cbrQueryTime, toVault } from './cbr-map.ts';
import { evsCall } from './evs-tasks.ts';

/** The largest page each list API hands out; fewer calls for big projects. */
const PAGE = 1000;
/** Pages fetched at once once the total is known. */
const PARALLEL_PAGES = 4;
/** Beyond this many of one kind the overview stops counting rather than hold the request. */
export const OVERVIEW_MAX_SCAN = 50_000;

type Sections = Omit<Overview, 'generatedAt' | 'errors'>;

/**
 * GET /overview: every count the overview shows, gathered from EVS, ECS and CBR in parallel. A
 * part whose service fails is left out and its error named, so the rest still shows.
 */
export function overviewRoutes(ctx: ConsoleContext): Router {
  const router = Router();

  router.get('/overview', async (req, res) => {
    const { clients } = evsCall(ctx, req);
    const now = Date.now();
    const since = new Date(now - OVERVIEW_BACKUP_HOURS * 3_600_000).toISOString();
    const parts: { [K in OverviewSection]: () => Promise<NonNullable<Sections[K]>> } = {
      disks: () => countDisks(clients),
      snapshots: async () => ({ total: (await clients.evs.listSnapshots({ limit: 1 })).data.count }),
      servers: () => countServers(clients),
      vaults: () => summarizeVaults(clients),
      backups: () => countBackups(clients, since),
      evsQuotas: async () => toQuotas((await clients.evs.showQuotas()).data.quota_set),
      ecsQuotas: async () => toEcsQuotas((await clients.ecs.showLimits()).data.absolute),
    };
    const names = Object.keys(parts) as OverviewSection[];
    const settled = await Promise.allSettled(names.map((name) => parts[name]()));
    const body: Overview = { generatedAt: new Date(now).toISOString(), errors: {} };
    settled.forEach((result, i) => {
      const name = names[i]!;
      if (result.status === 'fulfilled') (body as Record<string, unknown>)[name] = result.value;
      else body.errors[name] = sectionError(result.reason);
    });
    res.json(body);
  });

  return router;
}

/** A cloud refusal or an over-large project is the part's error; anything else is a bug and fails the request. */
function sectionError(err: unknown): { code: string; message: string } {
  if (isCloudError(err)) return { code: err.code, message: `${err.service}: ${err.message}` };
  if (err instanceof HttpError) return { code: err.code, message: err.message };
  throw err;
}

function tooMany(what: string): HttpError {
  return new HttpError(422, 'TOO_MANY', `More than ${OVERVIEW_MAX_SCAN} ${what}: the overview does not count them`);
}

/** Every page of an offset-paged list: the first says the total, the rest are fetched a few at a time. */
async function allPages<T>(fetchPage: (offset: number) => Promise<{ items: T[]; count: number }>, what: string): Promise<T[]> {
  const first = await fetchPage(0);
  if (first.count > OVERVIEW_MAX_SCAN) throw tooMany(what);
  const items = [...first.items];
  const offsets: number[] = [];
  for (let offset = first.items.length; first.items.length > 0 && offset < first.count; offset += PAGE) offsets.push(offset);
  for (let i = 0; i < offsets.length; i += PARALLEL_PAGES) {
    const pages = await Promise.all(offsets.slice(i, i + PARALLEL_PAGES).map(fetchPage));
    for (const page of pages) items.push(...page.items);
  }
  return items;
}

async function countDisks(clients: CloudClients): Promise<NonNullable<Sections['disks']>> {
  const disks = await allPages(async (offset) => {
    const r = await clients.evs.listDisks({ limit: PAGE, ...(offset > 0 ? { offset } : {}) });
    return { items: r.data.volumes ?? [], count: r.data.count };
  }, 'disks');
  const byStatus: Record<string, number> = {};
  const byType = new Map<string, { type: string; count: number; sizeGiB: number }>();
  let sizeGiB = 0;
  for (const d of disks) {
    byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    const type = d.volume_type || 'unknown';
    const entry = byType.get(type) ?? { type, count: 0, sizeGiB: 0 };
    entry.count += 1;
    entry.sizeGiB += d.size;
    byType.set(type, entry);
    sizeGiB += d.size;
  }
  return { total: disks.length, byStatus, byType: [...byType.values()].sort((a, b) => b.sizeGiB - a.sizeGiB || a.type.localeCompare(b.type)), sizeGiB };
}

/** Nova pages by marker and says no total: the list is read to its end. */
async function countServers(clients: CloudClients): Promise<NonNullable<Sections['servers']>> {
  const byStatus: Record<string, number> = {};
  let total = 0;
  let marker: string | undefined;
  for (;;) {
    const r = await clients.ecs.listServers({ limit: PAGE, ...(marker ? { marker } : {}) });
    const page = r.data.servers ?? [];
    for (const s of page) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    total += page.length;
    if (total > OVERVIEW_MAX_SCAN) throw tooMany('servers');
    const more = page.length > 0 && (r.data.servers_links ?? []).some((l) => l.rel === 'next');
    if (!more) return { total, byStatus };
    marker = page[page.length - 1]!.id;
  }
}

async function summarizeVaults(clients: CloudClients): Promise<NonNullable<Sections['vaults']>> {
  const raw = await allPages(async (offset) => {
    const r = await clients.cbr.listVaults({ limit: PAGE, offset });
    return { items: r.data.vaults ?? [], count: r.data.count };
  }, 'vaults');
  // Policies do not matter here: an empty map leaves each vault's policy out.
  const vaults = raw.map((v) => toVault(v, new Map()));
  const items = vaults
    .map((v) => ({ id: v.id, name: v.name, status: v.status, protectedType: v.protectedType, sizeGiB: v.capacity.sizeGiB, usedGiB: v.capacity.usedGiB }))
    .sort((a, b) => b.usedGiB - a.usedGiB || b.sizeGiB - a.sizeGiB || a.name.localeCompare(b.name))
    .slice(0, OVERVIEW_MAX_VAULTS);
  const sum = (pick: (v: (typeof vaults)[number]) => number) => Math.round(vaults.reduce((n, v) => n + pick(v), 0) * 100) / 100;
  return { total: vaults.length, items, sizeGiB: sum((v) => v.capacity.sizeGiB), usedGiB: sum((v) => v.capacity.usedGiB) };
}

/** Three counts from the backup list (one row each): all, available and failed since `since`. */
async function countBackups(clients: CloudClients, since: string): Promise<NonNullable<Sections['backups']>> {
  const count = async (status?: 'available' | 'error') =>
    (await clients.cbr.listBackups({ limit: 1, start_time: cbrQueryTime(since), ...(status ? { status } : {}) })).data.count;
  const [total, succeeded, failed] = await Promise.all([count(), count('available'), count('error')]);
  return { since, total, succeeded, failed, other: Math.max(0, total - succeeded - failed) };
}
