import { hex32, uuid } from '../../../server/ids.ts';
import { cbrError, invalid } from '../errors.ts';
import { PROVIDERS, cbrTime, type Cbr, type VaultRow } from './cbr.ts';
import { QueryFilter } from './query-filter.ts';

export const OPERATION_TYPES = ['backup', 'copy', 'replication', 'restore', 'delete', 'sync', 'vault_delete', 'remove_resource'] as const;
export const OPERATION_STATUSES = ['success', 'skipped', 'failed', 'running', 'timeout', 'waiting'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

interface OplogDoc {
  created_at: string;
  started_at: string;
  ended_at: string;
  updated_at: string;
  error_info: { code: string; message: string };
  extra_info: Record<string, unknown>;
}

interface OplogRow {
  seq: number;
  id: string;
  operation_type: string;
  status: string;
  vault_id: string;
  vault_name: string;
  checkpoint_id: string;
  policy_id: string;
  provider_id: string;
  resource_id: string;
  resource_name: string;
  created_ms: number;
  doc: string;
}

export interface NewOplog {
  type: OperationType;
  vault: Pick<VaultRow, 'id' | 'name' | 'object_type'>;
  checkpointId?: string;
  policyId?: string;
  resource?: { id: string; name: string; type: string };
  /** The operation's own section of extra_info (`backup`, `restore`, `delete`, …). */
  extra?: Record<string, unknown>;
  status?: OperationStatus;
}

/** Operation logs, CBR's tasks (seed 004:L513-1130). */
export function createOplog(cbr: Cbr, o: NewOplog, at = cbr.now()): string {
  const id = uuid();
  const status = o.status ?? 'running';
  const extra: Record<string, unknown> = { ...o.extra, common: { progress: status === 'success' ? 100 : 0, request_id: `req-${uuid()}`, task_id: hex32() } };
  if (o.resource) extra.resource = { ...o.resource, extra_info: { exclude_volumes: [] } };
  const doc: OplogDoc = {
    created_at: cbrTime(at),
    started_at: status === 'waiting' ? '' : cbrTime(at),
    ended_at: status === 'success' || status === 'failed' ? cbrTime(at) : '',
    updated_at: cbrTime(at),
    error_info: { code: '', message: '' },
    extra_info: extra,
  };
  cbr.s
    .get(`INSERT INTO cbr_oplogs (id, operation_type, status, vault_id, vault_name, checkpoint_id, policy_id, provider_id, resource_id, resource_name, created_ms, doc)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, o.type, status, o.vault.id, o.vault.name, o.checkpointId ?? '', o.policyId ?? '', PROVIDERS[o.vault.object_type], o.resource?.id ?? '', o.resource?.name ?? '', at, JSON.stringify(doc));
  return id;
}

/** Ends (or advances) a task: terminal statuses stamp ended_at and set progress to 100. */
export function finishOplog(cbr: Cbr, id: string, status: OperationStatus, at: number, error?: { code: string; message: string }, extra?: Record<string, unknown>): void {
  const row = cbr.s.get('SELECT * FROM cbr_oplogs WHERE id = ?').get(id) as OplogRow | undefined;
  if (!row) return;
  const doc = JSON.parse(row.doc) as OplogDoc;
  const terminal = status !== 'running' && status !== 'waiting';
  doc.updated_at = cbrTime(at);
  if (terminal) doc.ended_at = cbrTime(at);
  if (error) doc.error_info = error;
  doc.extra_info = { ...doc.extra_info, ...extra };
  if (terminal && status === 'success') (doc.extra_info.common as { progress: number }).progress = 100;
  cbr.s.get('UPDATE cbr_oplogs SET status = ?, doc = ? WHERE id = ?').run(status, JSON.stringify(doc), id);
}

function render(row: OplogRow, projectId: string): Record<string, unknown> {
  const doc = JSON.parse(row.doc) as OplogDoc;
  return {
    id: row.id,
    operation_type: row.operation_type,
    status: row.status,
    provider_id: row.provider_id,
    checkpoint_id: row.checkpoint_id,
    policy_id: row.policy_id,
    project_id: projectId,
    vault_id: row.vault_id,
    vault_name: row.vault_name,
    ...doc,
  };
}

export function showOplog(cbr: Cbr, id: string): Record<string, unknown> {
  const row = cbr.s.get('SELECT * FROM cbr_oplogs WHERE id = ?').get(id) as OplogRow | undefined;
  if (!row) throw cbrError('BackupService.6500', `operation log ${id}`);
  return render(row, cbr.rt.account.projectId);
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/;

export function parseTime(value: string, key: string): number {
  if (!TIME.test(value)) throw invalid(`${key} must look like 2018-02-01T12:00:00Z`);
  return Date.parse(value.endsWith('Z') ? value : `${value}Z`);
}

export function pageParams(q: URLSearchParams, maxLimit = 1000): { limit: number; offset: number } {
  const int = (key: string, min: number, max: number, dflt: number) => {
    const raw = q.get(key);
    if (raw === null || raw === '') return dflt;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw invalid(`${key} must be an integer from ${min} to ${max}`);
    return Number(raw);
  };
  return { limit: int('limit', 1, maxLimit, maxLimit), offset: int('offset', 0, Number.MAX_SAFE_INTEGER, 0) };
}

/** The task list with the filters of Table 4-19; newest first. */
export function listOplogs(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const f = new QueryFilter(q);
  f.eq('operation_type', 'operation_type', OPERATION_TYPES);
  f.eq('status', 'status', OPERATION_STATUSES);
  for (const key of ['vault_id', 'vault_name', 'provider_id', 'resource_id', 'resource_name']) f.eq(key);
  f.createdBetween();
  // A task belongs to its vault's enterprise project.
  const ep = q.get('enterprise_project_id');
  if (ep && ep !== 'all_granted_eps') f.add("vault_id IN (SELECT id FROM cbr_vaults WHERE json_extract(doc, '$.enterprise_project_id') = ?)", ep);
  const { limit, offset } = pageParams(q);
  const { sql: filter, args } = f;
  const count = (cbr.s.get(`SELECT count(*) AS n FROM cbr_oplogs ${filter}`).get(...args) as { n: number }).n;
  const rows = cbr.s.get(`SELECT * FROM cbr_oplogs ${filter} ORDER BY created_ms DESC, seq DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as OplogRow[];
  const pid = cbr.rt.account.projectId;
  return { operation_logs: rows.map((r) => render(r, pid)), count, limit, offset };
}
