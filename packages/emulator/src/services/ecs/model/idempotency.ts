import { createHash } from 'node:crypto';
import { isUuid } from '../../../server/ids.ts';
import type { Reply, RequestContext } from '../../../server/types.ts';
import { ecsError } from '../errors.ts';
import type { Ecs } from './ecs.ts';

/** How long a create is remembered under its token, as EVS keeps its own (8 hours). */
const WINDOW_MS = 8 * 60 * 60 * 1000;

/**
 * `X-Client-Token` on create (the SDK's `CreateServersRequest.xClientToken`): a retried request with the
 * same token and the same body gets the first answer — the same job and server ids — and creates
 * nothing more; the same token with another request is refused. The seed documents no codes for it:
 * both refusals are `Ecs.0005`. Tokens share the store's idempotency table under an `ecs:` prefix.
 */
export function idempotentCreate(ecs: Ecs, ctx: RequestContext, run: () => Reply): Reply {
  const header = ctx.headers['x-client-token'];
  if (header === undefined) return run();
  if (typeof header !== 'string' || !isUuid(header)) throw ecsError('Ecs.0005', 'X-Client-Token must be a UUID');
  const token = `ecs:${header}`;
  const fingerprint = createHash('sha256').update(`${ctx.method} ${ctx.path}\n`).update(ctx.rawBody ?? Buffer.alloc(0)).digest('hex');
  const now = ecs.rt.clock.now();
  return ecs.transaction(() => {
    const seen = ecs.s.get('SELECT fingerprint, status, body, created_ms FROM idempotency WHERE token = ?').get(token) as
      | { fingerprint: string; status: number; body: string; created_ms: number }
      | undefined;
    if (seen && now - seen.created_ms <= WINDOW_MS) {
      if (seen.fingerprint !== fingerprint) throw ecsError('Ecs.0005', 'X-Client-Token was used for another request');
      return { status: seen.status, body: JSON.parse(seen.body) as unknown };
    }
    const reply = run();
    ecs.s
      .get('INSERT OR REPLACE INTO idempotency (token, fingerprint, status, body, created_ms) VALUES (?, ?, ?, ?, ?)')
      .run(token, fingerprint, reply.status, JSON.stringify(reply.body ?? null), now);
    return reply;
  });
}
