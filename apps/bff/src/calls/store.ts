import type { CallRecord } from '@console/cloud';
import type { CallDetail, CallEntry, CallPage, CallQuery } from '@console/contract';
import type { Db } from '../store/db.ts';

export interface CallOrigin {
  profileId: string;
  taskId?: string | undefined;
  username?: string | undefined;
}

interface Row {
  id: number; at: number; profile_id: string; service: string; method: string; path: string; route: string; query: string;
  status: number; duration_ms: number; attempts: number; request_id: string | null; error_code: string | null;
  error_message: string | null; task_id: string | null; username: string | null; request_body?: string | null; response_body?: string | null;
}

const listColumns = 'id, at, profile_id, service, method, path, route, query, status, duration_ms, attempts, request_id, error_code, error_message, task_id, username';

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const statusRanges = { '2xx': [200, 299], '3xx': [300, 399], '4xx': [400, 499], '5xx': [500, 599], none: [0, 0] } as const;
/** Pruning is a bulk delete: done every this many calls, or when the last one is this old. */
const pruneEvery = 500;
const pruneAfterMs = 10 * 60_000;

/**
 * Every upstream call, for the API-call inspector. Bounded: entries older than `keepMs` or beyond
 * the newest `keepMax` are pruned as new ones arrive, and never shown once past `keepMs` even
 * when no call has come since to prune them.
 */
export class CallLog {
  private readonly insert;
  private inserted = 0;
  private prunedAt = Date.now();

  constructor(private readonly db: Db, private readonly keepMs = 24 * 3600_000, private readonly keepMax = 20_000) {
    this.insert = db.prepare(
      `INSERT INTO calls (at, profile_id, service, method, path, route, query, status, duration_ms, attempts, request_id,
         error_code, error_message, task_id, username, request_body, response_body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record(r: CallRecord, origin: CallOrigin): number {
    const id = Number(
      this.insert.run(
        Date.now(), origin.profileId, r.service, r.method, r.path, r.route, JSON.stringify(r.query), r.status, r.durationMs, r.attempts,
        r.requestId ?? null, r.error?.code ?? null, r.error?.message ?? null, origin.taskId ?? null, origin.username ?? null,
        r.requestBody === undefined ? null : JSON.stringify(r.requestBody),
        r.responseBody === undefined ? null : JSON.stringify(r.responseBody),
      ).lastInsertRowid,
    );
    if (++this.inserted % pruneEvery === 0 || Date.now() - this.prunedAt > pruneAfterMs) this.prune();
    return id;
  }

  linkTask(ids: number[], taskId: string): void {
    if (ids.length === 0) return;
    this.db.prepare(`UPDATE calls SET task_id = ? WHERE id IN (${ids.map(() => '?').join(',')}) AND task_id IS NULL`).run(taskId, ...ids);
  }

  prune(now = Date.now()): void {
    this.prunedAt = now;
    this.db.prepare('DELETE FROM calls WHERE at < ?').run(now - this.keepMs);
    this.db.prepare('DELETE FROM calls WHERE id <= (SELECT MAX(id) FROM calls) - ?').run(this.keepMax);
  }

  query(q: CallQuery, profileIds: string[], now = Date.now()): CallPage {
    if (profileIds.length === 0) return { items: [], nextBefore: null };
    const where = [`profile_id IN (${profileIds.map(() => '?').join(',')})`, 'at >= ?'];
    const args: (string | number)[] = [...profileIds, now - this.keepMs];
    const add = (clause: string, value: string | number) => {
      where.push(clause);
      args.push(value);
    };
    if (q.service) add('service = ?', q.service);
    if (q.result === 'ok') where.push('error_code IS NULL');
    if (q.result === 'error') where.push('error_code IS NOT NULL');
    if (q.taskId) add('task_id = ?', q.taskId);
    if (q.username) add('username = ?', q.username);
    if (q.origin) where.push(q.origin === 'user' ? 'username IS NOT NULL' : 'username IS NULL');
    if (q.requestId) add('request_id = ?', q.requestId);
    if (q.method) add('method = ?', q.method);
    if (q.path) add("path LIKE ? ESCAPE '\\'", like(q.path));
    if (q.statusClass) {
      const [low, high] = statusRanges[q.statusClass];
      where.push('status BETWEEN ? AND ?');
      args.push(low, high);
    }
    if (q.search) {
      where.push("(path LIKE ? ESCAPE '\\' OR request_id LIKE ? ESCAPE '\\' OR error_code LIKE ? ESCAPE '\\')");
      args.push(like(q.search), like(q.search), like(q.search));
    }
    if (q.since) add('at >= ?', Date.parse(q.since));
    if (q.before) add('id < ?', q.before);
    const rows = this.db.prepare(`SELECT ${listColumns} FROM calls WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`).all(...args, q.limit + 1) as Row[];
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map(toEntry);
    return { items, nextBefore: more ? items[items.length - 1]!.id : null };
  }

  get(id: number, now = Date.now()): CallDetail | undefined {
    const row = this.db.prepare('SELECT * FROM calls WHERE id = ? AND at >= ?').get(id, now - this.keepMs) as Row | undefined;
    if (!row) return undefined;
    return {
      ...toEntry(row),
      ...(row.request_body ? { requestBody: JSON.parse(row.request_body) } : {}),
      ...(row.response_body ? { responseBody: JSON.parse(row.response_body) } : {}),
    };
  }
}

function toEntry(r: Row): CallEntry {
  return {
    id: r.id, at: new Date(r.at).toISOString(), profileId: r.profile_id, service: r.service, method: r.method, path: r.path,
    route: r.route, query: JSON.parse(r.query) as CallEntry['query'], status: r.status, durationMs: r.duration_ms,
    attempts: r.attempts, requestId: r.request_id, errorCode: r.error_code, errorMessage: r.error_message,
    taskId: r.task_id, username: r.username,
  };
}
