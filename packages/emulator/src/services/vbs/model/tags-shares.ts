import { uuid } from '../../../server/ids.ts';
import { vbsError } from '../errors.ts';
import { renderBackup } from './backups.ts';
import { vbsTime, type Vbs, type VbsPolicyRow } from './vbs.ts';
import { isObj, parseTag, upsertTags, type Obj, type Tag } from './validate.ts';

/** Batch create/update/delete of tags (5.1.9, 5.2.14): delete accepts longer keys and values and ignores unknown keys. */
export function batchTags(current: Tag[], o: Obj, actions: readonly string[], max: number): Tag[] {
  if (typeof o.action !== 'string' || !actions.includes(o.action)) throw vbsError('AutoBackup.0222', `action must be one of ${actions.join(', ')}`);
  const raw = o.tags ?? [];
  if (!Array.isArray(raw)) throw vbsError('VolumeBackup.0049', 'tags must be a list');
  if (raw.length > max) throw vbsError('VolumeBackup.0050');
  if (o.action === 'delete') {
    const doomed = raw.map((t) => parseTag(t, 'VolumeBackup.0049', false, 127, 255));
    return current.filter((t) => !doomed.some((d) => d.key === t.key && (d.value === '' || d.value === t.value)));
  }
  const next = upsertTags(current, raw.map((t) => parseTag(t, 'VolumeBackup.0049')));
  if (next.length > max) throw vbsError('VolumeBackup.0050');
  return next;
}

export function policyTags(p: VbsPolicyRow): Tag[] {
  return JSON.parse(p.tags) as Tag[];
}

export function savePolicyTags(vbs: Vbs, id: string, tags: Tag[]): void {
  vbs.s.get('UPDATE vbs_policies SET tags = ? WHERE id = ?').run(JSON.stringify(tags), id);
}

export function setBackupTags(vbs: Vbs, backupId: string, o: Obj): void {
  const b = vbs.backup(backupId);
  if (!b) throw vbsError('VolumeBackup.0111', `backup ${backupId}`);
  const tags = batchTags(JSON.parse(b.tags) as Tag[], o, ['create', 'delete'], 10);
  vbs.s.get('UPDATE vbs_backups SET tags = ? WHERE id = ?').run(JSON.stringify(tags), backupId);
}

/** Filter/count policies by tag (5.2.15): tags = keys AND, values OR; tags_any = keys OR; not_* exclude. */
export function filterPolicies(vbs: Vbs, o: Obj): Record<string, unknown> {
  const action = o.action;
  if (action !== 'filter' && action !== 'count') throw vbsError('AutoBackup.0222', 'action must be filter or count');
  const reqs = (key: string) => {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.length > 10) throw vbsError('VolumeBackup.0049', `${key} must be a list of at most 10`);
    return v.map((t) => {
      if (!isObj(t) || typeof t.key !== 'string' || !Array.isArray(t.values)) throw vbsError('VolumeBackup.0049', `${key} items need key and values`);
      return { key: t.key, values: t.values as string[] };
    });
  };
  const match = (tags: Tag[], q: { key: string; values: string[] }) => tags.some((t) => t.key === q.key && (q.values.length === 0 || q.values.includes(t.value)));
  const [tags, any, not, notAny] = [reqs('tags'), reqs('tags_any'), reqs('not_tags'), reqs('not_tags_any')];
  const name = Array.isArray(o.matches) && isObj(o.matches[0]) && o.matches[0].key === 'resource_name' ? String(o.matches[0].value) : undefined;
  const rows = (vbs.s.get('SELECT * FROM vbs_policies ORDER BY seq').all() as VbsPolicyRow[]).filter((p) => {
    const t = policyTags(p);
    return tags.every((q) => match(t, q)) && (any.length === 0 || any.some((q) => match(t, q))) && !(not.length && not.every((q) => match(t, q))) &&
      !notAny.some((q) => match(t, q)) && (name === undefined || p.name.includes(name));
  });
  if (action === 'count') return { total_count: rows.length };
  const num = (key: string, dflt: number) => {
    const v = o[key];
    if (v === undefined) return dflt;
    if (typeof v !== 'string' || !/^\d+$/.test(v)) throw vbsError('VolumeBackup.0049', `${key} must be a numeric string`);
    return Number(v);
  };
  const offset = num('offset', 0);
  const limit = Math.min(Math.max(num('limit', 1000), 1), 1000);
  return { total_count: rows.length, resources: rows.slice(offset, offset + limit).map((p) => ({ resource_id: p.id, resource_name: p.name, resource_detail: null, tags: policyTags(p) })) };
}

