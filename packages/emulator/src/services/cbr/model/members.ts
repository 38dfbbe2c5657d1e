import { uuid } from '../../../server/ids.ts';
import { cbrTime, type Cbr } from './cbr.ts';
import { cbrError, invalid } from '../errors.ts';
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

export function listMembers(cbr: Cbr, backupId: string, q: URLSearchParams): Record<string, unknown> {
  cbr.requireBackup(backupId);
  let rows = cbr.s.get('SELECT * FROM cbr_members WHERE backup_id = ? ORDER BY seq').all(backupId) as MemberRow[];
  const status = q.get('status');
  if (status) rows = rows.filter((r) => r.status === status);
  const dest = q.get('dest_project_id');
  if (dest) rows = rows.filter((r) => r.dest_project_id === dest);
  return { members: rows.map(render), count: rows.length };
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
