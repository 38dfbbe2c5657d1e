import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { evsError } from '../errors.ts';
import type { Evs } from '../model/evs.ts';
import { submitQos } from '../model/volume-ops.ts';
import { optInt, requireObj } from '../model/validate.ts';
import { bodyObject } from './common.ts';

/** QoS (6.1.13, note the v5 path) and the task query (6.4.1, note the v1 path). */
export function qosAndJobRoutes(evs: Evs): RouteSpec[] {
  const modifyQos = (ctx: RequestContext) => {
    const body = bodyObject(ctx);
    const o = requireObj(body.qos_modify, 'EVS.1070', 'qos_modify');
    const iops = optInt(o, 'iops', 'EVS.1018');
    if (iops === undefined) throw evsError('EVS.1070', 'qos_modify.iops is required');
    const throughput = optInt(o, 'throughput', 'EVS.1018');
    const jobId = evs.transaction(() => submitQos(evs, evs.store.requireVolume(ctx.params.volume_id!), iops, throughput));
    return { status: 202, body: { job_id: jobId } };
  };

  const showJob = (ctx: RequestContext) => {
    const job = evs.rt.jobs.get(ctx.params.job_id!);
    if (!job) throw evsError('Common.0011', `job ${ctx.params.job_id} does not exist in this project`);
    return { status: 200, body: evs.rt.jobs.render(job) };
  };

  return [
    { method: 'PUT', path: '/v5/{project_id}/cloudvolumes/{volume_id}/qos', operation: 'ModifyVolumeQoS', handler: modifyQos },
    { method: 'GET', path: '/v1/{project_id}/jobs/{job_id}', operation: 'ShowJob', handler: showJob },
  ];
}
