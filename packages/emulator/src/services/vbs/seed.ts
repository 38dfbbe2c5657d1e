import { jobTime } from '../../server/time.ts';
import { finishJob, startBackup, type BackupJob } from './model/backups.ts';
import { bind } from './model/bindings.ts';
import { createPolicy, runPolicy } from './model/policies.ts';
import type { Vbs } from './model/vbs.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Ends a backup job started in the past as it would have ended then: job, task, backup and disk. */
function complete(vbs: Vbs, jobId: string, startedAt: number, fail?: string): void {
  const { jobs } = vbs.rt;
  const job = jobs.get(jobId);
  if (!job) return;
  const payload = jobs.internal<BackupJob>(job);
  const end = startedAt + 21_000;
  vbs.s.get('UPDATE jobs SET begin_time = ? WHERE job_id = ?').run(jobTime(startedAt), jobId);
  finishJob(vbs, 'bksCreateBackup', { ...payload, ...(fail ? { fail } : {}) }, end);
  jobs.update(jobId, fail ? { status: 'FAIL', errorCode: 'VolumeBackup.0064', failReason: fail } : { status: 'SUCCESS' }, end);
  if (payload.taskId) vbs.s.get('UPDATE vbs_tasks SET status = ?, finished_ms = ? WHERE id = ?').run(fail ? 'EXECUTE_FAIL' : 'EXECUTE_SUCCESS', end, payload.taskId);
}

/**
 * The legacy VBS demo set, on disks the CBR demo leaves alone: a daily policy (with tags) over two
 * disks with four nights of automatic backups and their tasks, a disabled weekend policy, a manual
 * backup of a third disk and a manual backup that failed.
 */
export function seedVbsDemo(vbs: Vbs): { policies: number; backups: number } {
  const disk = (name: string) => (vbs.s.get('SELECT id FROM volumes WHERE hidden = 0 AND name = ? ORDER BY seq LIMIT 1').get(name) as { id: string } | undefined)?.id;
  // Disks the console's own tests leave to VBS: never added to vaults or bound to other policies there.
  const scratch = disk('analytics-scratch');
  const features = disk('ml-feature-store');
  const now = vbs.now();
  vbs.transaction(() => {
    const nightly = createPolicy(vbs, {
      backup_policy_name: 'legacy-nightly',
      scheduled_policy: { start_time: '18:00', frequency: 1, rentention_num: 7, remain_first_backup_of_curMonth: 'Y', status: 'ON' },
      tags: [{ key: 'env', value: 'prod' }],
      time_zone: 'UTC+08:00',
    });
    createPolicy(vbs, { backup_policy_name: 'legacy-weekend', scheduled_policy: { start_time: '02:00', week_frequency: ['SAT', 'SUN'], rentention_day: 30, status: 'OFF' } });
    const bound = [scratch, features].filter((id): id is string => id !== undefined);
    if (bound.length > 0) bind(vbs, { backup_policy_id: nightly, resources: bound.map((id) => ({ resource_id: id, resource_type: 'volume' })) });
    const policy = vbs.requirePolicy(nightly);
    for (const daysAgo of [4, 3, 2, 1]) {
      const at = Math.floor((now - daysAgo * DAY) / DAY) * DAY + 18 * HOUR;
      runPolicy(vbs, policy, at);
      const started = vbs.s.get("SELECT vbs_job_id FROM vbs_tasks WHERE policy_id = ? AND created_ms = ? AND status = 'RUNNING'").all(nightly, at) as { vbs_job_id: string }[];
      for (const t of started) complete(vbs, t.vbs_job_id, at);
    }
    if (scratch) {
      const at = now - 6 * HOUR;
      complete(vbs, startBackup(vbs, { volumeId: scratch, name: 'before-resize', description: 'manual backup before the resize', tags: [{ key: 'team', value: 'analytics' }] }, at).jobId, at);
    }
    if (features) {
      const at = now - 3 * HOUR;
      complete(vbs, startBackup(vbs, { volumeId: features, name: 'restore-drill', description: 'quarterly restore drill', tags: [] }, at).jobId, at, 'fsp cinder return backup status is error');
    }
  });
  const backups = (vbs.s.get('SELECT count(*) AS n FROM vbs_backups').get() as { n: number }).n;
  return { policies: 2, backups };
}
