import type { CallOptions, CloudResponse } from '../../http/types.ts';
import { ServiceClient } from '../base.ts';
import type { JobIdResponse, RawJob } from '../common-types.ts';
import { IMS_PATHS as P } from './paths.ts';
import type { CreateImageRequest, ImageInfo, ListImagesQuery, ListImagesResponse } from './types.ts';

type R<T> = Promise<CloudResponse<T>>;

/** IMS: the images servers boot from. Errors come as `{"error":{"code","message"}}` with `IMG.*` codes. */
export class ImsClient extends ServiceClient {
  protected readonly service = 'ims' as const;

  /** `GET /v2/cloudimages`: filters are ANDed; page with `marker` = the last image id. */
  listImages(query: ListImagesQuery = {}, opts?: CallOptions): R<ListImagesResponse> {
    return this.call({ method: 'GET', path: P.cloudImages, query: { ...query } }, opts);
  }

  /** `GET /v2/images/{image_id}`: the Glance view, which carries the same `__*` attributes at top level. */
  showImage(imageId: string, opts?: CallOptions): R<ImageInfo> {
    return this.call({ method: 'GET', path: P.image, pathParams: { image_id: imageId } }, opts);
  }

  /** `POST /v2/cloudimages/action` (job; the job's `entities.image_id` names the image). */
  createImage(body: CreateImageRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.createImage, body }, opts);
  }

  /** `GET /v1/{project_id}/jobs/{job_id}` on the IMS endpoint: IMS's own jobs. */
  showJob(jobId: string, opts?: CallOptions): R<RawJob> {
    return this.call({ method: 'GET', path: P.job, pathParams: { job_id: jobId } }, opts);
  }
}
