import type { TransitionContext } from '../../clock/scheduler.ts';
import { finishJob, startDelete } from './model/backups.ts';
import { applyRetention, nextRun, runPolicy, scheduledOf } from './model/policies.ts';
import { VBS_DURATION, type Vbs } from './model/vbs.ts';

interface JobPayload {
  backupId: string;
  volumeId?: string;
  taskId?: string;
  fail?: string;
}

const WORK: Record<string, number> = { bksCreateBackup: VBS_DURATION.backup, bksRestoreBackup: VBS_DURATION.restore, bksDeleteBackup: VBS_DURATION.delete };

/** VBS jobs go INIT → RUNNING → SUCCESS | FAIL; policies fire at their start times and apply retention after each backup. */
export function registerVbsTransitions(vbs: Vbs): void {
  const { scheduler, jobs } = vbs.rt;
  scheduler.register('vbs.job.start', (p: { jobId: string }, ctx: TransitionContext) => {
    const job = jobs.get(p.jobId);
    if (!job || job.status !== 'INIT') return;
    jobs.update(job.job_id, { status: 'RUNNING' }, ctx.dueAt);
    ctx.schedule('vbs.job.finish', WORK[job.job_type] ?? VBS_DURATION.delete, p);
  });
  scheduler.register('vbs.job.finish', (p: { jobId: string }, ctx: TransitionContext) => {
    const job = jobs.get(p.jobId);
    if (!job || job.status !== 'RUNNING') return;
    const payload = jobs.internal<JobPayload>(job);
    const fail = finishJob(vbs, job.job_type, payload, ctx.dueAt);
    jobs.update(job.job_id, fail ? { status: 'FAIL', errorCode: 'VolumeBackup.0064', failReason: fail } : { status: 'SUCCESS' }, ctx.dueAt);
    if (payload.taskId) {
      vbs.s.get('UPDATE vbs_tasks SET status = ?, finished_ms = ? WHERE id = ?').run(fail ? 'EXECUTE_FAIL' : 'EXECUTE_SUCCESS', ctx.dueAt, payload.taskId);
      const backup = vbs.backup(payload.backupId);
      const policy = backup?.policy_id ? vbs.policy(backup.policy_id) : undefined;
      if (!fail && policy && payload.volumeId) applyRetention(vbs, policy, payload.volumeId, ctx.dueAt, (id) => startDelete(vbs, id, ctx.dueAt));
    }
  });
  scheduler.register('vbs.policy.fire', (p: { policyId: string; generation: number }, ctx: TransitionContext) => {
    const policy = vbs.policy(p.policyId);
    if (!policy || policy.generation !== p.generation || scheduledOf(policy).status !== 'ON') return;
    runPolicy(vbs, policy, ctx.dueAt);
    const next = nextRun(scheduledOf(policy), ctx.dueAt, policy.anchor_ms);
    if (Number.isFinite(next)) vbs.rt.scheduler.schedule('vbs.policy.fire', 0, p, next);
  });
}
