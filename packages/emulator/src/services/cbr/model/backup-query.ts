import { invalid } from '../errors.ts';
import type { BackupRow, Cbr } from './cbr.ts';
import { renderBackup } from './backups.ts';
import { pageParams, parseTime } from './oplogs.ts';

const STATUSES = ['available', 'protecting', 'deleting', 'restoring', 'error', 'waiting_protect', 'waiting_delete', 'waiting_restore'];
const SORT_COLUMNS: Record<string, string> = {
  created_at: 'created_ms', updated_at: 'updated_ms', name: 'name', status: 'status', protected_at: 'created_ms', id: 'id',
};

/** `created_at:desc,name` → ORDER BY; the default is newest first. */
function orderBy(sort: string | null): string {
  if (!sort) return 'created_ms DESC, seq DESC';
  if (sort.length > 255) throw invalid('sort is at most 255 characters');
  const parts = sort.split(',').map((part) => {
    const [key = '', dir = 'desc', extra] = part.split(':');
    const column = SORT_COLUMNS[key];
    if (!column || extra !== undefined || (dir !== 'asc' && dir !== 'desc')) throw invalid(`sort "${part}": use <key>[:asc|desc] with key one of ${Object.keys(SORT_COLUMNS).join(', ')}`);
    return `${column} ${dir.toUpperCase()}`;
  });
  return `${parts.join(', ')}, seq DESC`;
}

/** GET /backups with the filters of the seed (L2420-2653). Disk backups of servers appear only with parent_id. */
export function listBackups(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const where: string[] = [];
  const args: unknown[] = [];
  const eq = (key: string, column: string) => {
    const v = q.get(key);
    if (v === null || v === '') return;
    where.push(`${column} = ?`);
    args.push(v);
  };
  eq('checkpoint_id', 'checkpoint_id');
  eq('vault_id', 'vault_id');
  eq('resource_id', 'resource_id');
  eq('resource_name', 'resource_name');
  eq('resource_type', 'resource_type');
  eq('name', 'name');
  const parent = q.get('parent_id');
  if (parent) {
    where.push('parent_id = ?');
    args.push(parent);
  } else where.push('parent_id IS NULL');
  const statuses = q.getAll('status').filter((s) => s !== '');
  if (statuses.length) {
    for (const s of statuses) if (!STATUSES.includes(s)) throw invalid(`status must be one of ${STATUSES.join(', ')}`);
    where.push(`status IN (${statuses.map(() => '?').join(', ')})`);
    args.push(...statuses);
  }
  const imageType = q.get('image_type');
  if (imageType !== null && imageType !== 'backup' && imageType !== 'replication') throw invalid('image_type must be backup or replication');
  if (imageType === 'replication') where.push('0');
  const incremental = q.get('incremental');
  if (incremental !== null && incremental !== 'true' && incremental !== 'false') throw invalid('incremental must be true or false');
  if (incremental === 'true') where.push('incremental = 1');
  const ownType = q.get('own_type') ?? 'private';
  if (!['all_granted', 'private', 'shared'].includes(ownType)) throw invalid('own_type must be all_granted, private or shared');
  // Nothing is shared to this project by another one: the emulator serves a single project.
  if (ownType === 'shared') where.push('0');
  const start = q.get('start_time');
  if (start) {
    where.push('created_ms >= ?');
    args.push(parseTime(start, 'start_time'));
  }
  const end = q.get('end_time');
  if (end) {
    where.push('created_ms <= ?');
    args.push(parseTime(end, 'end_time'));
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const order = orderBy(q.get('sort'));
  const page = pageParams(q);
  let offset = page.offset;
  const marker = q.get('marker');
  if (marker) {
    const ids = cbr.s.get(`SELECT id FROM cbr_backups ${filter} ORDER BY ${order}`).all(...args) as { id: string }[];
    const at = ids.findIndex((r) => r.id === marker);
    if (at < 0) throw invalid(`marker ${marker} is not a backup of this list`);
    offset = at + 1;
  }
  const count = (cbr.s.get(`SELECT count(*) AS n FROM cbr_backups ${filter}`).get(...args) as { n: number }).n;
  const rows = cbr.s.get(`SELECT * FROM cbr_backups ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, page.limit, offset) as BackupRow[];
  return { backups: rows.map((b) => renderBackup(cbr, b)), count, offset, limit: page.limit };
}
