import type { AuditEntry, AuditPage, AuditQuery } from '@console/contract';
import type { Db } from '../store/db.ts';
import { redactSecrets } from '../redact.ts';

export interface AuditRecord {
  username: string;
  profileId?: string | undefined;
  action: string;
  target?: string | undefined;
  params?: unknown;
  result: 'ok' | 'error';
  httpStatus: number;
  errorCode?: string | undefined;
  upstreamRequestId?: string | undefined;
}

interface Row {
  id: number; at: number; username: string; profile_id: string | null; action: string; target: string | null;
  params: string | null; result: 'ok' | 'error'; http_status: number; error_code: string | null; upstream_request_id: string | null;
}

const maxParamsBytes = 16 * 1024;

export class AuditLog {
  constructor(private readonly db: Db) {}

  record(r: AuditRecord): void {
    let params = r.params === undefined ? null : JSON.stringify(redactSecrets(r.params));
    if (params && params.length > maxParamsBytes) params = JSON.stringify({ truncated: true, bytes: params.length });
    this.db
      .prepare(
        `INSERT INTO audit (at, username, profile_id, action, target, params, result, http_status, error_code, upstream_request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(Date.now(), r.username, r.profileId ?? null, r.action, r.target ?? null, params, r.result, r.httpStatus, r.errorCode ?? null, r.upstreamRequestId ?? null);
  }

  query(q: AuditQuery): AuditPage {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, value: string | number) => {
      where.push(clause);
      args.push(value);
    };
    if (q.username) add('username = ?', q.username);
    if (q.action) add('action LIKE ?', `%${q.action.replace(/[%_]/g, '')}%`);
    if (q.result) add('result = ?', q.result);
    if (q.since) add('at >= ?', Date.parse(q.since));
    if (q.until) add('at < ?', Date.parse(q.until));
    if (q.before) add('id < ?', q.before);
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, q.limit + 1) as Row[];
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map(toEntry);
    return { items, nextBefore: more ? items[items.length - 1]!.id : null };
  }
}

function toEntry(r: Row): AuditEntry {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    username: r.username,
    profileId: r.profile_id,
    action: r.action,
    target: r.target,
    params: r.params ? JSON.parse(r.params) : null,
    result: r.result,
    httpStatus: r.http_status,
    errorCode: r.error_code,
    upstreamRequestId: r.upstream_request_id,
  };
}
