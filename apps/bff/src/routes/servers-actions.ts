import { Router, type Request } from 'express';
import {
  ResizeServerSchema, ServerBatchActionSchema, ServerBatchDeleteSchema, ServerRefusalCodes, whyNotConfirmResize, whyNotDeleteServer,
  whyNotRebootServer, whyNotResizeServer, whyNotStartServer, whyNotStopServer,
  type Refusal, type Server, type ServerTaskResponse, type TaskKind,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { NewSubtask } from '../tasks/service.ts';
import type { Tracking } from '../tasks/types.ts';
import { announce, doneTask, evsCall as cloudCall, fieldError, pathId, refused, refusedItem, startTask, taskErrorOf, type EvsCall, upstreamOf } from './evs-tasks.ts';
import { checkFlavor, ecsJob, mapLimit, readServer, serverRef, subJobsByServer, trackingFor, type FlavorCache } from './ecs-lookup.ts';

/** The server's status tells the outcome of the Nova actions, which give no job. */
const byStatus = (s: Server, success: string[], failure: string[]): Tracking => ({ mode: 'resource', service: 'ecs', resource: serverRef(s), success, failure });

/** Each server read first, so that every item the cloud would refuse fails alone with its reason. */
async function readItems(call: EvsCall, ids: string[]): Promise<(Server | Refusal)[]> {
  return mapLimit(ids, 8, async (id) => {
    try {
      return await readServer(call.clients, id);
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) return { code: ServerRefusalCodes.notFound, message: `No server ${id} in this project` };
      throw err;
    }
  });
}

const isServer = (x: Server | Refusal): x is Server => 'id' in x;

/**
 * One batch job for the servers that may take the operation, a refused subtask for each other one.
 * A refusal of the whole call by the cloud fails every item that was sent, with the cloud's words.
 */
async function batchJobSubtasks(
  call: EvsCall,
  ids: string[],
  whyNot: (s: Server) => Refusal | undefined,
  send: (ids: string[]) => Promise<{ data: { job_id: string }; requestId?: string | undefined }>,
  /** The task state the cloud sets on acceptance, told to every watching browser at once. */
  taskState: string,
  ctx: ConsoleContext,
): Promise<{ subtasks: NewSubtask[]; jobId?: string; requestId?: string }> {
  const items = await readItems(call, ids);
  const eligible = items.filter(isServer).filter((s) => !whyNot(s)).map((s) => s.id);
  let jobId: string | undefined;
  let requestId: string | undefined;
  let failure: NewSubtask['error'];
  let subJobs = new Map<string, string>();
  if (eligible.length) {
    try {
      const r = await send(eligible);
      jobId = r.data.job_id;
      requestId = r.requestId;
      subJobs = await subJobsByServer(call.clients, jobId);
      for (const item of items) if (isServer(item) && eligible.includes(item.id)) announce(ctx, call, serverRef(item), taskState);
    } catch (err) {
      failure = taskErrorOf(err);
    }
  }
  const subtasks = items.map((item, i): NewSubtask => {
    if (!isServer(item)) return refusedItem({ type: 'server', id: ids[i]! }, item);
    const ref = serverRef(item);
    const refusal = whyNot(item);
    if (refusal) return refusedItem(ref, refusal);
    if (failure || !jobId) return { target: ref, tracking: { mode: 'done' }, ...(failure ? { error: failure } : {}) };
    return { target: ref, tracking: trackingFor(jobId, subJobs, item.id) };
  });
  return { subtasks, ...(jobId ? { jobId } : {}), ...(requestId ? { requestId } : {}) };
}

