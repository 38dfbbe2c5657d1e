import { vbsError } from '../errors.ts';
import type { Vbs } from './vbs.ts';
import { isObj, type Obj } from './validate.ts';

interface Outcome {
  resource_id: string;
  resource_type?: string;
  availability_zone?: string;
  os_vol_host_attr?: string;
}

/** Bind (5.2.5): per-disk results inside a 200; a disk already bound to a policy or in a bad status fails alone. */
export function bind(vbs: Vbs, o: Obj): { success_resources: Outcome[]; fail_resources: Outcome[] } {
  if (typeof o.backup_policy_id !== 'string' || o.backup_policy_id === '') throw vbsError('AutoBackup.0006');
  const policy = vbs.requirePolicy(o.backup_policy_id);
  if (!Array.isArray(o.resources) || o.resources.length === 0) throw vbsError('AutoBackup.0207');
  const list = o.resources.map((r) => {
    if (!isObj(r) || typeof r.resource_id !== 'string' || r.resource_id === '' || typeof r.resource_type !== 'string' || r.resource_type === '') throw vbsError('AutoBackup.0209');
    if (r.resource_type !== 'volume') throw vbsError('AutoBackup.0211', r.resource_type);
    return r.resource_id;
  });
  const pod = `pod01.${vbs.rt.account.region}`;
  const out = { success_resources: [] as Outcome[], fail_resources: [] as Outcome[] };
  vbs.transaction(() => {
    for (const id of list) {
      const v = vbs.evs.store.volume(id);
      const bound = vbs.s.get('SELECT policy_id FROM vbs_policy_resources WHERE resource_id = ?').get(id) as { policy_id: string } | undefined;
      const item: Outcome = { resource_id: id, resource_type: 'volume', availability_zone: v?.availability_zone ?? '', os_vol_host_attr: pod };
      if (!v || ['error', 'deleting', 'error_deleting', 'creating'].includes(v.status) || (bound && bound.policy_id !== policy.id)) {
        out.fail_resources.push(item);
        continue;
      }
      if (!bound) vbs.s.get('INSERT INTO vbs_policy_resources (resource_id, policy_id, availability_zone) VALUES (?, ?, ?)').run(id, policy.id, v.availability_zone);
      out.success_resources.push(item);
    }
  });
  return out;
}

export function unbind(vbs: Vbs, policyId: string, o: Obj): { success_resources: Outcome[]; fail_resources: Outcome[] } {
  vbs.requirePolicy(policyId);
  if (!Array.isArray(o.resources) || o.resources.length === 0) throw vbsError('AutoBackup.0207');
  const out = { success_resources: [] as Outcome[], fail_resources: [] as Outcome[] };
  for (const r of o.resources) {
    if (!isObj(r) || typeof r.resource_id !== 'string' || r.resource_id === '') throw vbsError('AutoBackup.0209');
    const done = vbs.s.get('DELETE FROM vbs_policy_resources WHERE resource_id = ? AND policy_id = ?').run(r.resource_id, policyId).changes > 0;
    (done ? out.success_resources : out.fail_resources).push({ resource_id: r.resource_id });
  }
  return out;
}

/** Backup tasks of a policy (5.2.9), newest first by default, 20 a page. */
export function tasks(vbs: Vbs, policyId: string, q: URLSearchParams): Record<string, unknown> {
  vbs.requirePolicy(policyId);
  const dir = q.get('sort_dir') ?? 'desc';
  if (dir !== 'asc' && dir !== 'desc') throw vbsError('AutoBackup.0008', 'sort_dir must be asc or desc');
  let rows = vbs.s.get(`SELECT * FROM vbs_tasks WHERE policy_id = ? ORDER BY created_ms ${dir.toUpperCase()}, seq ${dir.toUpperCase()}`).all(policyId) as {
    id: string; status: string; backup_name: string; resource_id: string; vbs_job_id: string; created_ms: number; finished_ms: number | null;
  }[];
  const status = q.get('status');
  if (status) rows = rows.filter((r) => r.status === status);
  const jobId = q.get('job_id');
  if (jobId) rows = rows.filter((r) => r.id === jobId);
  const count = rows.length;
  const marker = q.get('marker');
  if (marker) rows = rows.slice(rows.findIndex((r) => r.id === marker) + 1);
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const limit = Math.max(1, Number(q.get('limit') ?? 20) || 20);
  const time = (ms: number) => new Date(ms).toISOString().slice(0, 23);
  return {
    count,
    tasks: rows.slice(offset, offset + limit).map((r) => ({
      status: r.status, job_id: r.id, created_at: time(r.created_ms), ...(r.finished_ms !== null ? { finished_at: time(r.finished_ms) } : {}),
      backup_name: r.backup_name, resource_id: r.resource_id, resource_type: 'volume', vbs_job_id: r.vbs_job_id,
    })),
  };
}
