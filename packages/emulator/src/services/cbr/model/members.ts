import { uuid } from '../../../server/ids.ts';
import { cbrTime, type Cbr } from './cbr.ts';
import { cbrError, invalid } from '../errors.ts';
import { pageParams } from './oplogs.ts';
import { QueryFilter } from './query-filter.ts';
import { oneOf, optStr, strArray, type Obj } from './validate.ts';

interface MemberRow {
  id: string;
  backup_id: string;
  dest_project_id: string;
  status: string;
  vault_id: string | null;
  created_at: string;
  updated_at: string;
}

const PROJECT = /^[0-9a-f]{32}$/;

function render(m: MemberRow): Record<string, unknown> {
  return { id: m.id, backup_id: m.backup_id, dest_project_id: m.dest_project_id, status: m.status, vault_id: m.vault_id ?? '', image_id: '', created_at: m.created_at, updated_at: m.updated_at };
}

/** Sharing (seed 004 §4.4): server backups in the available status, to other projects, once each. */
export function addMembers(cbr: Cbr, backupId: string, o: Obj): Record<string, unknown> {
  const b = cbr.requireBackup(backupId);
  if (b.resource_type !== 'OS::Nova::Server') throw cbrError('BackupService.6700');
  if (b.status !== 'available') throw cbrError('BackupService.6702', `backup ${backupId} is ${b.status}`);
  const ids = strArray(o, 'members', 1, 10);
  for (const id of ids) {
    if (!PROJECT.test(id) || id === cbr.rt.account.projectId) throw cbrError('BackupService.6704', id);
    if (cbr.s.get('SELECT 1 FROM cbr_members WHERE backup_id = ? AND dest_project_id = ?').get(backupId, id)) throw cbrError('BackupService.6714', id);
  }
  if (new Set(ids).size !== ids.length) throw cbrError('BackupService.6714', 'a project is listed twice');
  const now = cbrTime(cbr.now());
  const insert = cbr.s.get("INSERT INTO cbr_members (id, backup_id, dest_project_id, status, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)");
  cbr.transaction(() => ids.forEach((id) => insert.run(uuid(), backupId, id, now, now)));
  return listMembers(cbr, backupId, new URLSearchParams());
}

const SORT_KEYS = ['created_at', 'updated_at', 'status', 'dest_project_id', 'id'] as const;

/** Members of a backup with the filters, paging (`marker` = the last member id seen) and `sort` of L3582-3678. */
export function listMembers(cbr: Cbr, backupId: string, q: URLSearchParams): Record<string, unknown> {
  cbr.requireBackup(backupId);
  const f = new QueryFilter(q);
  f.add('backup_id = ?', backupId);
  f.eq('status', 'status', ['pending', 'accepted', 'rejected']);
  f.eq('dest_project_id');
  f.eq('vault_id');
  // No backup of this region was ever registered as an image, so every member's image_id is empty.
  const image = q.get('image_id');
  if (image) f.add('0');
  const order = (q.get('sort') ?? 'created_at:desc').split(',').map((part) => {
    const [key = '', dir = 'desc', extra] = part.split(':');
    if (!(SORT_KEYS as readonly string[]).includes(key) || extra !== undefined || (dir !== 'asc' && dir !== 'desc')) throw invalid(`sort "${part}": use <key>[:asc|desc] with key one of ${SORT_KEYS.join(', ')}`);
    return `${key} ${dir.toUpperCase()}`;
  }).join(', ');
  const rows = cbr.s.get(`SELECT * FROM cbr_members ${f.sql} ORDER BY ${order}, seq`).all(...f.args) as MemberRow[];
  const { limit, offset } = pageParams(q);
  const marker = q.get('marker');
  const from = marker ? rows.findIndex((r) => r.id === marker) + 1 : offset;
  if (marker && from === 0) throw invalid(`marker ${marker} is not a member of backup ${backupId}`);
  return { members: rows.slice(from, from + limit).map(render), count: rows.length };
}

function member(cbr: Cbr, backupId: string, memberId: string): MemberRow {
  cbr.requireBackup(backupId);
  const m = cbr.s.get('SELECT * FROM cbr_members WHERE backup_id = ? AND dest_project_id = ?').get(backupId, memberId) as MemberRow | undefined;
  if (!m) throw cbrError('BackupService.6705', memberId);
  return m;
}

export function showMember(cbr: Cbr, backupId: string, memberId: string): Record<string, unknown> {
  return render(member(cbr, backupId, memberId));
}

export function updateMember(cbr: Cbr, backupId: string, memberId: string, o: Obj): Record<string, unknown> {
  const m = member(cbr, backupId, memberId);
  const status = oneOf(o, 'status', ['accepted', 'pending', 'rejected'] as const, true)!;
  const vaultId = optStr(o, 'vault_id', 1, 64) ?? null;
  if (status === 'accepted' && !vaultId) throw invalid('vault_id is required to accept a shared backup');
  cbr.s.get('UPDATE cbr_members SET status = ?, vault_id = ?, updated_at = ? WHERE id = ?').run(status, vaultId, cbrTime(cbr.now()), m.id);
  return render(member(cbr, backupId, memberId));
}

export function deleteMember(cbr: Cbr, backupId: string, memberId: string): void {
  const m = member(cbr, backupId, memberId);
  cbr.s.get('DELETE FROM cbr_members WHERE id = ?').run(m.id);
}
