import type { ResourceRef, Task, TaskError } from '@console/contract';
import type { CloudProfile } from '../profiles/types.ts';

/**
 * How the tracker learns the outcome of one subtask: the upstream job where the API gives one,
 * otherwise the resource's own status (snapshots, Cinder calls, CBR checkpoints and restores).
 */
export type Tracking =
  | { mode: 'job'; service: 'evs' | 'ecs' | 'vbs'; jobId: string }
  | {
      mode: 'resource';
      service: string;
      resource: ResourceRef;
      /** statuses that mean done */
      success: string[];
      /** statuses that mean the operation failed */
      failure: string[];
      /** deleting: a 404 means done */
      goneMeansSuccess?: boolean;
      /**
       * Where the cloud says why, when the status only says that it failed: a CBR restore's
       * operation log carries the error code and message that the disk's error_restoring lacks.
       */
      explain?: { service: 'cbr'; operation: 'restore'; backupId: string };
    }
  /** Finished when the upstream call answered (synchronous APIs). */
  | { mode: 'done' };

export interface PollState {
  tracking: Tracking;
  nextPollAt: number;
  intervalMs: number;
  polls: number;
}

export type ProbeResult =
  | { state: 'running'; progress?: number; /** upstream resource status seen, if any */ status?: string }
  | { state: 'succeeded'; status?: string; /** resources the job created or touched */ entities?: ResourceRef[] }
  | { state: 'failed'; error: TaskError; status?: string };

/** Asks the cloud once about one subtask. Throwing means "could not tell"; the tracker retries. */
export type Probe = (profile: CloudProfile, tracking: Tracking, task: { id: string; username: string }) => Promise<ProbeResult>;

export interface StoredTask {
  task: Task;
  /** keyed by subtask id */
  polls: Record<string, PollState>;
}
