import { createHash } from 'node:crypto';
import { hex, isUuid } from '../../../server/ids.ts';
import type { Reply, RequestContext } from '../../../server/types.ts';
import { evsError, type EvsCode } from '../errors.ts';
import type { Evs } from '../model/evs.ts';
import { isObj, type Obj } from '../model/validate.ts';

/** The JSON body as an object, or the given code when it is anything else. */
export function bodyObject(ctx: RequestContext, code: EvsCode = 'EVS.2108'): Obj {
  const body = ctx.json();
  if (!isObj(body)) throw evsError(code, 'the body must be a JSON object');
  return body;
}

/** Yearly/monthly order numbers look like "CS23021116385NAOR" (6.1.10). */
export function newOrderId(now: number): string {
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  return `CS${String(d.getUTCFullYear()).slice(2)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${hex(3).toUpperCase().slice(0, 5)}`;
}

const IDEMPOTENCY_WINDOW_MS = 8 * 60 * 60 * 1000;

/**
 * X-Client-Token (6.1.1): a UUID; the same token with the same request within 8 hours gets the same
 * answer without doing the work again; with a different request it is EVS.2219.
 */
export function idempotent(evs: Evs, ctx: RequestContext, run: () => Reply): Reply {
  const token = ctx.headers['x-client-token'];
  if (token === undefined) return run();
  if (typeof token !== 'string' || !isUuid(token)) throw evsError('EVS.2218', 'X-Client-Token must be a UUID');
  const fingerprint = createHash('sha256')
    .update(`${ctx.method} ${ctx.path}\n`)
    .update(ctx.rawBody ?? Buffer.alloc(0))
    .digest('hex');
  const s = evs.store.s;
  const now = evs.rt.clock.now();
  const seen = s.get('SELECT fingerprint, status, body, created_ms FROM idempotency WHERE token = ?').get(token) as
    | { fingerprint: string; status: number; body: string; created_ms: number }
    | undefined;
  if (seen) {
    if (now - seen.created_ms > IDEMPOTENCY_WINDOW_MS) throw evsError('EVS.2220');
    if (seen.fingerprint !== fingerprint) throw evsError('EVS.2219');
    return { status: seen.status, body: JSON.parse(seen.body) as unknown };
  }
  const reply = run();
  s.get('INSERT INTO idempotency (token, fingerprint, status, body, created_ms) VALUES (?, ?, ?, ?, ?)').run(
    token,
    fingerprint,
    reply.status,
    JSON.stringify(reply.body ?? null),
    now,
  );
  return reply;
}

