import { Router } from 'express';
import type { CloudClients } from '@console/cloud';
import {
  CreateVbsBackupSchema, CreateVbsPolicySchema, ErrorCodes, RestoreVbsBackupSchema, UpdateVbsPolicySchema, VBS_RESERVED_NAME, vbsRenameRefused, VbsBackupListQuerySchema, VbsPolicyDisksSchema,
  type ResourceRef, type VbsBackupPage, type VbsPolicy, type VbsTaskResponse,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { NewSubtask } from '../tasks/service.ts';
import { disksByIds, readDisk, rethrowNotFound } from './evs-lookup.ts';
import { doneTask, evsCall, fieldError, pathId, refused, startTask, upstreamOf } from './evs-tasks.ts';
import { createPolicyRequest, toVbsBackup, toVbsPolicy, updatePolicyRequest } from './vbs-map.ts';

const vbsJob = (jobId: string) => ({ mode: 'job' as const, service: 'vbs' as const, jobId });
const backupRef = (id: string, name?: string): ResourceRef => ({ type: 'backup', id, ...(name ? { name } : {}) });

/** There is no "show one policy" in VBS: list and pick. */
async function readVbsPolicy(clients: CloudClients, id: string): Promise<VbsPolicy> {
  const found = ((await clients.vbs.listBackupPolicies()).data.backup_policies ?? []).find((p) => p.backup_policy_id === id);
  if (!found) throw new HttpError(404, ErrorCodes.notFound, `No VBS policy ${id} in this project`);
  return toVbsPolicy(found);
}

async function diskFor(clients: CloudClients, id: string) {
  return readDisk(clients, id).catch((err: unknown) => {
    throw err instanceof HttpError && err.status === 404 ? fieldError('diskId', 'no such disk in this project') : err;
  });
}

/** The older VBS service: disk backups with jobs, and policies whose disk bindings succeed one by one. */
export function vbsRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.get('/vbs/backups', async (req, res) => {
    const q = parseWith(VbsBackupListQuerySchema, req.query);
    const { clients } = evsCall(ctx, req);
    // One more than asked tells whether another page exists: the list has no count.
    const r = await clients.vbs.listBackups({
      limit: q.limit + 1,
      ...(q.offset ? { offset: q.offset } : {}),
      ...(q.diskId ? { volume_id: q.diskId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.name ? { name: q.name } : {}),
    });
    const all = r.data.backups ?? [];
    const page = all.slice(0, q.limit);
    const disks = page.length ? await disksByIds(clients, page.map((b) => b.volume_id)) : new Map();
    res.json({ items: page.map((b) => toVbsBackup(b, disks.get(b.volume_id)?.name)), hasMore: all.length > q.limit } satisfies VbsBackupPage);
  });

  router.post('/vbs/backups', operator, async (req, res) => {
    describeAudit(res, 'vbs.backup.create');
    const input = parseWith(CreateVbsBackupSchema, req.body);
    const call = evsCall(ctx, req);
    const disk = await diskFor(call.clients, input.diskId);
    // VolumeBackup.0012: only a disk at rest is backed up.
    if (disk.status !== 'available' && disk.status !== 'in-use') throw refused({ code: 'DISK_STATUS', message: `The disk is ${disk.status}; a backup needs it available or in-use` });
    const r = await call.clients.vbs.createBackup({ backup: { volume_id: disk.id, name: input.name, ...(input.description !== undefined ? { description: input.description } : {}) } });
    const ref: ResourceRef = { type: 'disk', id: disk.id, ...(disk.name ? { name: disk.name } : {}) };
    const task = startTask(ctx, call, { kind: 'vbs.backup.create', targets: [ref], subtasks: [{ target: ref, tracking: vbsJob(r.data.job_id) }], upstream: upstreamOf('vbs', r.requestId, r.data.job_id) });
    res.status(202).json({ task } satisfies VbsTaskResponse);
  });

  router.post('/vbs/backups/:id/restore', operator, async (req, res) => {
    const id = pathId(req, 'backup');
    describeAudit(res, 'vbs.backup.restore', id);
    const { diskId } = parseWith(RestoreVbsBackupSchema, req.body);
    const call = evsCall(ctx, req);
    const backup = (await call.clients.vbs.showBackup(id).catch((err: unknown) => rethrowNotFound(err, `VBS backup ${id}`))).data.backup;
    if (backup.status !== 'available') throw refused({ code: 'BACKUP_STATUS', message: `The backup is ${backup.status}; only an available backup can be restored` });
    const disk = await diskFor(call.clients, diskId);
    // VolumeBackup.0205/0209: the target disk is detached and large enough.
    if (disk.status !== 'available') throw refused({ code: 'RESTORE_TARGET', message: `${disk.name || disk.id} is ${disk.status}; detach it first, a VBS restore needs it available` });
    if (disk.sizeGiB < backup.size) throw refused({ code: 'RESTORE_TARGET', message: `${disk.name || disk.id} has ${disk.sizeGiB} GiB, the backup needs ${backup.size} GiB` });
    const r = await call.clients.vbs.restoreBackup(id, { restore: { volume_id: disk.id } });
    const ref: ResourceRef = { type: 'disk', id: disk.id, ...(disk.name ? { name: disk.name } : {}) };
    const task = startTask(ctx, call, {
      kind: 'vbs.backup.restore',
      targets: [backupRef(id, backup.name), ref],
      subtasks: [{ target: ref, tracking: vbsJob(r.data.job_id) }],
      upstream: upstreamOf('vbs', r.requestId, r.data.job_id),
    });
    res.status(202).json({ task } satisfies VbsTaskResponse);
  });

  router.delete('/vbs/backups/:id', operator, async (req, res) => {
    const id = pathId(req, 'backup');
    describeAudit(res, 'vbs.backup.delete', id);
    const call = evsCall(ctx, req);
    const backup = (await call.clients.vbs.showBackup(id).catch((err: unknown) => rethrowNotFound(err, `VBS backup ${id}`))).data.backup;
    if (backup.status !== 'available' && backup.status !== 'error') throw refused({ code: 'BACKUP_STATUS', message: `The backup is ${backup.status}; it can be deleted when available or failed` });
    const r = await call.clients.vbs.deleteBackup(id);
    const ref = backupRef(id, backup.name);
    // 202 without a job id: the backup is deleting until it is gone.
    const tracking = { mode: 'resource' as const, service: 'vbs', resource: ref, success: [], failure: ['error_deleting'], goneMeansSuccess: true };
    const task = startTask(ctx, call, { kind: 'vbs.backup.delete', targets: [ref], subtasks: [{ target: ref, tracking }], upstream: upstreamOf('vbs', r.requestId) });
    res.status(202).json({ task } satisfies VbsTaskResponse);
  });

  router.use(vbsPolicyRoutes(ctx));
  return router;
}

function vbsPolicyRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');
  const policyRef = (p: Pick<VbsPolicy, 'id' | 'name'>): ResourceRef => ({ type: 'policy', id: p.id, ...(p.name ? { name: p.name } : {}) });

  router.get('/vbs/policies', async (req, res) => {
    const r = await evsCall(ctx, req).clients.vbs.listBackupPolicies();
    res.json({ items: (r.data.backup_policies ?? []).map(toVbsPolicy) });
  });

  router.post('/vbs/policies', operator, async (req, res) => {
    describeAudit(res, 'vbs.policy.create');
    const input = parseWith(CreateVbsPolicySchema, req.body);
    const call = evsCall(ctx, req);
    const r = await call.clients.vbs.createBackupPolicy(createPolicyRequest(input));
    const policy = await readVbsPolicy(call.clients, r.data.backup_policy_id);
    describeAudit(res, 'vbs.policy.create', policy.id);
    const ref = policyRef(policy);
    const task = doneTask(ctx, call, 'vbs.policy.create', ref, upstreamOf('vbs', r.requestId));
    res.status(201).json({ task, policy } satisfies VbsTaskResponse);
  });

  router.patch('/vbs/policies/:id', operator, async (req, res) => {
    const id = pathId(req, 'policy');
    describeAudit(res, 'vbs.policy.update', id);
    const { name, ...rest } = parseWith(UpdateVbsPolicySchema, req.body);
    const call = evsCall(ctx, req);
    const current = await readVbsPolicy(call.clients, id);
    if (vbsRenameRefused(current.name, name)) throw fieldError('name', VBS_RESERVED_NAME);
    // Sending the unchanged name would be a rename, and the cloud refuses "default…" renames.
    const change = updatePolicyRequest(name === current.name ? rest : { name, ...rest });
    const r = Object.keys(change).length ? await call.clients.vbs.updateBackupPolicy(id, change) : { requestId: undefined };
    const policy = await readVbsPolicy(call.clients, id);
    const ref = policyRef(policy);
    const task = doneTask(ctx, call, 'vbs.policy.update', ref, upstreamOf('vbs', r.requestId));
    res.json({ task, policy } satisfies VbsTaskResponse);
  });

  router.delete('/vbs/policies/:id', operator, async (req, res) => {
    const id = pathId(req, 'policy');
    describeAudit(res, 'vbs.policy.delete', id);
    const call = evsCall(ctx, req);
    const policy = await readVbsPolicy(call.clients, id);
    const r = await call.clients.vbs.deleteBackupPolicy(id);
    const ref = policyRef(policy);
    const task = doneTask(ctx, call, 'vbs.policy.delete', ref, upstreamOf('vbs', r.requestId));
    res.json({ task } satisfies VbsTaskResponse);
  });

  for (const action of ['bind', 'unbind'] as const) {
    router.post(`/vbs/policies/:id/${action}`, operator, async (req, res) => {
      const id = pathId(req, 'policy');
      describeAudit(res, `vbs.policy.${action}`, id);
      const { diskIds } = parseWith(VbsPolicyDisksSchema, req.body);
      const call = evsCall(ctx, req);
      const policy = await readVbsPolicy(call.clients, id);
      const r = action === 'bind'
        ? await call.clients.vbs.bindResources({ backup_policy_id: id, resources: diskIds.map((d) => ({ resource_id: d, resource_type: 'volume' })) })
        : await call.clients.vbs.unbindResources(id, diskIds);
      // Partial failure comes inside the 200: each disk becomes a subtask that succeeded or failed.
      const failed = new Set((r.data.fail_resources ?? []).map((f) => f.resource_id));
      const names = await disksByIds(call.clients, diskIds);
      const subtasks: NewSubtask[] = diskIds.map((d) => {
        const name = names.get(d)?.name;
        const target: ResourceRef = { type: 'disk', id: d, ...(name ? { name } : {}) };
        if (!failed.has(d)) return { target, tracking: { mode: 'done' } };
        const why = !names.has(d) ? 'the disk does not exist'
          : action === 'bind' ? 'VBS refused the disk: it is bound to another policy, in a bad status, or of a kind VBS cannot back up'
          : 'the disk is not bound to this policy';
        return { target, tracking: { mode: 'done' }, error: { code: action === 'bind' ? 'VBS_BIND_FAILED' : 'VBS_UNBIND_FAILED', message: `${name || d}: ${why}`, service: 'vbs' } };
      });
      const task = startTask(ctx, call, { kind: `vbs.policy.${action}`, targets: [policyRef(policy), ...subtasks.map((s) => s.target!)], subtasks, upstream: upstreamOf('vbs', r.requestId) });
      res.json({ task, policy: await readVbsPolicy(call.clients, id) } satisfies VbsTaskResponse);
    });
  }

  return router;
}
