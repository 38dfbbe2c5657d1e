import type { ConsoleEvent } from '@console/contract';
import type { Db } from '../store/db.ts';

export interface StoredEvent {
  id: number;
  profileId: string;
  event: ConsoleEvent;
}

type Listener = (e: StoredEvent) => void;

const keepMs = 24 * 3600_000;
const keepMax = 50_000;

/**
 * Every event is written to the events table before it is delivered, so its id is durable and
 * increasing across restarts, and a browser that reconnects with Last-Event-ID gets what it missed.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private readonly insert;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO events (at, profile_id, body) VALUES (?, ?, ?)');
  }

  publish(profileId: string, event: ConsoleEvent): StoredEvent {
    const id = Number(this.insert.run(Date.now(), profileId, JSON.stringify(event)).lastInsertRowid);
    const stored = { id, profileId, event };
    for (const l of this.listeners) l(stored);
    return stored;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Events after `afterId` for these profiles, oldest first, at most `limit`. */
  since(afterId: number, profileIds: string[], limit = 5000): StoredEvent[] {
    if (profileIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT id, profile_id, body FROM events WHERE id > ? AND profile_id IN (${profileIds.map(() => '?').join(',')}) ORDER BY id LIMIT ?`)
      .all(afterId, ...profileIds, limit) as { id: number; profile_id: string; body: string }[];
    return rows.map((r) => ({ id: r.id, profileId: r.profile_id, event: JSON.parse(r.body) as ConsoleEvent }));
  }

  lastId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM events').get() as { id: number }).id;
  }

  /** The oldest id still kept; a client further behind than this must reload its lists. */
  oldestId(): number {
    return (this.db.prepare('SELECT COALESCE(MIN(id), 0) AS id FROM events').get() as { id: number }).id;
  }

  prune(now = Date.now()): number {
    const byAge = this.db.prepare('DELETE FROM events WHERE at < ?').run(now - keepMs).changes;
    const bySize = this.db.prepare('DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?').run(keepMax).changes;
    return byAge + bySize;
  }
}
