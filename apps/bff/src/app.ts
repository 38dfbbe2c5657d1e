import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './metrics.ts';
import { requestLogging } from './http/logging.ts';
import { apiNotFound, errorHandler } from './http/errors.ts';
import { requireSession } from './auth/middleware.ts';
import { loginRoutes, type SessionRouteDeps } from './routes/session.ts';
import { meRoutes } from './routes/me.ts';
import { userRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { taskRoutes } from './routes/tasks.ts';
import { eventRoutes, type EventRouteOptions } from './routes/events.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { callRoutes } from './routes/calls.ts';
import { emulatorRoutes } from './routes/emulator.ts';
import { diskRoutes } from './routes/disks.ts';
import { snapshotRoutes } from './routes/snapshots.ts';
import { vaultRoutes } from './routes/vaults.ts';
import { policyRoutes } from './routes/policies.ts';
import { backupRoutes } from './routes/backups.ts';
import { vbsRoutes } from './routes/vbs.ts';
import { serverRoutes } from './routes/servers.ts';
import { overviewRoutes } from './routes/overview.ts';
import { searchRoutes } from './routes/search.ts';
import { imageRoutes } from './routes/images.ts';
import { networkRoutes } from './routes/networks.ts';
import { auditMutations } from './audit/middleware.ts';
import type { ConsoleContext } from './context.ts';

export interface AppOptions {
  webDist?: string;
  secureCookies?: boolean;
  loginAttemptsPerWindow?: number;
  version?: string;
  events?: EventRouteOptions;
  /** Bearer token that opens /metrics to non-loopback scrapers. */
  metricsToken?: string | undefined;
}

export function createApp(ctx: ConsoleContext, deps: AppOptions = {}): Express {
  const app = express();
  const sessionDeps: SessionRouteDeps = {
    users: ctx.users,
    sessions: ctx.sessions,
    profiles: ctx.profiles,
    csrf: ctx.csrf,
    audit: ctx.audit,
    secureCookies: deps.secureCookies ?? false,
    onLoginFailure: () => ctx.metrics.loginFailures.inc(),
    ...(deps.loginAttemptsPerWindow ? { loginAttemptsPerWindow: deps.loginAttemptsPerWindow } : {}),
  };

  app.disable('x-powered-by');
  // API answers are live and private: never cached, so no ETag (hashing a 1,000-disk page costs
  // more than the rest of its serialisation) and no-store below.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(ctx.log));
  const indexHtml = deps.webDist ? path.join(deps.webDist, 'index.html') : undefined;
  const hasSpa = indexHtml !== undefined && fs.existsSync(indexHtml);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // no inline script at all: the theme is applied before first paint by /boot.js
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          upgradeInsecureRequests: null,
        },
      },
      // served over plain HTTP on loopback by default
      strictTransportSecurity: deps.secureCookies ?? false,
    }),
  );
  app.use('/api', express.json({ limit: '1mb' }), noStore);

  app.use('/api', healthRoutes(ctx, deps.version ?? '0.1.0'));
  app.use(metricsRoutes(ctx.metrics, deps.metricsToken));

  app.use('/api/v1', loginRoutes(sessionDeps));
  // Everything else under /api/v1 needs a session, a CSRF token to change anything, and leaves an
  // audit entry when it does; unknown routes then get a JSON 404.
  app.use('/api/v1', requireSession(ctx.sessions), ctx.csrf.protect(), auditMutations(ctx.audit), ctx.cloud.middleware());
  app.use(
    '/api/v1',
    meRoutes(sessionDeps),
    userRoutes(ctx.users, ctx.sessions),
    auditRoutes(ctx.audit),
    taskRoutes(ctx.taskStore, ctx.profiles),
    eventRoutes(ctx.bus, ctx.profiles, ctx.viewers, deps.events),
    openApiRoutes(deps.version ?? '0.1.0'),
    callRoutes(ctx.calls, ctx.profiles),
    emulatorRoutes(ctx),
    diskRoutes(ctx),
    snapshotRoutes(ctx),
    vaultRoutes(ctx),
    policyRoutes(ctx),
    backupRoutes(ctx),
    vbsRoutes(ctx),
    serverRoutes(ctx),
    overviewRoutes(ctx),
    searchRoutes(ctx),
    imageRoutes(ctx),
    networkRoutes(ctx),
  );
  app.use('/api', apiNotFound);

  if (deps.webDist && hasSpa) {
    const dist = deps.webDist;
    app.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
    // Client-side routes: any non-API GET that is not a file gets the SPA.
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(path.join(dist, 'index.html'));
    });
  }

  app.use(errorHandler(ctx.log));
  return app;
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.set('Cache-Control', 'no-cache');
  else if (file.includes(`${path.sep}assets${path.sep}`)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
}

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
