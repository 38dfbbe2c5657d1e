import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/** Ordered schema steps; each runs once, recorded in user_version. Append only. */
const migrations: string[] = [
  `CREATE TABLE users (
     username TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('viewer','operator','admin')),
     password_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_user ON sessions(username);`,
  `ALTER TABLE users ADD COLUMN active_profile TEXT;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     username TEXT NOT NULL,
     profile_id TEXT,
     action TEXT NOT NULL,
     target TEXT,
     params TEXT,
     result TEXT NOT NULL CHECK (result IN ('ok','error')),
     http_status INTEGER NOT NULL,
     error_code TEXT,
     upstream_request_id TEXT
   );
   CREATE INDEX audit_at ON audit(at);
   CREATE INDEX audit_user ON audit(username, id);`,
  `CREATE TABLE tasks (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL UNIQUE,
     profile_id TEXT NOT NULL,
     username TEXT NOT NULL,
     kind TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     body TEXT NOT NULL,
     tracking TEXT NOT NULL
   );
   CREATE INDEX tasks_open ON tasks(status) WHERE status IN ('queued','running');
   CREATE INDEX tasks_profile ON tasks(profile_id, seq);
   CREATE TABLE events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     profile_id TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX events_at ON events(at);`,
  `CREATE TABLE calls (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     profile_id TEXT NOT NULL,
     service TEXT NOT NULL,
     method TEXT NOT NULL,
     path TEXT NOT NULL,
     route TEXT NOT NULL,
     query TEXT NOT NULL,
     status INTEGER NOT NULL,
     duration_ms REAL NOT NULL,
     attempts INTEGER NOT NULL,
     request_id TEXT,
     error_code TEXT,
     error_message TEXT,
     task_id TEXT,
     username TEXT,
     request_body TEXT,
     response_body TEXT
   );
   CREATE INDEX calls_at ON calls(at);
   CREATE INDEX calls_task ON calls(task_id);
   CREATE INDEX calls_request ON calls(request_id);`,
];

/** A value generated once per installation and kept in the database (e.g. the CSRF key). */
export function installationSecret(db: Db, key: string, make: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = make();
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
}

export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives power loss, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    const step = migrations[v]!;
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