/** Operations on existing servers. Each checks first what the cloud would refuse, to say why in words. */
export function serverActionRoutes(ctx: ConsoleContext, flavors: FlavorCache): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.post('/servers/batch-action', operator, async (req, res) => {
    describeAudit(res, 'server.batch-action');
    const input = parseWith(ServerBatchActionSchema, req.body);
    describeAudit(res, `server.${input.action}`, input.ids.join(','));
    const call = cloudCall(ctx, req);
    const { ecs } = call.clients;
    const [whyNot, send, taskState] =
      input.action === 'start' ? [whyNotStartServer, (ids: string[]) => ecs.batchStartServers(ids), 'powering-on']
      : input.action === 'stop' ? [whyNotStopServer, (ids: string[]) => ecs.batchStopServers(ids, input.type), 'powering-off']
      : [whyNotRebootServer, (ids: string[]) => ecs.batchRebootServers(ids, input.type ?? 'SOFT'), input.type === 'HARD' ? 'rebooting_hard' : 'rebooting'];
    const { subtasks, jobId, requestId } = await batchJobSubtasks(call, input.ids, whyNot, send, taskState, ctx);
    const task = startTask(ctx, call, { kind: `server.${input.action}`, targets: subtasks.map((s) => s.target!), subtasks, upstream: upstreamOf('ecs', requestId, jobId) });
    res.status(202).json({ task } satisfies ServerTaskResponse);
  });

  router.post('/servers/batch-delete', operator, async (req, res) => {
    describeAudit(res, 'server.batch-delete');
    const input = parseWith(ServerBatchDeleteSchema, req.body);
    describeAudit(res, 'server.delete', input.ids.join(','));
    const call = cloudCall(ctx, req);
    const send = (ids: string[]) =>
      call.clients.ecs.deleteServers({ servers: ids.map((id) => ({ id })), delete_volume: input.deleteVolumes, delete_publicip: input.deletePublicIp });
    const { subtasks, jobId, requestId } = await batchJobSubtasks(call, input.ids, whyNotDeleteServer, send, 'deleting', ctx);
    const task = startTask(ctx, call, { kind: 'server.delete', targets: subtasks.map((s) => s.target!), subtasks, upstream: upstreamOf('ecs', requestId, jobId) });
    res.status(202).json({ task } satisfies ServerTaskResponse);
  });

  router.post('/servers/:id/resize', operator, async (req, res) => {
    const id = pathId(req, 'server');
    describeAudit(res, 'server.resize', id);
    const { flavorId } = parseWith(ResizeServerSchema, req.body);
    const call = cloudCall(ctx, req);
    const server = await readServer(call.clients, id);
    const refusal = whyNotResizeServer(server);
    if (refusal) throw refused(refusal);
    if (flavorId === server.flavor.id) throw fieldError('flavorId', `${server.name} already has ${flavorId}; choose another flavor`);
    checkFlavor((await flavors.get(call.clients, call.profile.id)).get(flavorId), server.availabilityZone);
    const ref = serverRef(server);
    // A stopped server takes the ECS job and stays stopped; a running one goes through Nova's resize,
    // which restarts it and waits in VERIFY_RESIZE (back to ACTIVE unchanged means it rolled back).
    let tracking: Tracking;
    let r: { requestId?: string | undefined; data?: { job_id: string } | undefined };
    if (server.status === 'SHUTOFF') {
      r = await call.clients.ecs.resizeServer(id, { resize: { flavorRef: flavorId } });
      tracking = ecsJob(r.data!.job_id);
    } else {
      r = await call.clients.ecs.novaResizeServer(id, flavorId);
      tracking = byStatus(server, ['VERIFY_RESIZE'], ['ERROR', 'ACTIVE']);
    }
    const task = startTask(ctx, call, { kind: 'server.resize', targets: [ref], subtasks: [{ target: ref, tracking }], upstream: upstreamOf('ecs', r.requestId, r.data?.job_id) });
    res.status(202).json({ task } satisfies ServerTaskResponse);
  });

  const resizeEnd = (path: string, kind: TaskKind, act: (c: EvsCall, id: string) => Promise<{ requestId?: string | undefined }>, success: string[], failure: string[]) =>
    router.post(path, operator, async (req: Request, res) => {
      const id = pathId(req, 'server');
      describeAudit(res, kind, id);
      const call = cloudCall(ctx, req);
      const server = await readServer(call.clients, id);
      const refusal = whyNotConfirmResize(server);
      if (refusal) throw refused(refusal);
      const r = await act(call, id);
      const ref = serverRef(server);
      const task = startTask(ctx, call, { kind, targets: [ref], subtasks: [{ target: ref, tracking: byStatus(server, success, failure) }], upstream: upstreamOf('ecs', r.requestId) });
      res.status(202).json({ task } satisfies ServerTaskResponse);
    });
  resizeEnd('/servers/:id/confirm-resize', 'server.confirm-resize', (c, id) => c.clients.ecs.confirmResizeServer(id), ['ACTIVE', 'SHUTOFF'], ['ERROR']);
  resizeEnd('/servers/:id/revert-resize', 'server.revert-resize', (c, id) => c.clients.ecs.revertResizeServer(id), ['ACTIVE'], ['ERROR', 'VERIFY_RESIZE']);

  for (const lock of [true, false]) {
    router.post(`/servers/:id/${lock ? 'lock' : 'unlock'}`, operator, async (req, res) => {
      const id = pathId(req, 'server');
      const kind = lock ? 'server.lock' : 'server.unlock';
      describeAudit(res, kind, id);
      const call = cloudCall(ctx, req);
      const server = await readServer(call.clients, id);
      // Locking is a state, not an operation: a busy server takes it, and the cloud says when not.
      const r = await (lock ? call.clients.ecs.lockServer(id) : call.clients.ecs.unlockServer(id));
      const ref = serverRef(server);
      const task = doneTask(ctx, call, kind, ref, upstreamOf('ecs', r.requestId));
      announce(ctx, call, ref, server.status);
      res.status(202).json({ task, server: { ...server, locked: lock } } satisfies ServerTaskResponse);
    });
  }

  return router;
}
