import { Router, type Request, type Response } from 'express';
import {
  AddFaultSchema, ClockActionSchema, EmulatorClockSchema, emulatorQuotaKeys, ErrorCodes, FaultSchema, SeedRequestSchema, SetEmulatorQuotasSchema,
  type EmulatorQuotas, type EmulatorStatus,
} from '@console/contract';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { currentUser } from '../auth/middleware.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { ConsoleContext } from '../context.ts';
import type { CloudProfile } from '../profiles/types.ts';

type EmulatorProfile = CloudProfile & { emulatorUrl: string };

/**
 * The emulator control panel: the console relays checked requests to the embedded emulator's
 * control API, only while the user's active profile is that emulator.
 */
export function emulatorRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  router.use('/emulator', requireRole('operator'));

  const target = (req: Request): EmulatorProfile => {
    const p = ctx.profiles.activeFor(currentUser(req));
    if (!p.emulator || !p.emulatorUrl) {
      throw new HttpError(409, 'NOT_EMULATOR', `The active profile "${p.name}" is a real cloud: the emulator controls apply only to the embedded emulator`);
    }
    return p as EmulatorProfile;
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

  /**
   * Faults that wear out (a job fault, an error fault with a count) vanish inside the emulator,
   * which tells nobody. While the last status read had one, a call to that emulator is followed by
   * a fresh read, and a change is announced as a panel change is: the header badge stays true.
   */
  const wearing = new Map<string, { profile: EmulatorProfile; faults: string; timer?: NodeJS.Timeout | undefined }>();
  const remember = (p: EmulatorProfile, s: EmulatorStatus) => {
    const wears = s.faults.some((f) => f.kind === 'job' || (f as { remaining?: unknown }).remaining !== undefined);
    const previous = wearing.get(p.id);
    if (!wears) {
      clearTimeout(previous?.timer);
      wearing.delete(p.id);
    } else if (previous) previous.faults = JSON.stringify(s.faults);
    else wearing.set(p.id, { profile: p, faults: JSON.stringify(s.faults) });
  };
  ctx.cloud.observe((_record, profile) => {
    const w = wearing.get(profile.id);
    if (!w || w.timer) return;
    // one read after a burst of calls (a batch, a list with its lookups), not one per call
    w.timer = setTimeout(() => {
      w.timer = undefined;
      status(w.profile).then(
        (s) => {
          if (JSON.stringify(s.faults) !== w.faults) ctx.bus.publish(w.profile.id, { type: 'emulator', status: s });
        },
        // the emulator is gone or busy: the next call tries again
        () => {},
      );
    }, 100);
    w.timer.unref();
  });

  const status = async (p: EmulatorProfile): Promise<EmulatorStatus> => {
    const [clock, faults] = await Promise.all([control(p, 'GET', '/clock'), control(p, 'GET', '/faults')]);
    const s = { clock: EmulatorClockSchema.parse(clock), faults: z.array(FaultSchema).parse((faults as { faults: unknown }).faults) };
    remember(p, s);
    return s;
  };

  /** Every change is announced, so every open console updates its badge and panel. */
  const changed = async (p: EmulatorProfile, res: Response, httpStatus: number, body: unknown) => {
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

  /** The emulator answers every EVS quota (per type too); the panel works with the three totals. */
  const quotas = (answer: unknown): EmulatorQuotas => {
    const set = z.record(z.string(), z.object({ in_use: z.number(), reserved: z.number(), limit: z.number() })).parse((answer as { quota_set?: unknown })?.quota_set);
    return { items: emulatorQuotaKeys.map((key) => ({ key, inUse: set[key]?.in_use ?? 0, reserved: set[key]?.reserved ?? 0, limit: set[key]?.limit ?? -1 })) };
  };

  router.get('/emulator/quotas', async (req, res) => {
    res.json(quotas(await control(target(req), 'GET', '/quotas')));
  });

  router.put('/emulator/quotas', async (req, res) => {
    const p = target(req);
    const limits = parseWith(SetEmulatorQuotasSchema, req.body);
    describeAudit(res, 'emulator.quotas', Object.keys(limits).join(','));
    res.json(quotas(await control(p, 'PUT', '/quotas', limits)));
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
