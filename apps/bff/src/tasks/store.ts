import type { Task, TaskPage, TaskQuery } from '@console/contract';
import type { Db } from '../store/db.ts';
import type { PollState, StoredTask } from './types.ts';

/**
 * Where tasks live. SQLite here; the interface is small so that a PostgreSQL implementation
 * (with row leases so only one replica polls a task) can serve several BFF replicas.
 */
export interface TaskStore {
  insert(t: StoredTask): void;
  /** Read-modify-write in one transaction; undefined when the task does not exist. */
  update(id: string, change: (t: StoredTask) => StoredTask): StoredTask | undefined;
  get(id: string): StoredTask | undefined;
  open(): StoredTask[];
  list(q: TaskQuery, profileIds: string[]): TaskPage;
}

interface Row { id: string; seq: number; body: string; tracking: string }

export class SqliteTaskStore implements TaskStore {
  private seq: number;

  constructor(private readonly db: Db) {
    this.seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM tasks').get() as { s: number }).s;
  }

  insert(t: StoredTask): void {
    this.seq += 1;
    this.db
      .prepare('INSERT INTO tasks (id, seq, profile_id, username, kind, status, created_at, updated_at, body, tracking) VALUES (?,?,?,?,?,?,?,?,?,?)')
      .run(t.task.id, this.seq, t.task.profileId, t.task.username, t.task.kind, t.task.status, Date.parse(t.task.createdAt), Date.parse(t.task.updatedAt), JSON.stringify(t.task), JSON.stringify(t.polls));
  }

  update(id: string, change: (t: StoredTask) => StoredTask): StoredTask | undefined {
    return this.db.transaction(() => {
      const current = this.get(id);
      if (!current) return undefined;
      const next = change(current);
      this.db
        .prepare('UPDATE tasks SET status = ?, updated_at = ?, body = ?, tracking = ? WHERE id = ?')
        .run(next.task.status, Date.parse(next.task.updatedAt), JSON.stringify(next.task), JSON.stringify(next.polls), id);
      return next;
    })();
  }

  get(id: string): StoredTask | undefined {
    const row = this.db.prepare('SELECT id, seq, body, tracking FROM tasks WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  open(): StoredTask[] {
    return (this.db.prepare("SELECT id, seq, body, tracking FROM tasks WHERE status IN ('queued','running') ORDER BY seq").all() as Row[]).map(fromRow);
  }

  list(q: TaskQuery, profileIds: string[]): TaskPage {
    if (profileIds.length === 0) return { items: [], nextBefore: null };
    const where = [`profile_id IN (${profileIds.map(() => '?').join(',')})`];
    const args: (string | number)[] = [...profileIds];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (q.status === 'open') where.push("status IN ('queued','running')");
    else if (q.status) add('status = ?', q.status);
    if (q.kind) add('kind = ?', q.kind);
    if (q.username) add('username = ?', q.username);
    if (q.since) add('created_at >= ?', Date.parse(q.since));
    if (q.resourceId) add("EXISTS (SELECT 1 FROM json_each(body, '$.targets') WHERE json_extract(value, '$.id') = ?)", q.resourceId);
    if (q.before) add('seq < (SELECT seq FROM tasks WHERE id = ?)', q.before);
    const rows = this.db
      .prepare(`SELECT id, seq, body, tracking FROM tasks WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
      .all(...args, q.limit + 1) as Row[];
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map((r) => JSON.parse(r.body) as Task);
    return { items, nextBefore: more ? items[items.length - 1]!.id : null };
  }
}

function fromRow(r: Row): StoredTask {
  return { task: JSON.parse(r.body) as Task, polls: JSON.parse(r.tracking) as Record<string, PollState> };
}