interface ShareRow {
  id: string;
  backup_id: string;
  from_project_id: string;
  to_project_id: string;
  created_ms: number;
}

export function createShares(vbs: Vbs, o: Obj): Record<string, unknown>[] {
  const s = o.shared;
  if (!isObj(s) || typeof s.backup_id !== 'string' || !Array.isArray(s.to_project_ids) || s.to_project_ids.length === 0 || s.to_project_ids.some((x) => typeof x !== 'string' || !/^[0-9a-f]{32}$/.test(x))) {
    throw vbsError('VolumeBackup.0002', 'shared needs backup_id and to_project_ids (project ids)');
  }
  const b = vbs.backup(s.backup_id);
  if (!b) throw vbsError('VolumeBackup.0111', `backup ${s.backup_id}`);
  if (b.status !== 'available') throw vbsError('VolumeBackup.0089');
  const now = vbs.now();
  const ids = s.to_project_ids as string[];
  const out: Record<string, unknown>[] = [];
  vbs.transaction(() => {
    for (const to of ids) {
      const id = uuid();
      vbs.s.get('INSERT OR IGNORE INTO vbs_shares (id, backup_id, from_project_id, to_project_id, created_ms) VALUES (?, ?, ?, ?, ?)').run(id, b.id, vbs.rt.account.projectId, to, now);
      const row = vbs.s.get('SELECT * FROM vbs_shares WHERE backup_id = ? AND to_project_id = ?').get(b.id, to) as ShareRow;
      out.push({ ...renderShare(row), deleted: false, deleted_at: null });
    }
  });
  return out;
}

function renderShare(r: ShareRow): Record<string, unknown> {
  return { backup_id: r.backup_id, id: r.id, to_project_id: r.to_project_id, from_project_id: r.from_project_id, created_at: vbsTime(r.created_ms), updated_at: null };
}

export function deleteShares(vbs: Vbs, id: string, byBackup: boolean): void {
  const n = byBackup ? vbs.s.get('DELETE FROM vbs_shares WHERE backup_id = ?').run(id).changes : vbs.s.get('DELETE FROM vbs_shares WHERE id = ?').run(id).changes;
  if (n === 0) throw vbsError('VolumeBackup.0111', `share ${id}`);
}

function filtered(vbs: Vbs, q: URLSearchParams): ShareRow[] {
  // Everything here was shared by this project: nothing arrives from another one.
  if (q.get('share_to_me') === 'true') return [];
  let rows = vbs.s.get('SELECT * FROM vbs_shares ORDER BY created_ms DESC, seq DESC').all() as ShareRow[];
  for (const key of ['backup_id', 'to_project_id', 'from_project_id'] as const) {
    const v = q.get(key);
    if (v) rows = rows.filter((r) => r[key] === v);
  }
  const volumeId = q.get('volume_id');
  const name = q.get('name');
  const status = q.get('status');
  if (volumeId || name || status) {
    rows = rows.filter((r) => {
      const b = vbs.backup(r.backup_id);
      return !!b && (!volumeId || b.volume_id === volumeId) && (!name || b.name.includes(name)) && (!status || b.status === status);
    });
  }
  return rows;
}

export function listShares(vbs: Vbs, q: URLSearchParams): Record<string, unknown>[] {
  let rows = filtered(vbs, q);
  if (q.get('sort_dir') === 'asc') rows = rows.reverse();
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const limit = Math.max(1, Number(q.get('limit') ?? 1000) || 1000);
  return rows.slice(offset, offset + limit).map((r) => ({ ...renderShare(r), backup: renderBackup(vbs, vbs.backup(r.backup_id)!) }));
}

export function countShares(vbs: Vbs, q: URLSearchParams): number {
  return filtered(vbs, q).length;
}

export function showShare(vbs: Vbs, id: string): Record<string, unknown> {
  const r = vbs.s.get('SELECT * FROM vbs_shares WHERE id = ?').get(id) as ShareRow | undefined;
  if (!r) throw vbsError('VolumeBackup.0111', `share ${id}`);
  return { ...renderShare(r), backup: renderBackup(vbs, vbs.backup(r.backup_id)!) };
}
