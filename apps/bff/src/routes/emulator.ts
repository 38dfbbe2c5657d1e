import { Router, type Request, type Response } from 'express';
import {
  AddFaultSchema, ClockActionSchema, EmulatorClockSchema, ErrorCodes, FaultSchema, SeedRequestSchema, type EmulatorStatus,
} from '@console/contract';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { currentUser } from '../auth/middleware.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { ConsoleContext } from '../context.ts';
import type { CloudProfile } from '../profiles/types.ts';

/**
 * The emulator control panel: the console relays checked requests to the embedded emulator's
 * control API, only while the user's active profile is that emulator.
 */
export function emulatorRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  router.use('/emulator', requireRole('operator'));

  const target = (req: Request): CloudProfile & { emulatorUrl: string } => {
    const p = ctx.profiles.activeFor(currentUser(req));
    if (!p.emulator || !p.emulatorUrl) {
      throw new HttpError(409, 'NOT_EMULATOR', `The active profile "${p.name}" is a real cloud: the emulator controls apply only to the embedded emulator`);
    }
    return p as CloudProfile & { emulatorUrl: string };
  };

  const control = async (p: { emulatorUrl: string }, method: string, path: string, body?: unknown): Promise<unknown> => {
    let res: globalThis.Response;
    try {
      res = await fetch(`${p.emulatorUrl}/__emulator${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      throw new HttpError(502, 'UPSTREAM_FAILED', `The emulator did not answer: ${(err as Error).message}`);
    }
    const text = await res.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const e = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
      const err = new HttpError(res.status >= 500 ? 502 : 400, res.status >= 500 ? 'UPSTREAM_FAILED' : ErrorCodes.validation, e?.message ?? `The emulator answered ${res.status}`);
      err.upstream = { service: 'emulator', code: e?.code ?? String(res.status), message: e?.message ?? text };
      throw err;
    }
    return data;
  };

  const status = async (p: { emulatorUrl: string }): Promise<EmulatorStatus> => {
    const [clock, faults] = await Promise.all([control(p, 'GET', '/clock'), control(p, 'GET', '/faults')]);
    return { clock: EmulatorClockSchema.parse(clock), faults: z.array(FaultSchema).parse((faults as { faults: unknown }).faults) };
  };

  /** Every change is announced, so every open console updates its badge and panel. */
  const changed = async (p: CloudProfile & { emulatorUrl: string }, res: Response, httpStatus: number, body: unknown) => {
    const s = await status(p);
    ctx.bus.publish(p.id, { type: 'emulator', status: s });
    res.status(httpStatus).json(body ?? s);
  };

  router.get('/emulator', async (req, res) => {
    res.json(await status(target(req)));
  });

  router.post('/emulator/faults', async (req, res) => {
    const p = target(req);
    const input = parseWith(AddFaultSchema, req.body);
    describeAudit(res, 'emulator.fault.add', input.kind === 'job' ? input.jobType : `${input.service ?? '*'}:${input.operation ?? '*'}`);
    const created = (await control(p, 'POST', '/faults', input)) as { fault: unknown };
    await changed(p, res, 201, FaultSchema.parse(created.fault));
  });

  router.delete('/emulator/faults', async (req, res) => {
    const p = target(req);
    describeAudit(res, 'emulator.fault.clear');
    await control(p, 'DELETE', '/faults');
    await changed(p, res, 200, undefined);
  });

  router.delete('/emulator/faults/:id', async (req, res) => {
    const p = target(req);
    const id = parseWith(z.string().regex(/^[0-9a-f]{4,32}$/, 'a fault id'), req.params.id);
    describeAudit(res, 'emulator.fault.remove', id);
    await control(p, 'DELETE', `/faults/${id}`);
    await changed(p, res, 200, undefined);
  });

  router.post('/emulator/clock', async (req, res) => {
    const p = target(req);
    const a = parseWith(ClockActionSchema, req.body);
    describeAudit(res, `emulator.clock.${a.action}`);
    if (a.action === 'advance') await control(p, 'POST', '/clock/advance', { seconds: a.seconds });
    else if (a.action === 'speed') await control(p, 'PUT', '/clock', { speed: a.speed });
    else await control(p, 'POST', `/clock/${a.action}`);
    // tasks waiting on the emulator may be due now
    ctx.tracker.kick();
    await changed(p, res, 200, undefined);
  });

  router.post('/emulator/seed', async (req, res) => {
    const p = target(req);
    const s = parseWith(SeedRequestSchema, req.body);
    describeAudit(res, `emulator.seed.${s.set}`);
    let result: unknown;
    if (s.set === 'demo') result = await control(p, 'POST', s.reset ? '/reset?seed=demo' : '/seed');
    else {
      if (!s.disks && !s.servers) throw new HttpError(400, ErrorCodes.validation, 'Give disks, servers or both', [{ path: 'disks', message: 'required without servers' }]);
      result = {
        ...(s.disks ? { disks: await control(p, 'POST', `/seed?disks=${s.disks}`) } : {}),
        ...(s.servers ? { servers: await control(p, 'POST', `/seed?servers=${s.servers}`) } : {}),
      };
    }
    ctx.bus.publish(p.id, { type: 'reset', reason: `emulator-seed-${s.set}` });
    await changed(p, res, 200, { result });
  });

  router.post('/emulator/reset', async (req, res) => {
    const p = target(req);
    describeAudit(res, 'emulator.reset');
    await control(p, 'POST', '/reset');
    ctx.bus.publish(p.id, { type: 'reset', reason: 'emulator-reset' });
    await changed(p, res, 200, undefined);
  });

  return router;
}
