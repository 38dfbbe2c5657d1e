import type { TransitionContext } from '../../../clock/scheduler.ts';
import type { Failure } from '../../evs/model/volume-ops.ts';
import { ECS_DURATION, novaTime, type Ecs } from './ecs.ts';
import type { Nic, ServerRow, VmState } from './rows.ts';
import { POWER } from './state.ts';
import { finishCreateServer, finishDeleteServer, provisionDisks } from './lifecycle.ts';
import { finishAttach, finishDetach } from './disks.ts';
import { releasePort } from '../../vpc/ports.ts';

export type OpName =
  | 'create' | 'delete' | 'start' | 'stop' | 'hardStop' | 'reboot' | 'hardReboot' | 'resize' | 'novaResize' | 'revertResize' | 'rebuild' | 'migrate' | 'attach' | 'detach';

/** Operation arguments carried by the job until the operation ends. */
export interface OpArgs {
  flavorId?: string;
  imageId?: string;
  volumeId?: string;
  device?: string;
  deleteVolume?: boolean;
  /** `delete_publicip`; absent, each EIP's own `delete_on_termination` decides. */
  deletePublicIp?: boolean;
  keyName?: string | null;
  userData?: string | null;
  /** Target host of a cold migration. */
  host?: string;
  /** Disks made for a server being created, system disk first. */
  disks?: string[];
  /** Of those, the disks that existed before the create (kept when it fails). */
  existing?: string[];
}

interface OpDef {
  /** Transitional task states in order; the first is set when the request is accepted. */
  steps: readonly (string | null)[];
  stepMs: number;
  /** The end of the operation; returns the failure when it could not be applied. */
  finish(ecs: Ecs, s: ServerRow, args: OpArgs, at: number): void;
}

const setVm = (vm: VmState, power: number, extra: Partial<ServerRow> = {}) => (ecs: Ecs, s: ServerRow, _a: OpArgs, at: number) =>
  ecs.update(s.id, { vm_state: vm, task_state: null, power_state: power, ...extra }, at);

/** The transition model of spec/ecs.md §3.6, one entry per operation. */
const OPS: Record<OpName, OpDef> = {
  create: { steps: ['scheduling', 'block_device_mapping', 'networking', 'spawning'], stepMs: ECS_DURATION.createStep, finish: finishCreateServer },
  delete: { steps: ['deleting'], stepMs: ECS_DURATION.delete, finish: finishDeleteServer },
  stop: { steps: ['powering-off'], stepMs: ECS_DURATION.stop, finish: setVm('stopped', POWER.shutdown) },
  // A HARD stop powers off without waiting for the guest to shut down.
  hardStop: { steps: ['powering-off'], stepMs: ECS_DURATION.hardStop, finish: setVm('stopped', POWER.shutdown) },
  start: { steps: ['powering-on'], stepMs: ECS_DURATION.start, finish: setVm('active', POWER.running) },
  reboot: { steps: ['rebooting', 'reboot_pending', 'reboot_started'], stepMs: ECS_DURATION.rebootStep, finish: setVm('active', POWER.running) },
  hardReboot: {
    steps: ['rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'], stepMs: ECS_DURATION.rebootStep, finish: setVm('active', POWER.running),
  },
  // ECS-native resize (5.2.4) ends stopped with the new flavor; Nova's (6.3.8) waits in VERIFY_RESIZE.
  resize: {
    steps: ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'], stepMs: ECS_DURATION.resizeStep,
    finish: (ecs, s, a, at) => ecs.update(s.id, { task_state: null, flavor_id: a.flavorId ?? s.flavor_id }, at),
  },
  novaResize: {
    steps: ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'], stepMs: ECS_DURATION.resizeStep,
    finish: (ecs, s, a, at) =>
      ecs.update(s.id, { vm_state: 'resized', task_state: null, power_state: POWER.running, old_flavor_id: s.flavor_id, flavor_id: a.flavorId ?? s.flavor_id }, at),
  },
  revertResize: {
    steps: ['resize_reverting'], stepMs: ECS_DURATION.resizeStep,
    finish: (ecs, s, _a, at) => ecs.update(s.id, { vm_state: 'active', task_state: null, flavor_id: s.old_flavor_id ?? s.flavor_id, old_flavor_id: null }, at),
  },
  rebuild: {
    steps: ['rebuilding', 'rebuild_block_device_mapping', 'rebuild_spawning'], stepMs: ECS_DURATION.rebuildStep,
    finish: (ecs, s, a, at) =>
      ecs.update(s.id, {
        task_state: null, vm_state: s.vm_state === 'error' ? 'stopped' : s.vm_state, image_id: a.imageId ?? s.image_id,
        key_name: a.keyName === undefined ? s.key_name : a.keyName, user_data: a.userData === undefined ? s.user_data : a.userData, fault: null,
      }, at),
  },
  // Cold migration (5.2.3) moves a stopped server to another host; it stays stopped.
  migrate: {
    steps: ['migrating'], stepMs: ECS_DURATION.resizeStep * 2,
    finish: (ecs, s, a, at) => ecs.update(s.id, { task_state: null, host: a.host ?? s.host }, at),
  },
  // Disk operations leave the server's state alone (§3.6): steps are null.
  attach: { steps: [null], stepMs: ECS_DURATION.attach, finish: finishAttach },
  detach: { steps: [null], stepMs: ECS_DURATION.detach, finish: finishDetach },
};

