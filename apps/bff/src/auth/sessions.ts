import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { User } from './users.ts';

export const sessionCookie = 'console_session';
const absoluteLifetimeMs = 7 * 24 * 3600_000;

// Only a hash of the token is stored: a copy of the database does not hand out live sessions.
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  constructor(private readonly db: Db, private readonly idleMs: number) {}

  create(username: string): string {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    this.db
      .prepare('INSERT INTO sessions (token_hash, username, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(digest(token), username, now, now, now + absoluteLifetimeMs);
    return token;
  }

  /** The session's user, sliding its idle timeout; undefined when unknown or expired. */
  touch(token: string): User | undefined {
    const now = Date.now();
    const row = this.db
      .prepare(
        `SELECT s.token_hash, s.last_seen_at, s.expires_at, u.username, u.role
           FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ?`,
      )
      .get(digest(token)) as { token_hash: string; last_seen_at: number; expires_at: number; username: string; role: User['role'] } | undefined;
    if (!row) return undefined;
    if (now > row.expires_at || now - row.last_seen_at > this.idleMs) {
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(row.token_hash);
      return undefined;
    }
    // Write at most once a minute per session: reads stay cheap.
    if (now - row.last_seen_at > 60_000) this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, row.token_hash);
    return { username: row.username, role: row.role };
  }

  destroy(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(digest(token));
  }

  destroyOthers(username: string, keepToken: string): void {
    this.db.prepare('DELETE FROM sessions WHERE username = ? AND token_hash <> ?').run(username, digest(keepToken));
  }

  destroyAllFor(username: string): void {
    this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
  }

  purgeExpired(): number {
    const now = Date.now();
    return this.db.prepare('DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?').run(now, now - this.idleMs).changes;
  }
}
