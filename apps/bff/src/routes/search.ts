import { Router } from 'express';
import { isCloudError, type CloudClients } from '@console/cloud';
import { CLOUD_ID_PATTERN, SEARCH_KINDS, SearchQuerySchema, type SearchHit, type SearchKind, type SearchResult } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { evsCall } from './evs-tasks.ts';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Finder = (clients: CloudClients, q: string, limit: number) => Promise<SearchHit[]>;
type Reader = (clients: CloudClients, id: string) => Promise<SearchHit>;

const hit = (type: SearchKind, r: { id: string; name?: string | null; status?: string | null }): SearchHit => ({
  type,
  id: r.id,
  name: r.name ?? '',
  ...(r.status ? { status: r.status } : {}),
});

/** Each kind by name, through the list API that service offers (Nova takes a pattern, so the text is escaped). */
const byName: Record<SearchKind, Finder> = {
  disk: async (c, q, limit) => ((await c.evs.listDisks({ name: q, limit })).data.volumes ?? []).map((v) => hit('disk', v)),
  server: async (c, q, limit) => ((await c.ecs.listServers({ name: escapeRegex(q), limit })).data.servers ?? []).map((s) => hit('server', s)),
  snapshot: async (c, q, limit) => ((await c.evs.listSnapshots({ name: q, limit })).data.snapshots ?? []).map((s) => hit('snapshot', s)),
  vault: async (c, q, limit) => ((await c.cbr.listVaults({ name: q, limit })).data.vaults ?? []).map((v) => hit('vault', { id: v.id, name: v.name, status: v.billing.status })),
  backup: async (c, q, limit) => ((await c.cbr.listBackups({ name: q, limit })).data.backups ?? []).map((b) => hit('backup', b)),
};

const byId: Record<SearchKind, Reader> = {
  disk: async (c, id) => hit('disk', (await c.evs.showDisk(id)).data.volume),
  server: async (c, id) => hit('server', (await c.ecs.showServer(id)).data.server),
  snapshot: async (c, id) => hit('snapshot', (await c.evs.showSnapshot(id)).data.snapshot),
  vault: async (c, id) => {
    const v = (await c.cbr.showVault(id)).data.vault;
    return hit('vault', { id: v.id, name: v.name, status: v.billing.status });
  },
  backup: async (c, id) => hit('backup', (await c.cbr.showBackup(id)).data.backup),
};

/** A 404 on a direct lookup just means "not this kind". */
async function lookup(read: () => Promise<SearchHit>): Promise<SearchHit[]> {
  try {
    return [await read()];
  } catch (err) {
    if (isCloudError(err) && (err.httpStatus === 404 || err.httpStatus === 400)) return [];
    throw err;
  }
}

/** GET /search: every kind asked at once; a kind whose service fails is named, the others still answer. */
export function searchRoutes(ctx: ConsoleContext): Router {
  const router = Router();

  router.get('/search', async (req, res) => {
    const { q, limit } = parseWith(SearchQuerySchema, req.query);
    const { clients } = evsCall(ctx, req);
    const isId = CLOUD_ID_PATTERN.test(q);
    const settled = await Promise.allSettled(
      SEARCH_KINDS.map(async (kind) => {
        const [named, exact] = await Promise.all([byName[kind](clients, q, limit), isId ? lookup(() => byId[kind](clients, q)) : Promise.resolve([])]);
        // The exact ID first; a name match of the same resource is not repeated.
        return [...exact, ...named.filter((h) => !exact.some((e) => e.id === h.id))].slice(0, limit);
      }),
    );
    const body: SearchResult = { items: [], failed: [] };
    settled.forEach((result, i) => {
      const kind = SEARCH_KINDS[i]!;
      if (result.status === 'fulfilled') body.items.push(...result.value);
      else if (isCloudError(result.reason)) body.failed.push(kind);
      else throw result.reason;
    });
    res.json(body);
  });

  return router;
}
