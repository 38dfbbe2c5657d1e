import { hex, uuid } from '../../../server/ids.ts';
import { vbsError } from '../errors.ts';
import { startBackup } from './backups.ts';
import { vbsTime, type Scheduled, type Vbs, type VbsPolicyRow } from './vbs.ts';
import { isObj, parseTags, type Obj } from './validate.ts';

const DAY_MS = 86_400_000;
const WEEK = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const NAME = /^[\u4e00-\u9fa5A-Za-z0-9_-]+$/;
const MAX_POLICIES = 10;

function rangeInt(v: unknown, min: number, max: number, code: Parameters<typeof vbsError>[0]): number {
  // rentention_day floats are floored (seed L1441); the other counts must be integers.
  const n = typeof v === 'number' && code === 'AutoBackup.0108' ? Math.floor(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw vbsError(code, `must be from ${min} to ${max}`);
  return n;
}

/** scheduled_policy with create ranges (frequency 1-30, rentention_num 2-99) or update ranges (1-14, 2-14) merged onto `base`. */
function parseScheduled(v: unknown, base: Scheduled | undefined): Scheduled {
  if (!isObj(v)) throw vbsError('AutoBackup.0001', 'scheduled_policy');
  const update = base !== undefined;
  const out: Scheduled = base ? { ...base } : { start_time: '', remain_first_backup_of_curMonth: 'N', status: 'ON' };
  if (v.start_time !== undefined || !update) {
    if (typeof v.start_time !== 'string' || !/^([01]\d|2[0-3]):00(,([01]\d|2[0-3]):00)*$/.test(v.start_time)) throw vbsError('AutoBackup.0103', 'whole UTC hours, HH:00[,HH:00]');
    out.start_time = v.start_time;
  }
  if (v.status !== undefined || !update) {
    if (v.status !== 'ON' && v.status !== 'OFF') throw vbsError('AutoBackup.0104');
    out.status = v.status;
  }
  if (v.remain_first_backup_of_curMonth !== undefined) {
    if (v.remain_first_backup_of_curMonth !== 'Y' && v.remain_first_backup_of_curMonth !== 'N') throw vbsError('AutoBackup.0105');
    out.remain_first_backup_of_curMonth = v.remain_first_backup_of_curMonth;
  }
  if (v.frequency !== undefined) {
    out.frequency = rangeInt(v.frequency, 1, update ? 14 : 30, 'AutoBackup.0106');
    delete out.week_frequency;
  } else if (v.week_frequency !== undefined) {
    if (!Array.isArray(v.week_frequency) || v.week_frequency.length === 0 || v.week_frequency.some((d) => !WEEK.includes(d as string))) throw vbsError('AutoBackup.0109');
    out.week_frequency = [...new Set(v.week_frequency as string[])];
    delete out.frequency;
  }
  if (out.frequency === undefined && out.week_frequency === undefined) throw vbsError('AutoBackup.0106', 'give frequency or week_frequency');
  // When both are given, rentention_num wins (seed L1440).
  if (v.rentention_num !== undefined) {
    out.rentention_num = rangeInt(v.rentention_num, 2, update ? 14 : 99, 'AutoBackup.0107');
    delete out.rentention_day;
  } else if (v.rentention_day !== undefined) {
    out.rentention_day = rangeInt(v.rentention_day, 2, 99999, 'AutoBackup.0108');
    delete out.rentention_num;
  }
  if (out.rentention_num === undefined && out.rentention_day === undefined) throw vbsError('AutoBackup.0107', 'give rentention_num or rentention_day');
  return out;
}

function parseName(v: unknown, update: boolean): string {
  if (typeof v !== 'string' || v.length < 1 || v.length > 64) throw vbsError('AutoBackup.0101');
  if (!NAME.test(v) || (update && v.startsWith('default'))) throw vbsError('AutoBackup.0102');
  return v;
}

function parseZone(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !/^UTC[+-]\d{2}:\d{2}$/.test(v)) throw vbsError('AutoBackup.0103', 'time_zone must look like UTC+08:00');
  return v;
}

export function scheduledOf(p: VbsPolicyRow): Scheduled {
  return JSON.parse(p.scheduled) as Scheduled;
}

function bodyOf(o: unknown): Obj {
  if (o === undefined || o === null) throw vbsError('AutoBackup.0000');
  if (!isObj(o)) throw vbsError('AutoBackup.0008');
  if (Object.keys(o).length === 0) throw vbsError('AutoBackup.0001');
  if (/[<>]/.test(JSON.stringify(o))) throw vbsError('AutoBackup.0221');
  return o;
}

export function createPolicy(vbs: Vbs, raw: unknown): string {
  const o = bodyOf(raw);
  const name = parseName(o.backup_policy_name, false);
  const scheduled = parseScheduled(o.scheduled_policy, undefined);
  const zone = parseZone(o.time_zone ?? (isObj(o.scheduled_policy) ? o.scheduled_policy.time_zone : undefined));
  const tags = o.tags === undefined ? [] : parseTags(o.tags, 10, 'VolumeBackup.0049', 'VolumeBackup.0050');
  const n = (vbs.s.get('SELECT count(*) AS n FROM vbs_policies').get() as { n: number }).n;
  if (n >= MAX_POLICIES) throw vbsError('AutoBackup.0203', `at most ${MAX_POLICIES} policies`);
  const id = uuid();
  vbs.transaction(() => {
    vbs.s.get('INSERT INTO vbs_policies (id, name, scheduled, time_zone, tags, anchor_ms) VALUES (?, ?, ?, ?, ?, ?)').run(id, name, JSON.stringify(scheduled), zone, JSON.stringify(tags), vbs.now());
    armPolicy(vbs, id, vbs.now());
  });
  return id;
}

