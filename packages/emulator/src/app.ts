import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Account } from './auth/account.ts';
import { Authenticator } from './auth/authenticate.ts';
import { TokenService } from './auth/tokens.ts';
import { Durations, VirtualClock } from './clock/clock.ts';
import { Scheduler } from './clock/scheduler.ts';
import { emulatorDefaults, type EmulatorInfo, type EmulatorOptions, type RunningEmulator } from './config.ts';
import { controlRoutes, controlService, resetAll, type ControlDeps } from './control/routes.ts';
import { Faults } from './faults/faults.ts';
import { iamRoutes, iamService } from './iam/routes.ts';
import { Jobs } from './jobs/jobs.ts';
import type { Runtime, ServiceName } from './runtime.ts';
import { seedDemo } from './seed/demo.ts';
import { createRequestListener } from './server/pipeline.ts';
import { Router } from './server/router.ts';
import type { RouteSpec, ServiceDef } from './server/types.ts';
import { createEvs, EVS_MIGRATIONS, evsService } from './services/evs/index.ts';
import { createEcs, ECS_MIGRATIONS, ecsService } from './services/ecs/index.ts';
import { CBR_MIGRATIONS, cbrService, createCbr, ecsServerLookup } from './services/cbr/index.ts';
import { createVbs, VBS_MIGRATIONS, vbsService } from './services/vbs/index.ts';
import { createIms, IMS_MIGRATIONS, imsCreateRoutes, imsService } from './services/ims/index.ts';
import { createVpc, VPC_MIGRATIONS, vpcService } from './services/vpc/index.ts';
import { CORE_MIGRATIONS, getMeta, migrate, openDatabase, setMeta } from './store/db.ts';

/** AK/SK-signed bodies are limited to 12 MB at the gateway. */
const BODY_LIMIT = 12 * 1024 * 1024;
const PROJECT_ID = /^[0-9a-f]{32}$/;

function account(opts: EmulatorOptions): Account {
  const region = opts.region ?? emulatorDefaults.region;
  const projectId = opts.projectId ?? emulatorDefaults.projectId;
  if (!PROJECT_ID.test(projectId)) throw new Error(`project id must be 32 lowercase hex characters, got "${projectId}"`);
  return {
    region,
    projectId,
    projectName: region,
    // Stable ids derived from the project, so tokens and responses stay the same across restarts.
    domainId: `${projectId.slice(16)}${projectId.slice(0, 16)}`,
    domainName: emulatorDefaults.domainName,
    userId: `${projectId.slice(8)}${projectId.slice(0, 8)}`,
    userName: emulatorDefaults.userName,
    password: emulatorDefaults.password,
    ak: opts.ak ?? emulatorDefaults.ak,
    sk: opts.sk ?? emulatorDefaults.sk,
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.quiet ? () => {} : (message: string) => console.warn(`[emulator] ${message}`);
  const onError = (err: unknown) => console.error('[emulator]', err);
  const db = openDatabase(opts.dbPath ?? join(opts.dataDir ?? './data', 'emulator.db'));
  migrate(db, [...CORE_MIGRATIONS, ...EVS_MIGRATIONS, ...ECS_MIGRATIONS, ...CBR_MIGRATIONS, ...VBS_MIGRATIONS, ...IMS_MIGRATIONS, ...VPC_MIGRATIONS]);

  let secret = getMeta(db, 'token_secret');
  if (!secret) {
    secret = randomBytes(32).toString('hex');
    setMeta(db, 'token_secret', secret);
  }
  const acct = account(opts);
  const clock = new VirtualClock(db);
  const durations = new Durations(opts.speed ?? 'realistic');
  const scheduler = new Scheduler(db, clock, durations, (err, kind) => console.error(`[emulator] transition ${kind} failed:`, err));
  let endpoints: Record<ServiceName, string> = { iam: '', evs: '', ecs: '', cbr: '', vbs: '', ims: '', vpc: '' };
  const rt: Runtime = {
    account: acct,
    db,
    clock,
    durations,
    scheduler,
    jobs: new Jobs(db, clock),
    faults: new Faults(),
    tokens: new TokenService(Buffer.from(secret, 'hex'), clock),
    endpoints: () => endpoints,
    log,
    onError,
  };

  const { evs, routes: evsRoutes } = createEvs(rt);
  const { ims, routes: imsRoutes } = createIms(rt);
  const { vpc, routes: vpcRoutes } = createVpc(rt);
  const { ecs, routes: ecsRoutes } = createEcs(rt, evs, ims, vpc);
  const { cbr, routes: cbrRoutes } = createCbr(rt, evs);
  cbr.servers = ecsServerLookup(ecs);
  const { vbs, routes: vbsRoutes } = createVbs(rt, evs);
  const info = (): EmulatorInfo => ({
    region: acct.region,
    projectId: acct.projectId,
    ak: acct.ak,
    domainName: acct.domainName,
    userName: acct.userName,
    endpoints: { ...endpoints },
  });
  const controlDeps: ControlDeps = { rt, evs, ecs, cbr, vbs, info: () => ({ ...info(), speed: durations.current }) };
  const router = new Router();
  const mount = (service: ServiceDef, routes: RouteSpec[]) => routes.forEach((r) => router.add({ ...r, service }));
  mount(iamService, iamRoutes(rt));
  mount(evsService, evsRoutes);
  mount(ecsService, ecsRoutes);
  mount(cbrService, cbrRoutes);
  mount(vbsService, vbsRoutes);
  mount(imsService, [...imsRoutes, ...imsCreateRoutes(ecs)]);
  mount(vpcService, vpcRoutes);
  mount(controlService, controlRoutes(controlDeps));

  const server = createServer(
    createRequestListener({ router, authenticator: new Authenticator(acct, rt.tokens), projectId: acct.projectId, scheduler, faults: rt.faults, bodyLimit: BODY_LIMIT, onError }),
  );
  // Clients (the BFF, SDKs) keep connections open; the headers timeout must outlast keep-alive.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  let port: number;
  try {
    port = await listen(server, opts.port ?? 9000, host);
  } catch (err) {
    scheduler.close();
    db.close();
    throw err;
  }
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  endpoints = { iam: `${url}/iam`, evs: `${url}/evs`, ecs: `${url}/ecs`, cbr: `${url}/cbr`, vbs: `${url}/vbs`, ims: `${url}/ims`, vpc: `${url}/vpc` };

  if (opts.seed === 'demo') {
    resetAll(controlDeps);
    seedDemo(evs, ecs, cbr, vbs);
    setMeta(db, 'seeded_at', new Date().toISOString());
  } else if (opts.seed === 'if-empty' && !getMeta(db, 'seeded_at')) {
    const { n } = db.prepare('SELECT count(*) AS n FROM volumes').get() as { n: number };
    if (n === 0) seedDemo(evs, ecs, cbr, vbs);
    setMeta(db, 'seeded_at', new Date().toISOString());
  }
  // Work that was in flight when the process stopped resumes now.
  scheduler.tick();
  log(`listening on ${url} (speed ${durations.current})`);

  let closed = false;
  return {
    url,
    port,
    info: info(),
    close: async () => {
      if (closed) return;
      closed = true;
      scheduler.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