interface StepPayload {
  jobId: string;
  i: number;
}

interface JobInternal {
  op: OpName;
  serverId: string;
  args: OpArgs;
  fail?: Failure;
}

/** Job types of the documented create example; the other names are the emulator's own (the seed lists none). */
const JOB_TYPES: Record<OpName, [parent: string, single: string]> = {
  create: ['createServer', 'createSingleServer'],
  delete: ['deleteServer', 'deleteSingleServer'],
  start: ['batchStartServer', 'startServer'],
  stop: ['batchStopServer', 'stopServer'],
  hardStop: ['batchStopServer', 'stopServer'],
  reboot: ['batchRebootServer', 'rebootServer'],
  hardReboot: ['batchRebootServer', 'rebootServer'],
  resize: ['resizeServer', 'resizeServer'],
  novaResize: ['resizeServer', 'resizeServer'],
  revertResize: ['revertResizeServer', 'revertResizeServer'],
  rebuild: ['rebuildServer', 'rebuildServer'],
  migrate: ['migrateServer', 'migrateServer'],
  attach: ['attachVolume', 'attachVolume'],
  detach: ['detachVolume', 'detachVolume'],
};

export const ECS_JOB_TYPES = new Set([...Object.values(JOB_TYPES).flat(), 'changeOS', 'reinstallOS', 'attachNic', 'detachNic']);

/**
 * Starts an operation on each server: one job per server, under a parent job when `batch` (batch
 * APIs and create report sub_jobs). The first task state is visible at once; later steps and the end
 * run on the emulator clock, each step one persisted transition.
 */
export function submit(ecs: Ecs, op: OpName, targets: { server: ServerRow; args?: OpArgs }[], batch: boolean, jobTypeOverride?: string): string {
  const { jobs, scheduler, faults } = ecs.rt;
  const [parentType, singleType] = JOB_TYPES[op];
  const def = OPS[op];
  const parentId = batch ? jobs.create({ jobType: jobTypeOverride ?? parentType, entities: { sub_jobs_total: targets.length } }) : undefined;
  const batchFail = batch ? faults.takeJobFailure(jobTypeOverride ?? parentType) : undefined;
  let lastId = parentId ?? '';
  for (const t of targets) {
    const type = batch ? singleType : (jobTypeOverride ?? singleType);
    const internal: JobInternal = { op, serverId: t.server.id, args: t.args ?? {}, fail: batchFail ?? faults.takeJobFailure(type) };
    const entities: Record<string, unknown> = { server_id: t.server.id };
    if (t.args?.volumeId) entities.volume_id = t.args.volumeId;
    lastId = jobs.create({ jobType: type, parentId, entities, internal: { ...internal } });
    if (def.steps[0] !== null) ecs.update(t.server.id, { task_state: def.steps[0] });
    scheduler.schedule('ecs.step', ECS_DURATION.jobInit, { jobId: lastId, i: 0 } satisfies StepPayload);
  }
  return parentId ?? lastId;
}

