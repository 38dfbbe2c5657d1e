import type { Role } from '@console/contract';
import type { Db } from '../store/db.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';

export interface User { username: string; role: Role }

// A fixed hash to compare against when the user does not exist, so a wrong username costs
// the same time as a wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export class UserStore {
  constructor(private readonly db: Db) {}

  get(username: string): User | undefined {
    return this.db.prepare('SELECT username, role FROM users WHERE username = ?').get(username) as User | undefined;
  }

  list(): { username: string; role: Role; created_at: number; updated_at: number }[] {
    return this.db.prepare('SELECT username, role, created_at, updated_at FROM users ORDER BY username').all() as {
      username: string; role: Role; created_at: number; updated_at: number;
    }[];
  }

  /** false when the name is taken */
  async create(username: string, role: Role, password: string): Promise<boolean> {
    const hash = await hashPassword(password);
    const now = Date.now();
    const r = this.db
      .prepare('INSERT OR IGNORE INTO users (username, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(username, role, hash, now, now);
    return r.changes === 1;
  }

  setRole(username: string, role: Role): void {
    this.db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE username = ?').run(role, Date.now(), username);
  }

  remove(username: string): void {
    this.db.prepare('DELETE FROM users WHERE username = ?').run(username);
  }

  adminCount(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async setPassword(username: string, role: Role, password: string): Promise<void> {
    const hash = await hashPassword(password);
    const now = Date.now();
    this.db
      .prepare(
        `INSERT INTO users (username, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(username) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      )
      .run(username, role, hash, now, now);
  }

  async authenticate(username: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare('SELECT username, role, password_hash FROM users WHERE username = ?').get(username) as
      | (User & { password_hash: string })
      | undefined;
    if (!row) {
      dummyHash ??= hashPassword(generatePassword());
      await verifyPassword(password, await dummyHash);
      return undefined;
    }
    return (await verifyPassword(password, row.password_hash)) ? { username: row.username, role: row.role } : undefined;
  }
}

export type BootstrapResult = { kind: 'generated'; password: string } | { kind: 'from-env' } | { kind: 'existing' };

/**
 * The first admin: from CONSOLE_ADMIN_PASSWORD when set (re-applied at every start so the
 * environment stays the source of truth), otherwise generated once and shown once.
 */
export async function bootstrapAdmin(users: UserStore, envPassword: string | undefined): Promise<BootstrapResult> {
  if (envPassword) {
    await users.setPassword('admin', 'admin', envPassword);
    return { kind: 'from-env' };
  }
  if (users.get('admin') || users.count() > 0) return { kind: 'existing' };
  const password = generatePassword();
  await users.setPassword('admin', 'admin', password);
  return { kind: 'generated', password };
}
