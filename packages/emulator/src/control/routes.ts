import { parseSpeed } from '../clock/clock.ts';
import type { Runtime } from '../runtime.ts';
import { ApiError } from '../server/errors.ts';
import type { RequestContext, RouteSpec, ServiceDef } from '../server/types.ts';
import { jobTime } from '../server/time.ts';
import { seedDemo } from '../seed/demo.ts';
import { MAX_SCALE_DISKS, seedScale } from '../seed/scale.ts';
import type { Evs } from '../services/evs/model/evs.ts';
import { resetEvs } from '../services/evs/index.ts';
import { MAX_SCALE_SERVERS, resetEcs, seedScaleServers, type Ecs } from '../services/ecs/index.ts';
import { CBR_TABLES, MAX_SCALE_BACKUPS, resetCbr, seedScaleBackups, type Cbr } from '../services/cbr/index.ts';
import { VBS_TABLES, resetVbs, type Vbs } from '../services/vbs/index.ts';
import { VPC_TABLES } from '../services/vpc/index.ts';

/** The control API lives outside every service base URL and needs no credentials. */
export const controlService: ServiceDef = {
  name: 'control',
  prefix: '/__emulator',
  errorShape: 'evs',
  malformedBody: (detail) => new ApiError(400, 'Emulator.BadRequest', `malformed body${detail ? `: ${detail}` : ''}`),
  malformedUrl: (detail) => new ApiError(400, 'Emulator.BadRequest', `malformed URL${detail ? `: ${detail}` : ''}`),
  forbidden: () => new ApiError(403, 'Emulator.Forbidden', 'forbidden'),
  internal: () => new ApiError(500, 'Emulator.Internal', 'internal error'),
};

const TABLES: Record<string, { order: string; json: string[] }> = {
  volumes: { order: 'seq', json: ['metadata', 'tags', 'sys_tags', 'image_metadata'] },
  snapshots: { order: 'seq', json: ['metadata'] },
  attachments: { order: 'attached_at', json: [] },
  jobs: { order: 'seq', json: ['entities', 'internal'] },
  transfers: { order: 'created_at', json: [] },
  transitions: { order: 'due_at, id', json: ['payload'] },
  images: { order: 'name', json: ['metadata'] },
  quotas: { order: 'key', json: [] },
  servers: { order: 'seq', json: ['nics', 'security_groups', 'metadata', 'tags', 'tags1d'] },
  ...Object.fromEntries([...CBR_TABLES, ...VBS_TABLES].map((t) => [t, { order: t === 'cbr_vault_policies' ? 'vault_id' : t === 'vbs_policy_resources' ? 'resource_id' : 'seq', json: [] }])),
  ...Object.fromEntries(VPC_TABLES.map((t) => [t, { order: 'seq', json: [] }])),
};

export interface ControlDeps {
  rt: Runtime;
  evs: Evs;
  ecs: Ecs;
  cbr: Cbr;
  vbs: Vbs;
  info(): Record<string, unknown>;
}

function bad(message: string): ApiError {
  return new ApiError(400, 'Emulator.BadRequest', message);
}

function optionalJson(ctx: RequestContext): Record<string, unknown> {
  if (!ctx.rawBody || ctx.rawBody.length === 0) return {};
  const body = ctx.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('the body must be a JSON object');
  return body as Record<string, unknown>;
}

/** Wipes every resource, job, pending transition, idempotency record and fault; the clock runs from real time again. */
export function resetAll(deps: ControlDeps): void {
  const { rt, evs } = deps;
  resetEvs(evs);
  resetEcs(deps.ecs);
  resetCbr(deps.cbr);
  resetVbs(deps.vbs);
  rt.db.transaction(() => {
    for (const table of ['jobs', 'transitions', 'idempotency']) rt.db.prepare(`DELETE FROM ${table}`).run();
  })();
  rt.faults.clear();
  rt.clock.reset();
  rt.scheduler.refreshNextDue();
}

