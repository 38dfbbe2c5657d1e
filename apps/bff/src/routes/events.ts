import { Router, type Response } from 'express';
import { currentUser } from '../auth/middleware.ts';
import type { EventBus, StoredEvent } from '../events/bus.ts';
import type { ProfileRegistry } from '../profiles/registry.ts';
import type { Viewers } from '../events/viewers.ts';

export interface EventRouteOptions {
  heartbeatMs?: number;
  /** A client this far behind on the socket is cut off; it reconnects and replays. */
  maxBufferedBytes?: number;
}

function frame(e: StoredEvent): string {
  return `id: ${e.id}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event)}\n\n`;
}

/** GET /events: task and resource changes as Server-Sent Events, replayable by Last-Event-ID. */
export function eventRoutes(bus: EventBus, profiles: ProfileRegistry, viewers: Viewers, opts: EventRouteOptions = {}): Router {
  const router = Router();
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const maxBuffered = opts.maxBufferedBytes ?? 1024 * 1024;

  router.get('/events', (req, res) => {
    const user = currentUser(req);
    const visible = new Set(profiles.visibleTo(user).map((p) => p.id));
    const raw = req.get('last-event-id') ?? (typeof req.query.lastEventId === 'string' ? req.query.lastEventId : undefined);
    const parsed = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;

    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 3000\n\n');

    let closed = false;
    let lastSent = parsed ?? bus.lastId();
    const pending: StoredEvent[] = [];
    let replaying = true;

    const send = (e: StoredEvent, out: Response) => {
      if (closed || e.id <= lastSent || !visible.has(e.profileId)) return;
      lastSent = e.id;
      out.write(frame(e));
      if (out.writableLength > maxBuffered) {
        closed = true;
        out.end();
      }
    };

    // Subscribe before replaying so nothing published meanwhile falls between the two.
    const unsubscribe = bus.subscribe((e) => (replaying ? pending.push(e) : send(e, res)));
    if (parsed !== undefined) {
      if (parsed > 0 && parsed < bus.oldestId() - 1) {
        // Too far behind: what was missed is gone; the browser must reload what it shows.
        res.write(`event: reset\ndata: {"reason":"history-expired"}\n\n`);
      }
      for (let batch = bus.since(lastSent, [...visible]); batch.length && !closed; batch = bus.since(lastSent, [...visible])) {
        for (const e of batch) send(e, res);
      }
    }
    replaying = false;
    for (const e of pending.splice(0)) send(e, res);

    const heartbeat = setInterval(() => {
      if (!closed) res.write(': ping\n\n');
    }, heartbeatMs);
    heartbeat.unref();

    const leave = viewers.add(user);
    req.on('close', () => {
      closed = true;
      leave();
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}