export function registerEcsTransitions(ecs: Ecs): void {
  const { scheduler, jobs } = ecs.rt;
  // NIC jobs (5.5.x): the NICs change when the job ends; the job and its sub-jobs end together.
  scheduler.register('ecs.nicjob', (p: { jobId: string }, ctx: TransitionContext) => {
    const job = jobs.get(p.jobId);
    if (!job) return;
    const change = jobs.internal<{ serverId: string; add?: Nic[]; remove?: string[] }>(job);
    const server = ecs.server(change.serverId);
    const fail = server ? undefined : { code: 'Ecs.0114', message: 'The ECS does not exist.' };
    if (server) {
      const before = JSON.parse(server.nics) as Nic[];
      for (const n of before) if (n.external && change.remove?.includes(n.port_id)) releasePort(ecs.vpc, n.port_id);
      const nics = before.filter((n) => !change.remove?.includes(n.port_id)).concat(change.add ?? []);
      ecs.update(server.id, { nics: JSON.stringify(nics) }, ctx.dueAt);
    }
    const outcome = fail ? { status: 'FAIL' as const, errorCode: fail.code, failReason: fail.message } : { status: 'SUCCESS' as const };
    for (const c of jobs.children(p.jobId)) jobs.update(c.job_id, outcome, ctx.dueAt);
    jobs.update(p.jobId, outcome, ctx.dueAt);
  });
  scheduler.register('ecs.step', (p: StepPayload, ctx: TransitionContext) => {
    const job = jobs.get(p.jobId);
    if (!job || job.status === 'SUCCESS' || job.status === 'FAIL') return;
    if (job.status === 'INIT') {
      jobs.update(job.job_id, { status: 'RUNNING' }, ctx.dueAt);
      if (job.parent_id && jobs.get(job.parent_id)?.status === 'INIT') jobs.update(job.parent_id, { status: 'RUNNING' }, ctx.dueAt);
    }
    const internal = jobs.internal<JobInternal>(job);
    const def = OPS[internal.op];
    const server = ecs.server(internal.serverId);
    if (!server) {
      // The server went away meanwhile (a disk job does not hold it busy): undo the disk side.
      failDiskOp(ecs, internal);
      return end(ecs, job.job_id, job.parent_id, { code: 'Ecs.0114', message: 'The ECS does not exist.' }, ctx.dueAt);
    }
    if (internal.op === 'create' && p.i === 2 && !internal.fail) provisionDisks(ecs, server, internal.args.disks ?? [], ctx.dueAt);
    if (p.i === 0) {
      // The job starts; the first task state has been showing since the request was accepted.
      ctx.schedule('ecs.step', def.stepMs, { jobId: p.jobId, i: 1 } satisfies StepPayload);
      return;
    }
    if (p.i < def.steps.length) {
      ecs.update(server.id, { task_state: def.steps[p.i] ?? null }, ctx.dueAt);
      ctx.schedule('ecs.step', def.stepMs, { jobId: p.jobId, i: p.i + 1 } satisfies StepPayload);
      return;
    }
    if (internal.fail) {
      if (internal.op === 'create') {
        ecs.update(server.id, { vm_state: 'error', task_state: null, fault: JSON.stringify({ code: 500, message: internal.fail.message, created: novaTime(ctx.dueAt) }) }, ctx.dueAt);
      } else if (def.steps[0] !== null) {
        ecs.update(server.id, { task_state: null }, ctx.dueAt);
      }
      failDiskOp(ecs, internal);
    } else {
      def.finish(ecs, server, internal.args, ctx.dueAt);
    }
    end(ecs, job.job_id, job.parent_id, internal.fail, ctx.dueAt);
  });
}

/** A failed attach or detach puts the disk back where it was; a failed create rolls its disks back. */
function failDiskOp(ecs: Ecs, internal: JobInternal): void {
  if (internal.op === 'create') {
    const existing = new Set(internal.args.existing ?? []);
    for (const d of internal.args.disks ?? []) {
      if (ecs.evs.store.volume(d)?.attach_count !== 0) continue;
      if (existing.has(d)) ecs.evs.store.updateVolume(d, { status: 'available' }, ecs.evs.stamp());
      else ecs.evs.store.deleteVolume(d);
    }
    return;
  }
  const id = internal.args.volumeId;
  if (!id || (internal.op !== 'attach' && internal.op !== 'detach')) return;
  const v = ecs.evs.store.volume(id);
  if (v) ecs.evs.store.updateVolume(id, { status: v.attach_count > 0 ? 'in-use' : 'available' }, ecs.evs.stamp());
}

function end(ecs: Ecs, jobId: string, parentId: string | null, fail: Failure | undefined, at: number): void {
  const { jobs } = ecs.rt;
  jobs.update(jobId, fail ? { status: 'FAIL', errorCode: fail.code, failReason: fail.message } : { status: 'SUCCESS' }, at);
  if (!parentId) return;
  const children = jobs.children(parentId);
  if (children.some((c) => c.status !== 'SUCCESS' && c.status !== 'FAIL')) return;
  const failed = children.find((c) => c.status === 'FAIL');
  jobs.update(parentId, failed ? { status: 'FAIL', errorCode: failed.error_code ?? 'Common.0021', failReason: failed.fail_reason ?? 'Subjob fails.' } : { status: 'SUCCESS' }, at);
}

/** The job query response (5.8.1): sub_jobs and their total for a parent job. */
export function renderJob(ecs: Ecs, jobId: string): Record<string, unknown> | undefined {
  const { jobs } = ecs.rt;
  const row = jobs.get(jobId);
  if (!row || !ECS_JOB_TYPES.has(row.job_type)) return undefined;
  const one = (r: typeof row, entities: unknown) => ({
    status: r.status,
    entities,
    job_id: r.job_id,
    job_type: r.job_type,
    begin_time: r.begin_time,
    end_time: r.end_time === '' ? null : r.end_time,
    error_code: r.error_code,
    fail_reason: r.fail_reason,
  });
  if (row.parent_id !== null) return one(row, JSON.parse(row.entities));
  const subs = jobs.children(row.job_id);
  if (subs.length === 0) return one(row, JSON.parse(row.entities));
  return one(row, { sub_jobs_total: subs.length, sub_jobs: subs.map((s) => one(s, JSON.parse(s.entities))) });
}
