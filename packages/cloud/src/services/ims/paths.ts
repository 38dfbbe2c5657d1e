/**
 * IMS paths. The native list is `/v2/cloudimages` (no project id: the token or signature scopes it);
 * IMS has no native "show one", so a single image comes from the Glance-compatible `/v2/images/{id}`.
 */
export const IMS_PATHS = {
  cloudImages: '/v2/cloudimages',
  image: '/v2/images/{image_id}',
  createImage: '/v2/cloudimages/action',
  job: '/v1/{project_id}/jobs/{job_id}',
} as const;
