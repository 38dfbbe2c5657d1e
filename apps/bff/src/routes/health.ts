import { Router } from 'express';
import type { HealthResponse, ReadinessResponse } from '@console/contract';
import type { ConsoleContext } from '../context.ts';

/** Liveness (the process answers) and readiness (the store works and the default profile's cloud answers). */
export function healthRoutes(ctx: ConsoleContext, version: string): Router {
  const router = Router();
  const startedAt = Date.now();

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok', version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    res.json(body);
  });

  router.get('/ready', async (_req, res) => {
    const checks: ReadinessResponse['checks'] = { store: 'ok', upstream: 'ok' };
    try {
      ctx.db.prepare('SELECT 1').get();
    } catch (err) {
      checks.store = `failed: ${(err as Error).message}`;
    }
    const profile = ctx.profiles.all()[0]!;
    try {
      await ctx.cloud.forProfile(profile).evs.listAvailabilityZones({ timeoutMs: 3000 });
    } catch (err) {
      checks.upstream = `failed: ${(err as Error).message}`;
    }
    const ready = checks.store === 'ok' && checks.upstream === 'ok';
    const body: ReadinessResponse = { status: ready ? 'ready' : 'not-ready', profileId: profile.id, checks };
    res.status(ready ? 200 : 503).json(body);
  });

  return router;
}
