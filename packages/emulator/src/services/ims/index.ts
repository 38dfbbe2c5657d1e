import type { Runtime } from '../../runtime.ts';
import type { RouteSpec } from '../../server/types.ts';
import { ensurePublicCatalog, Ims } from './model.ts';
import { imsRoutes } from './routes.ts';

export { IMS_MIGRATIONS } from './schema.ts';
export { imsService } from './errors.ts';
export { Ims, type ImageInfo } from './model.ts';
export { PUBLIC_IMAGES } from './catalog.ts';
export { imsCreateRoutes } from './create.ts';

/** Builds the image service on the image table EVS keeps; run after EVS has put its images in place. */
export function createIms(rt: Runtime): { ims: Ims; routes: RouteSpec[] } {
  const ims = new Ims(rt);
  ensurePublicCatalog(ims);
  rt.scheduler.register('ims.image.saved', (p: { imageId: string; jobId?: string }, ctx) => {
    const saving = ims.row(p.imageId)?.status === 'saving';
    if (saving) ims.setStatus(p.imageId, 'active', ctx.dueAt);
    if (p.jobId) rt.jobs.update(p.jobId, saving ? { status: 'SUCCESS' } : { status: 'FAIL', errorCode: 'IMG.0027', failReason: 'The image was deleted while it was being saved.' }, ctx.dueAt);
  });
  return { ims, routes: imsRoutes(ims) };
}
