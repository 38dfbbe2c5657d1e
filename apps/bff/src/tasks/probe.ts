import { isCloudError, normalizeJob, type CloudClients } from '@console/cloud';
import type { CloudAccess } from '../cloud/access.ts';
import type { ResourceRef, TaskError } from '@console/contract';
import type { Probe, ProbeResult, Tracking } from './types.ts';

/** Reads a resource's current status; answers undefined when it no longer exists. */
type StatusReader = (clients: CloudClients, id: string) => Promise<string | undefined>;

const notFound = (err: unknown) => isCloudError(err) && err.httpStatus === 404;

async function orGone(read: () => Promise<string>): Promise<string | undefined> {
  try {
    return await read();
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}

const statusReaders: Partial<Record<ResourceRef['type'], StatusReader>> = {
  disk: (c, id) => orGone(async () => (await c.evs.showDisk(id)).data.volume.status),
  snapshot: (c, id) => orGone(async () => (await c.evs.showSnapshot(id)).data.snapshot.status),
  // While an operation runs the status can stay put (ACTIVE while powering-off): the task state says more.
  server: (c, id) => orGone(async () => {
    const s = (await c.ecs.showServer(id)).data.server;
    return s['OS-EXT-STS:task_state'] || s.status;
  }),
};

/**
 * Readers of one service, tried first: a CBR backup and a VBS backup are both a "backup". CBR
 * checkpoints (backup now) are followed through their backups, vault deletion through the vault.
 */
const serviceReaders: Record<string, Partial<Record<ResourceRef['type'], StatusReader>>> = {
  cbr: {
    backup: (c, id) => orGone(async () => (await c.cbr.showBackup(id)).data.backup.status),
    vault: (c, id) => orGone(async () => (await c.cbr.showVault(id)).data.vault.billing.status),
  },
  vbs: {
    backup: (c, id) => orGone(async () => (await c.vbs.showBackup(id)).data.backup.status),
  },
};

// Keys of job entities that name a resource the job created or changed.
const entityKeys: Record<string, ResourceRef['type']> = { volume_id: 'disk', server_id: 'server', snapshot_id: 'snapshot', backup_id: 'backup' };

function entitiesOf(entities: Record<string, unknown>): ResourceRef[] {
  const refs: ResourceRef[] = [];
  for (const [key, type] of Object.entries(entityKeys)) {
    const v = entities[key];
    if (typeof v === 'string' && v) refs.push({ type, id: v });
  }
  return refs;
}

async function probeJob(clients: CloudClients, t: Extract<Tracking, { mode: 'job' }>): Promise<ProbeResult> {
  const res = await clients[t.service].showJob(t.jobId);
  const job = normalizeJob(res.data);
  const entities = [job.entities, ...job.subJobs.map((s) => s.entities)].flatMap(entitiesOf);
  if (job.status === 'SUCCESS') return { state: 'succeeded', entities };
  if (job.status === 'FAIL') {
    const error: TaskError = {
      code: job.errorCode ?? 'JOB_FAILED',
      message: job.failReason ?? `The ${t.service.toUpperCase()} job ${t.jobId} failed without a reason`,
      service: t.service,
      ...(res.requestId ? { requestId: res.requestId } : {}),
    };
    return { state: 'failed', error };
  }
  const total = job.subJobsTotal;
  const done = job.subJobs.filter((s) => s.status === 'SUCCESS' || s.status === 'FAIL').length;
  return { state: 'running', progress: total > 0 ? Math.round((done / total) * 100) : job.status === 'INIT' ? 5 : 50 };
}

/**
 * The newest failed operation log of that kind for that backup, as the task's error. Only read
 * once the resource has failed; without such a log the status alone has to do.
 */
async function explainFailure(clients: CloudClients, e: NonNullable<Extract<Tracking, { mode: 'resource' }>['explain']>): Promise<TaskError | undefined> {
  const r = await clients.cbr.listOperationLogs({ operation_type: e.operation, status: 'failed', limit: 100 });
  const log = (r.data.operation_logs ?? []).find((o) => o.extra_info?.restore?.backup_id === e.backupId);
  const info = log?.error_info;
  if (!log || !info || !(info.code || info.message)) return undefined;
  return { code: info.code || 'OPERATION_FAILED', message: info.message || `The ${e.operation} failed`, service: e.service, ...(r.requestId ? { requestId: r.requestId } : {}) };
}

async function probeResource(clients: CloudClients, t: Extract<Tracking, { mode: 'resource' }>): Promise<ProbeResult> {
  const read = serviceReaders[t.service]?.[t.resource.type] ?? statusReaders[t.resource.type];
  if (!read) {
    return { state: 'failed', error: { code: 'UNTRACKABLE', message: `The console cannot read the status of a ${t.resource.type}` } };
  }
  const status = await read(clients, t.resource.id);
  if (status === undefined) {
    return t.goneMeansSuccess
      ? { state: 'succeeded', status: 'deleted' }
      : { state: 'failed', status: 'deleted', error: { code: 'RESOURCE_GONE', message: `The ${t.resource.type} ${t.resource.id} no longer exists`, service: t.service } };
  }
  if (t.success.includes(status)) return { state: 'succeeded', status };
  if (t.failure.includes(status)) {
    const error = (t.explain && (await explainFailure(clients, t.explain))) || { code: 'RESOURCE_STATUS', message: `The ${t.resource.type} went to status ${status}`, service: t.service };
    return { state: 'failed', status, error };
  }
  return { state: 'running', status };
}

/** The tracker's probe against the real cloud or the emulator, through the shared clients. */
export function cloudProbe(access: CloudAccess): Probe {
  return async (profile, tracking, task) => {
    if (tracking.mode === 'done') return { state: 'succeeded' };
    const c = access.forProfile(profile);
    // The polls are the task's calls: the inspector lists them under it.
    return access.runForTask(task.id, task.username, () => (tracking.mode === 'job' ? probeJob(c, tracking) : probeResource(c, tracking)));
  };
}
