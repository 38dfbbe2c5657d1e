import { invalid } from '../errors.ts';
import type { BackupRow, Cbr } from './cbr.ts';
import { renderBackup } from './backups.ts';
import { pageParams } from './oplogs.ts';
import { QueryFilter } from './query-filter.ts';

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
  const f = new QueryFilter(q);
  for (const key of ['checkpoint_id', 'vault_id', 'resource_id', 'resource_name', 'resource_type', 'name']) f.eq(key);
  const parent = q.get('parent_id');
  if (parent) f.add('parent_id = ?', parent);
  else f.add('parent_id IS NULL');
  const statuses = q.getAll('status').filter((s) => s !== '');
  if (statuses.length) {
    for (const s of statuses) if (!STATUSES.includes(s)) throw invalid(`status must be one of ${STATUSES.join(', ')}`);
    f.add(`status IN (${statuses.map(() => '?').join(', ')})`, ...statuses);
  }
  const imageType = q.get('image_type');
  if (imageType !== null && imageType !== 'backup' && imageType !== 'replication') throw invalid('image_type must be backup or replication');
  if (imageType === 'replication') f.add('0');
  const incremental = q.get('incremental');
  if (incremental !== null && incremental !== 'true' && incremental !== 'false') throw invalid('incremental must be true or false');
  if (incremental === 'true') f.add('incremental = 1');
  const ownType = q.get('own_type') ?? 'private';
  if (!['all_granted', 'private', 'shared'].includes(ownType)) throw invalid('own_type must be all_granted, private or shared');
  // Nothing is shared to this project by another one: the emulator serves a single project.
  if (ownType === 'shared') f.add('0');
  f.createdBetween();
  const az = q.get('resource_az');
  if (az) f.add("json_extract(doc, '$.resource_az') = ?", az);
  // A backup belongs to its vault's enterprise project; none is on a dedicated cloud.
  const ep = q.get('enterprise_project_id');
  if (ep && ep !== 'all_granted_eps') f.add("vault_id IN (SELECT id FROM cbr_vaults WHERE json_extract(doc, '$.enterprise_project_id') = ?)", ep);
  const dec = q.get('dec');
  if (dec !== null && dec !== 'true' && dec !== 'false') throw invalid('dec must be true or false');
  if (dec === 'true') f.add('0');
  const memberStatus = q.get('member_status');
  if (memberStatus) {
    if (!['pending', 'accepted', 'rejected'].includes(memberStatus)) throw invalid('member_status must be pending, accepted or rejected');
    f.add('EXISTS (SELECT 1 FROM cbr_members m WHERE m.backup_id = cbr_backups.id AND m.status = ?)', memberStatus);
  }
  const used = q.get('used_percent');
  if (used) {
    if (!/^\d{1,3}$/.test(used) || Number(used) < 1 || Number(used) > 100) throw invalid('used_percent must be from 1 to 100');
    // A backup's share of its vault: its GB against the vault's size in GB.
    f.add("size * 100 >= ? * (SELECT json_extract(v.doc, '$.billing.size') FROM cbr_vaults v WHERE v.id = cbr_backups.vault_id)", Number(used));
  }
  const { sql: filter, args } = f;
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
  const showReplication = q.get('show_replication');
  if (showReplication !== null && showReplication !== 'true' && showReplication !== 'false') throw invalid('show_replication must be true or false');
  return { backups: rows.map((b) => renderBackup(cbr, b, true, showReplication === 'true')), count, offset, limit: page.limit };
}
