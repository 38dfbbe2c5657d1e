import { ApiError } from '../../server/errors.ts';
import type { RouteSpec } from '../../server/types.ts';
import type { Ecs } from '../ecs/model/ecs.ts';
import { saveServerImage } from '../ecs/model/images.ts';
import { imsError } from './errors.ts';

/** IMS job types this service answers for on its own job query. */
const IMS_JOB_TYPES = new Set(['createImageByInstance']);
/** IMS names: 1-128 letters (any script), digits, spaces, "-", "_", "."; no leading or trailing space. */
const NAME_RE = /^[\p{L}\p{N}_.-](?:[\p{L}\p{N} _.-]{0,126}[\p{L}\p{N}_.-])?$/u;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `POST /v2/cloudimages/action` (a private image of a server's system disk, as a job) and the IMS job
 * query. They need ECS for the server, so they are mounted once ECS exists.
 */
export function imsCreateRoutes(ecs: Ecs): RouteSpec[] {
  const { jobs } = ecs.rt;
  return [
    {
      method: 'POST', path: '/v2/cloudimages/action', operation: 'CreateImage',
      handler: (ctx) => {
        const o = ctx.json();
        if (!isObj(o)) throw imsError('IMG.0001', 'the body is an object');
        if (typeof o.name !== 'string' || !NAME_RE.test(o.name)) throw imsError('IMG.0001', 'name is 1 to 128 letters, digits, spaces, "-", "_" or "."');
        if (typeof o.instance_id !== 'string') throw imsError('IMG.0001', 'instance_id names the server (this service makes images of servers only)');
        if (o.description !== undefined && (typeof o.description !== 'string' || o.description.length > 1024)) throw imsError('IMG.0001', 'description is at most 1024 characters');
        if (o.min_ram !== undefined && (typeof o.min_ram !== 'number' || !Number.isInteger(o.min_ram) || o.min_ram < 0)) throw imsError('IMG.0001', 'min_ram is a whole number of MiB');
        const server = ecs.server(o.instance_id);
        if (!server) throw imsError('IMG.0032', `server ${o.instance_id} does not exist`);
        return ecs.transaction(() => {
          const jobId = jobs.create({ jobType: 'createImageByInstance', entities: {} });
          let imageId: string;
          try {
            imageId = saveServerImage(ecs, server, {
              name: o.name as string, description: (o.description as string | undefined) ?? '', jobId,
              ...(typeof o.min_ram === 'number' ? { minRam: o.min_ram } : {}),
            });
          } catch (err) {
            // ECS's refusal (busy, stopped in the wrong state, no system disk) in IMS's words.
            if (err instanceof ApiError) throw imsError('IMG.0032', `${err.code}: ${err.message}`);
            throw err;
          }
          jobs.update(jobId, { status: 'RUNNING', entities: { image_id: imageId, image_name: o.name } });
          return { status: 200, body: { job_id: jobId } };
        });
      },
    },
    {
      method: 'GET', path: '/v1/{project_id}/jobs/{job_id}', operation: 'ShowJob',
      handler: (ctx) => {
        const row = jobs.get(ctx.params.job_id!);
        if (!row || !IMS_JOB_TYPES.has(row.job_type)) throw imsError('IMG.0033', `job ${ctx.params.job_id}`);
        return { status: 200, body: jobs.render(row) };
      },
    },
  ];
}