export function controlRoutes(deps: ControlDeps): RouteSpec[] {
  const { rt, evs } = deps;

  const clockView = () => ({ now: jobTime(rt.clock.now()), frozen: rt.clock.frozen, speed: rt.durations.current });

  const seed = (ctx: RequestContext) => {
    const servers = ctx.query.get('servers');
    if (servers !== null) {
      const n = Number(servers);
      if (!Number.isInteger(n) || n < 1 || n > MAX_SCALE_SERVERS) throw bad(`servers must be an integer from 1 to ${MAX_SCALE_SERVERS}`);
      return { status: 201, body: { seeded: 'scale', ...seedScaleServers(deps.ecs, n) } };
    }
    const backups = ctx.query.get('backups');
    if (backups !== null) {
      const n = Number(backups);
      if (!Number.isInteger(n) || n < 1 || n > MAX_SCALE_BACKUPS) throw bad(`backups must be an integer from 1 to ${MAX_SCALE_BACKUPS}`);
      // Backups need disks: a store without free disks first gets a hundred scale disks.
      if (!rt.db.prepare('SELECT 1 FROM volumes WHERE hidden = 0 AND id NOT IN (SELECT resource_id FROM cbr_vault_resources) LIMIT 1').get()) seedScale(evs, 100);
      return { status: 201, body: { seeded: 'scale', ...seedScaleBackups(deps.cbr, n) } };
    }
    const disks = ctx.query.get('disks');
    if (disks !== null) {
      const n = Number(disks);
      if (!Number.isInteger(n) || n < 1 || n > MAX_SCALE_DISKS) throw bad(`disks must be an integer from 1 to ${MAX_SCALE_DISKS}`);
      return { status: 201, body: { seeded: 'scale', ...seedScale(evs, n) } };
    }
    return { status: 201, body: { seeded: 'demo', ...seedDemo(evs, deps.ecs, deps.cbr, deps.vbs) } };
  };

  const reset = (ctx: RequestContext) => {
    resetAll(deps);
    const again = ctx.query.get('seed') === 'demo' ? seedDemo(evs, deps.ecs, deps.cbr, deps.vbs) : undefined;
    return { status: 200, body: { reset: true, ...(again ? { seeded: 'demo', ...again } : {}) } };
  };

  const state = () => {
    const count = (sql: string) => rt.db.prepare(sql).all() as { status: string; n: number }[];
    const byStatus = (rows: { status: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.status, r.n]));
    return {
      status: 200,
      body: {
        clock: clockView(),
        volumes: byStatus(count('SELECT status, count(*) AS n FROM volumes WHERE hidden = 0 GROUP BY status')),
        hiddenVolumes: (rt.db.prepare('SELECT count(*) AS n FROM volumes WHERE hidden = 1').get() as { n: number }).n,
        snapshots: byStatus(count('SELECT status, count(*) AS n FROM snapshots GROUP BY status')),
        attachments: (rt.db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n,
        servers: byStatus(count('SELECT vm_state AS status, count(*) AS n FROM servers GROUP BY vm_state')),
        transfers: (rt.db.prepare('SELECT count(*) AS n FROM transfers').get() as { n: number }).n,
        jobs: byStatus(count('SELECT status, count(*) AS n FROM jobs GROUP BY status')),
        pendingTransitions: rt.scheduler.pending(20).map((t) => ({ ...t, dueAt: jobTime(t.dueAt) })),
        quotas: evs.quotas.usage(),
        faults: rt.faults.list(),
      },
    };
  };

  const table = (ctx: RequestContext) => {
    const name = ctx.params.table!;
    const spec = TABLES[name];
    if (!spec) throw new ApiError(404, 'Emulator.NotFound', `unknown table ${name}; known: ${Object.keys(TABLES).join(', ')}`);
    const limit = Math.min(Number(ctx.query.get('limit') ?? 100) || 100, 1000);
    const offset = Math.max(Number(ctx.query.get('offset') ?? 0) || 0, 0);
    const total = (rt.db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n;
    const rows = rt.db.prepare(`SELECT * FROM ${name} ORDER BY ${spec.order} LIMIT ? OFFSET ?`).all(limit, offset) as Record<string, unknown>[];
    for (const row of rows) for (const col of spec.json) if (typeof row[col] === 'string') row[col] = JSON.parse(row[col] as string);
    return { status: 200, body: { table: name, total, rows } };
  };

  const advance = (ctx: RequestContext) => {
    const body = optionalJson(ctx);
    const raw = body.ms ?? body.seconds ?? ctx.query.get('ms') ?? ctx.query.get('seconds');
    const seconds = body.seconds !== undefined || (body.ms === undefined && ctx.query.get('seconds') !== null);
    const n = Number(raw);
    if (raw === undefined || raw === null || !Number.isFinite(n) || n < 0) throw bad('give ms or seconds, a non-negative number');
    rt.clock.advance(seconds ? n * 1000 : n);
    return { status: 200, body: clockView() };
  };

  const setSpeed = (ctx: RequestContext) => {
    const body = optionalJson(ctx);
    try {
      const speed = parseSpeed(body.speed === undefined ? undefined : String(body.speed));
      if (speed === undefined) throw bad('speed is required');
      rt.durations.set(speed);
    } catch (err) {
      throw err instanceof ApiError ? err : bad((err as Error).message);
    }
    return { status: 200, body: clockView() };
  };

  const ok = (body: unknown) => ({ status: 200, body });
  const routes: RouteSpec[] = [
    { method: 'GET', path: '/info', operation: 'Info', handler: () => ok(deps.info()) },
    { method: 'POST', path: '/reset', operation: 'Reset', handler: reset },
    { method: 'POST', path: '/seed', operation: 'Seed', handler: seed },
    { method: 'GET', path: '/state', operation: 'State', handler: state },
    { method: 'GET', path: '/state/{table}', operation: 'StateTable', handler: table },
    { method: 'GET', path: '/clock', operation: 'Clock', handler: () => ok(clockView()) },
    { method: 'PUT', path: '/clock', operation: 'SetSpeed', handler: setSpeed },
    { method: 'POST', path: '/clock/freeze', operation: 'Freeze', handler: () => (rt.clock.freeze(), ok(clockView())) },
    { method: 'POST', path: '/clock/resume', operation: 'Resume', handler: () => (rt.clock.resume(), ok(clockView())) },
    { method: 'POST', path: '/clock/advance', operation: 'Advance', handler: advance },
    { method: 'GET', path: '/faults', operation: 'ListFaults', handler: () => ok({ faults: rt.faults.list() }) },
    { method: 'POST', path: '/faults', operation: 'AddFault', handler: (ctx) => ({ status: 201, body: { fault: rt.faults.add(ctx.json()) } }) },
    { method: 'DELETE', path: '/faults', operation: 'ClearFaults', handler: () => (rt.faults.clear(), { status: 204 }) },
    {
      method: 'DELETE',
      path: '/faults/{id}',
      operation: 'RemoveFault',
      handler: (ctx) => {
        if (!rt.faults.remove(ctx.params.id!)) throw new ApiError(404, 'Emulator.NotFound', `no fault ${ctx.params.id}`);
        return { status: 204 };
      },
    },
    { method: 'GET', path: '/quotas', operation: 'Quotas', handler: () => ok({ quota_set: evs.quotas.usage() }) },
    {
      method: 'PUT',
      path: '/quotas',
      operation: 'SetQuotas',
      handler: (ctx) => {
        evs.quotas.setLimits(optionalJson(ctx));
        return ok({ quota_set: evs.quotas.usage() });
      },
    },
  ];
  return routes.map((r) => ({ ...r, auth: 'none' as const }));
}
