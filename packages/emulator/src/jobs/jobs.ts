import type { VirtualClock } from '../clock/clock.ts';
import type { Db } from '../store/db.ts';
import { Statements } from '../store/db.ts';
import { hex32 } from '../server/ids.ts';
import { jobTime } from '../server/time.ts';

/** Job statuses of `GET /v1/{project_id}/jobs/{job_id}` (seed 000:L8453). */
export type JobStatus = 'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL' | 'WAITING_EXECUTE';

export interface JobRow {
  job_id: string;
  parent_id: string | null;
  job_type: string;
  status: JobStatus;
  entities: string;
  begin_time: string;
  end_time: string;
  error_code: string | null;
  fail_reason: string | null;
  internal: string;
}

export interface NewJob {
  jobType: string;
  entities: Record<string, unknown>;
  parentId?: string;
  /** Emulator-only state the job's transitions need (never rendered). */
  internal?: Record<string, unknown>;
}

export interface JobPatch {
  status?: JobStatus;
  entities?: Record<string, unknown>;
  internal?: Record<string, unknown>;
  errorCode?: string;
  failReason?: string;
}

/** The shared job store: EVS creates, expands and deletes report through it, as ECS will. */
export class Jobs {
  private readonly s: Statements;

  constructor(db: Db, private readonly clock: VirtualClock) {
    this.s = new Statements(db);
  }

  create(job: NewJob): string {
    const id = hex32();
    this.s
      .get('INSERT INTO jobs (job_id, parent_id, job_type, status, entities, begin_time, internal) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, job.parentId ?? null, job.jobType, 'INIT', JSON.stringify(job.entities), jobTime(this.clock.now()), JSON.stringify(job.internal ?? {}));
    return id;
  }

  get(jobId: string): JobRow | undefined {
    return this.s.get('SELECT * FROM jobs WHERE job_id = ?').get(jobId) as JobRow | undefined;
  }

  children(parentId: string): JobRow[] {
    return this.s.get('SELECT * FROM jobs WHERE parent_id = ? ORDER BY seq').all(parentId) as JobRow[];
  }

  internal<T>(row: JobRow): T {
    return JSON.parse(row.internal) as T;
  }

  update(jobId: string, patch: JobPatch, at = this.clock.now()): void {
    const row = this.get(jobId);
    if (!row) throw new Error(`job ${jobId} vanished`);
    const status = patch.status ?? row.status;
    const finished = status === 'SUCCESS' || status === 'FAIL';
    this.s
      .get('UPDATE jobs SET status = ?, entities = ?, internal = ?, end_time = ?, error_code = ?, fail_reason = ? WHERE job_id = ?')
      .run(
        status,
        patch.entities ? JSON.stringify(patch.entities) : row.entities,
        patch.internal ? JSON.stringify(patch.internal) : row.internal,
        finished && row.end_time === '' ? jobTime(at) : row.end_time,
        patch.errorCode ?? row.error_code,
        patch.failReason ?? row.fail_reason,
        jobId,
      );
  }

  /** The response body of the job query API; a parent job lists its sub-jobs instead of entities. */
  render(row: JobRow): Record<string, unknown> {
    const subs = row.parent_id === null ? this.children(row.job_id) : [];
    const entities = subs.length > 0 ? { sub_jobs: subs.map((s) => renderOne(s, JSON.parse(s.entities))) } : JSON.parse(row.entities);
    return renderOne(row, entities);
  }
}

function renderOne(row: JobRow, entities: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {
    status: row.status,
    entities,
    job_id: row.job_id,
    job_type: row.job_type,
    begin_time: row.begin_time,
    end_time: row.end_time,
  };
  // The seed's example leaves these out while a job has not failed.
  if (row.error_code !== null) out.error_code = row.error_code;
  if (row.fail_reason !== null) out.fail_reason = row.fail_reason;
  return out;
}
