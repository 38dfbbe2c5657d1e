import type { RawJob } from './services/common-types.ts';

export type JobStatus = 'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL';

export interface NormalizedSubJob {
  jobId: string;
  jobType: string | undefined;
  status: JobStatus;
  /** The status exactly as the cloud sent it (e.g. WAITING_EXECUTE). */
  rawStatus: string;
  entities: Record<string, unknown>;
  failReason: string | undefined;
  errorCode: string | undefined;
  beginTime: string | undefined;
  endTime: string | undefined;
}

export interface NormalizedJob extends NormalizedSubJob {
  subJobs: NormalizedSubJob[];
  /** ECS reports the planned number of sub-jobs before they all exist. */
  subJobsTotal: number;
  /** SUCCESS or FAIL: stop polling. */
  finished: boolean;
}

/**
 * EVS adds WAITING_EXECUTE (queued) to the four common states; anything else the cloud may invent
 * is treated as still running so that a tracker keeps polling rather than declaring an outcome.
 */
export function normalizeJobStatus(status: string | undefined): JobStatus {
  switch (status) {
    case 'SUCCESS':
    case 'FAIL':
    case 'RUNNING':
    case 'INIT':
      return status;
    case 'WAITING_EXECUTE':
      return 'INIT';
    default:
      return 'RUNNING';
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function subJobsOf(job: RawJob): RawJob[] {
  const inEntities = isObject(job.entities) ? job.entities.sub_jobs : undefined;
  if (Array.isArray(inEntities) && inEntities.length > 0) return inEntities.filter(isObject) as unknown as RawJob[];
  // VBS documents them next to `entities`.
  return Array.isArray(job.sub_jobs) ? (job.sub_jobs.filter(isObject) as unknown as RawJob[]) : [];
}

function normalizeOne(job: RawJob): NormalizedSubJob {
  const entities: Record<string, unknown> = {};
  if (isObject(job.entities)) {
    for (const [key, value] of Object.entries(job.entities)) {
      if (key !== 'sub_jobs' && key !== 'sub_jobs_total') entities[key] = value;
    }
  }
  return {
    jobId: job.job_id,
    jobType: text(job.job_type),
    status: normalizeJobStatus(job.status),
    rawStatus: String(job.status),
    entities,
    // ECS puts a sub-job's failure cause in entities.errorcode_message instead of fail_reason.
    failReason: text(job.fail_reason) ?? text(entities.errorcode_message),
    errorCode: text(job.error_code),
    beginTime: text(job.begin_time),
    endTime: text(job.end_time),
  };
}

/**
 * One job shape for the task tracker, whichever of EVS, ECS or VBS produced it. A failed parent
 * without its own reason borrows the first failed sub-job's, so the UI always has something to say.
 */
export function normalizeJob(raw: RawJob): NormalizedJob {
  const parent = normalizeOne(raw);
  const subJobs = subJobsOf(raw).map(normalizeOne);
  const declaredTotal = isObject(raw.entities) ? raw.entities.sub_jobs_total : undefined;
  const firstFailed = subJobs.find((s) => s.status === 'FAIL');
  return {
    ...parent,
    failReason: parent.failReason ?? (parent.status === 'FAIL' ? firstFailed?.failReason : undefined),
    errorCode: parent.errorCode ?? (parent.status === 'FAIL' ? firstFailed?.errorCode : undefined),
    subJobs,
    subJobsTotal: typeof declaredTotal === 'number' ? Math.max(declaredTotal, subJobs.length) : subJobs.length,
    finished: parent.status === 'SUCCESS' || parent.status === 'FAIL',
  };
}