export function updatePolicy(vbs: Vbs, id: string, raw: unknown): void {
  const p = vbs.requirePolicy(id);
  const o = bodyOf(raw);
  const name = o.backup_policy_name === undefined ? p.name : parseName(o.backup_policy_name, true);
  const scheduled = o.scheduled_policy === undefined ? scheduledOf(p) : parseScheduled(o.scheduled_policy, scheduledOf(p));
  const zone = o.time_zone === undefined ? p.time_zone : parseZone(o.time_zone);
  vbs.transaction(() => {
    vbs.s.get('UPDATE vbs_policies SET name = ?, scheduled = ?, time_zone = ? WHERE id = ?').run(name, JSON.stringify(scheduled), zone, id);
    armPolicy(vbs, id, vbs.now());
  });
}

export function deletePolicy(vbs: Vbs, id: string): void {
  vbs.requirePolicy(id);
  vbs.transaction(() => {
    vbs.s.get('DELETE FROM vbs_policy_resources WHERE policy_id = ?').run(id);
    vbs.s.get('DELETE FROM vbs_policies WHERE id = ?').run(id);
  });
}

export function renderPolicy(vbs: Vbs, p: VbsPolicyRow): Record<string, unknown> {
  const count = (vbs.s.get('SELECT count(*) AS n FROM vbs_policy_resources WHERE policy_id = ?').get(p.id) as { n: number }).n;
  return { backup_policy_id: p.id, backup_policy_name: p.name, scheduled_policy: scheduledOf(p), policy_resource_count: count, ...(p.time_zone ? { time_zone: p.time_zone } : {}) };
}

/** The next firing after `after`: each start_time hour on matching days (every `frequency` days from the anchor, or the week days). */
export function nextRun(s: Scheduled, after: number, anchor: number): number {
  const hours = s.start_time.split(',').map((t) => Number(t.slice(0, 2))).sort((a, b) => a - b);
  const anchorDay = Math.floor(anchor / DAY_MS);
  for (let d = Math.floor(after / DAY_MS); d <= Math.floor(after / DAY_MS) + 31; d++) {
    const ok = s.week_frequency ? s.week_frequency.includes(WEEK[(d + 4) % 7]!) : (d - anchorDay) % (s.frequency ?? 1) === 0;
    if (!ok) continue;
    const t = hours.map((h) => d * DAY_MS + h * 3_600_000).find((x) => x > after);
    if (t !== undefined) return t;
  }
  return Number.POSITIVE_INFINITY;
}

export function armPolicy(vbs: Vbs, id: string, from: number): void {
  vbs.s.get('UPDATE vbs_policies SET generation = generation + 1 WHERE id = ?').run(id);
  const p = vbs.policy(id);
  if (!p || scheduledOf(p).status !== 'ON') return;
  const at = nextRun(scheduledOf(p), from, p.anchor_ms);
  if (Number.isFinite(at)) vbs.rt.scheduler.schedule('vbs.policy.fire', 0, { policyId: id, generation: p.generation }, at);
}

/** Backs up every disk bound to the policy, one task each; a disk that cannot be backed up gets a SKIP task. */
export function runPolicy(vbs: Vbs, p: VbsPolicyRow, at: number): void {
  const disks = vbs.s.get('SELECT resource_id FROM vbs_policy_resources WHERE policy_id = ? ORDER BY resource_id').all(p.id) as { resource_id: string }[];
  const insert = vbs.s.get('INSERT INTO vbs_tasks (id, policy_id, status, backup_name, resource_id, vbs_job_id, created_ms, finished_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const { resource_id: volumeId } of disks) {
    const taskId = uuid();
    const name = `autobk_${hex(2)}`;
    try {
      const { jobId } = startBackup(vbs, { volumeId, name, description: '', tags: [], policyId: p.id, taskId }, at);
      insert.run(taskId, p.id, 'RUNNING', name, volumeId, jobId, at, null);
    } catch {
      insert.run(taskId, p.id, 'SKIP', name, volumeId, '', at, at);
    }
  }
}

/** Retention after a policy backup: keep rentention_num newest, or those younger than rentention_day; optionally each month's first. */
export function applyRetention(vbs: Vbs, p: VbsPolicyRow, volumeId: string, at: number, remove: (backupId: string) => void): void {
  const s = scheduledOf(p);
  const rows = vbs.s
    .get("SELECT id, created_ms FROM vbs_backups WHERE policy_id = ? AND volume_id = ? AND status = 'available' ORDER BY created_ms DESC, seq DESC")
    .all(p.id, volumeId) as { id: string; created_ms: number }[];
  const offset = p.time_zone ? (p.time_zone[3] === '-' ? -1 : 1) * (Number(p.time_zone.slice(4, 6)) * 60 + Number(p.time_zone.slice(7, 9))) * 60_000 : 0;
  const month = (ms: number) => vbsTime(ms + offset).slice(0, 7);
  const firstOfMonth = new Set<string>();
  if (s.remain_first_backup_of_curMonth === 'Y') {
    const seen = new Set<string>();
    for (const r of [...rows].reverse()) {
      if (seen.has(month(r.created_ms))) continue;
      seen.add(month(r.created_ms));
      firstOfMonth.add(r.id);
    }
  }
  const doomed = s.rentention_num !== undefined
    ? rows.filter((r) => !firstOfMonth.has(r.id)).slice(s.rentention_num)
    : rows.filter((r) => !firstOfMonth.has(r.id) && r.created_ms <= at - (s.rentention_day ?? 0) * DAY_MS);
  for (const r of doomed) remove(r.id);
}
