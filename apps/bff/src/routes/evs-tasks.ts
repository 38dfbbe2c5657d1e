import type { Request } from 'express';
import { isCloudError, type CloudClients } from '@console/cloud';
import { ErrorCodes, ResourceIdSchema, type FieldIssue, type Refusal, type ResourceRef, type Task, type TaskError } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import type { CloudProfile } from '../profiles/types.ts';
import { HttpError } from '../http/errors.ts';
import { currentUser } from '../auth/middleware.ts';
import type { NewSubtask, NewTask } from '../tasks/service.ts';
import type { Tracking } from '../tasks/types.ts';

/** Who acts, on which cloud profile, with which clients: what every EVS route needs first. */
export interface EvsCall {
  clients: CloudClients;
  profile: CloudProfile;
  username: string;
}

export function evsCall(ctx: ConsoleContext, req: Request): EvsCall {
  const { clients, profile } = ctx.cloud.forRequest(req);
  return { clients, profile, username: currentUser(req).username };
}

export function startTask(ctx: ConsoleContext, call: EvsCall, task: Omit<NewTask, 'profileId' | 'username'>): Task {
  return ctx.tasks.start({ ...task, profileId: call.profile.id, username: call.username });
}

type Upstream = NonNullable<Task['upstream']>;

/** Where an operation went upstream, as its task records it. */
export const upstreamOf = (service: Upstream['service'], requestId: string | undefined, jobId?: string): Upstream => ({
  service,
  ...(jobId ? { jobId } : {}),
  ...(requestId ? { requestId } : {}),
});

/** An operation the cloud completed in its answer: a task on one resource, done at once. */
export function doneTask(ctx: ConsoleContext, call: EvsCall, kind: NewTask['kind'], ref: ResourceRef, upstream: Upstream, also: ResourceRef[] = []): Task {
  return startTask(ctx, call, { kind, targets: [ref, ...also], subtasks: [{ target: ref, tracking: { mode: 'done' } }], upstream });
}

export const evsJob = (jobId: string): Tracking => ({ mode: 'job', service: 'evs', jobId });

/**
 * Disk operations answer with a job for pay-per-use disks and an order for yearly/monthly ones;
 * without a job the disk's own status tells the outcome.
 */
export function jobOrDiskStatus(jobId: string | undefined, disk: ResourceRef, success: string[], failure: string[]): Tracking {
  return jobId ? evsJob(jobId) : { mode: 'resource', service: 'evs', resource: disk, success, failure };
}

/** A failed upstream call as a subtask's error; anything that is not a cloud failure is a bug and propagates. */
export function taskErrorOf(err: unknown): TaskError {
  if (!isCloudError(err)) throw err;
  return { code: err.code, message: err.message, service: err.service, ...(err.requestId ? { requestId: err.requestId } : {}) };
}

export function refused(r: Refusal, status = 409): HttpError {
  return new HttpError(status, r.code, r.message);
}

/** A request the contract's schema accepted but that does not fit the resource it names. */
export function fieldErrors(issues: FieldIssue[]): HttpError {
  return new HttpError(400, ErrorCodes.validation, `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export const fieldError = (path: string, message: string): HttpError => fieldErrors([{ path, message }]);

/** A path id that cannot be a cloud id names nothing. */
export function pathId(req: Request, what: string): string {
  const id = String(req.params.id);
  if (!ResourceIdSchema.safeParse(id).success) throw new HttpError(404, ErrorCodes.notFound, `No ${what} "${id}"`);
  return id;
}

/** A change that finished with the upstream call: browsers watching lists learn of it at once. */
export function announce(ctx: ConsoleContext, call: EvsCall, resource: ResourceRef, status: string): void {
  ctx.bus.publish(call.profile.id, { type: 'resource', resource, status });
}

/** One subtask per item of a batch, in the order given, at most `limit` upstream calls at a time. */
export async function batchSubtasks<T>(items: T[], limit: number, each: (item: T) => Promise<NewSubtask>): Promise<NewSubtask[]> {
  const out: NewSubtask[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await each(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A batch item refused before any upstream change: a failed subtask that is never polled. */
export function refusedItem(target: ResourceRef, r: Refusal): NewSubtask {
  return { target, tracking: { mode: 'done' }, error: { code: r.code, message: r.message } };
}
