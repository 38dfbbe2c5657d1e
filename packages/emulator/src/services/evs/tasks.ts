import type { TransitionContext } from '../../clock/scheduler.ts';
import type { JobRow } from '../../jobs/jobs.ts';
import { DURATION, type Evs } from './model/evs.ts';
import { finishUpload, type UploadPayload } from './model/image-ops.ts';
import { finishRollback, finishSnapshotCreate, finishSnapshotDelete } from './model/snapshot-ops.ts';
import {
  finishCreate, finishDelete, finishExtend, finishQos, type CreateVolumeInternal, type Failure,
} from './model/volume-ops.ts';

interface JobInternal extends Partial<CreateVolumeInternal> {
  volumeId?: string;
  fail?: Failure;
  iops?: number;
  throughput?: number | null;
}

function finishDelay(job: JobRow, internal: JobInternal): number {
  switch (job.job_type) {
    case 'createVolume':
      return internal.fromSource ? DURATION.createFromSource : DURATION.create;
    case 'extendVolume':
      return DURATION.extend;
    case 'deleteVolume':
      return DURATION.delete;
    default:
      return DURATION.qos;
  }
}

/**
 * The EVS timeline. A job goes INIT → RUNNING after DURATION.jobInit, then SUCCESS or FAIL when its
 * work is done; a batch job runs its sub-jobs staggered and ends when the last one does.
 * Operations without a job (Cinder APIs, snapshots) have one transition each.
 */
export function registerEvsTransitions(evs: Evs): void {
  const { scheduler, jobs } = evs.rt;

  scheduler.register('evs.job.start', (p: { jobId: string }, ctx: TransitionContext) => {
    const job = jobs.get(p.jobId);
    if (!job || job.status !== 'INIT') return;
    jobs.update(job.job_id, { status: 'RUNNING' }, ctx.dueAt);
    const children = job.job_type === 'batchCreateVolume' ? jobs.children(job.job_id) : [];
    const runnable = children.length > 0 ? children : [job];
    runnable.forEach((j, i) => {
      const internal = jobs.internal<JobInternal>(j);
      if (j !== job) jobs.update(j.job_id, { status: 'RUNNING' }, ctx.dueAt);
      if (j.job_type === 'createVolume' && internal.volumeId) {
        evs.store.updateVolume(internal.volumeId, { hidden: 0 }, evs.stamp(ctx.dueAt));
      }
      ctx.schedule('evs.job.finish', finishDelay(j, internal) + i * DURATION.batchStagger, { jobId: j.job_id });
    });
  });

  scheduler.register('evs.job.finish', (p: { jobId: string }, ctx: TransitionContext) => {
    const job = jobs.get(p.jobId);
    if (!job || job.status !== 'RUNNING') return;
    const internal = jobs.internal<JobInternal>(job);
    const id = internal.volumeId ?? '';
    switch (job.job_type) {
      case 'createVolume':
        finishCreate(evs, id, ctx.dueAt, internal.fail, internal.serverId);
        break;
      case 'extendVolume':
        finishExtend(evs, id, ctx.dueAt, internal.fail);
        break;
      case 'deleteVolume':
        finishDelete(evs, id, ctx.dueAt, internal.fail);
        break;
      case 'modifyVolumeQoS':
        finishQos(evs, id, ctx.dueAt, internal.iops ?? 0, internal.throughput ?? null, internal.fail);
        break;
    }
    const fail = internal.fail;
    jobs.update(job.job_id, fail ? { status: 'FAIL', errorCode: fail.code, failReason: fail.message } : { status: 'SUCCESS' }, ctx.dueAt);
    if (job.parent_id) settleParent(evs, job.parent_id, ctx.dueAt);
  });

  scheduler.register('evs.volume.create', (p: { volumeId: string; fail?: Failure }, ctx: TransitionContext) =>
    finishCreate(evs, p.volumeId, ctx.dueAt, p.fail));
  scheduler.register('evs.volume.extend', (p: { volumeId: string; fail?: Failure }, ctx: TransitionContext) =>
    finishExtend(evs, p.volumeId, ctx.dueAt, p.fail));
  scheduler.register('evs.volume.delete', (p: { volumeId: string; fail?: Failure }, ctx: TransitionContext) =>
    finishDelete(evs, p.volumeId, ctx.dueAt, p.fail));
  scheduler.register('evs.volume.upload', (p: UploadPayload, ctx: TransitionContext) => finishUpload(evs, p, ctx.dueAt));
  scheduler.register('evs.snapshot.create', (p: { snapshotId: string; fail?: Failure }, ctx: TransitionContext) =>
    finishSnapshotCreate(evs, p.snapshotId, ctx.dueAt, p.fail));
  scheduler.register('evs.snapshot.delete', (p: { snapshotId: string; fail?: Failure }, ctx: TransitionContext) =>
    finishSnapshotDelete(evs, p.snapshotId, ctx.dueAt, p.fail));
  scheduler.register(
    'evs.snapshot.rollback',
    (p: { snapshotId: string; volumeId: string; name?: string; fail?: Failure }, ctx: TransitionContext) => finishRollback(evs, p, ctx.dueAt),
  );
}

/** A batch job ends with its last sub-job: SUCCESS if all succeeded, else FAIL with the first failure. */
function settleParent(evs: Evs, parentId: string, at: number): void {
  const { jobs } = evs.rt;
  const children = jobs.children(parentId);
  if (children.some((c) => c.status !== 'SUCCESS' && c.status !== 'FAIL')) return;
  const failed = children.find((c) => c.status === 'FAIL');
  jobs.update(
    parentId,
    failed ? { status: 'FAIL', errorCode: failed.error_code ?? 'EVS.2001', failReason: failed.fail_reason ?? 'a sub-job failed' } : { status: 'SUCCESS' },
    at,
  );
}
