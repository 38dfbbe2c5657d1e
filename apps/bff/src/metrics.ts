import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CloudAccess } from './cloud/access.ts';
import type { EventBus } from './events/bus.ts';
import type { Db } from './store/db.ts';

/** The console's Prometheus metrics, on their own registry. */
export class ConsoleMetrics {
  readonly registry = new Registry();
  readonly loginFailures = new Counter({ name: 'console_login_failures_total', help: 'Refused console logins', registers: [this.registry] });
  private readonly calls = new Counter({
    name: 'console_upstream_calls_total',
    help: 'Upstream cloud calls by service, operation (path template) and HTTP status (0 = no answer)',
    labelNames: ['service', 'method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'console_upstream_call_duration_seconds',
    help: 'Upstream cloud call latency, all attempts included',
    labelNames: ['service', 'method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(db: Db, bus: EventBus, cloud: CloudAccess) {
    collectDefaultMetrics({ register: this.registry, prefix: 'console_' });
    cloud.observe((r) => {
      this.calls.inc({ service: r.service, method: r.method, route: r.route, status: String(r.status) });
      this.latency.observe({ service: r.service, method: r.method, route: r.route }, r.durationMs / 1000);
    });
    const countTasks = db.prepare('SELECT kind, status, COUNT(*) AS n FROM tasks GROUP BY kind, status');
    new Gauge({
      name: 'console_tasks',
      help: 'Tasks in the store by kind and status (queued and running are open)',
      labelNames: ['kind', 'status'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const row of countTasks.all() as { kind: string; status: string; n: number }[]) this.set({ kind: row.kind, status: row.status }, row.n);
      },
    });
    new Gauge({
      name: 'console_sse_clients',
      help: 'Browsers connected to the event stream',
      registers: [this.registry],
      collect() {
        this.set(bus.subscriberCount);
      },
    });
  }
}

const loopback = (ip: string | undefined) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

/**
 * GET /metrics: for a scraper on this host, or anywhere with `Authorization: Bearer $METRICS_TOKEN`.
 * The client address is the one Express derives (behind a local proxy, the forwarded one), so a
 * proxy on the same host does not open it to the world.
 */
export function metricsRoutes(metrics: ConsoleMetrics, token: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const given = req.get('authorization')?.replace(/^Bearer\s+/i, '');
    const tokenOk = !!token && !!given && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
    if (!tokenOk && !loopback(req.ip)) {
      res.status(403).type('text/plain').send('metrics are served to loopback clients or with the METRICS_TOKEN bearer token\n');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
