import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;
export type Statement = Database.Statement;

/** A named piece of schema; applied once, in order, and recorded in schema_migrations. */
export interface Migration {
  name: string;
  sql: string;
}

/**
 * Opens the store. WAL with synchronous=NORMAL: every transaction is appended to the WAL file
 * before better-sqlite3 returns, and the emulator answers only after that, so a killed process
 * (`kill -9`) loses nothing it acknowledged — the written pages are in the OS page cache and the
 * next open replays the WAL. FULL would additionally survive a power cut at the price of an fsync
 * per commit, which a local emulator does not need.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Keep a 10,000-disk table in memory instead of re-reading pages through syscalls.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  const applied = new Set(
    (db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name),
  );
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const m of migrations) {
    if (applied.has(m.name)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.name, new Date().toISOString());
    })();
  }
}

/** Prepared statements cached per SQL text: hot paths prepare once, dynamic filters once per shape. */
export class Statements {
  private readonly cache = new Map<string, Statement>();
  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}

export const CORE_MIGRATIONS: readonly Migration[] = [
  {
    name: '001_core',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL UNIQUE,
        parent_id TEXT,
        job_type TEXT NOT NULL,
        status TEXT NOT NULL,
        entities TEXT NOT NULL DEFAULT '{}',
        begin_time TEXT NOT NULL,
        end_time TEXT NOT NULL DEFAULT '',
        error_code TEXT,
        fail_reason TEXT,
        internal TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX jobs_parent ON jobs(parent_id);
      CREATE TABLE transitions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        due_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL
      );
      CREATE INDEX transitions_due ON transitions(due_at, id);
      CREATE TABLE idempotency (
        token TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_ms INTEGER NOT NULL
      );
    `,
  },
];

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
