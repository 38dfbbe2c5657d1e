import { Router } from 'express';
import { IMAGE_OS_TYPES, ImageListQuerySchema, type Image, type ImageList, type ImageListQuery } from '@console/contract';
import { isCloudError, type CloudClients, type ImsTypes } from '@console/cloud';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { evsCall as cloudCall, fieldError, pathId } from './evs-tasks.ts';
import { rethrowNotFound } from './evs-lookup.ts';

/** IMS answers at most this many images a page; the console follows the markers up to MAX_PAGES. */
const PAGE = 500;
const MAX_PAGES = 20;

const VISIBILITY_TO_TYPE: Record<Image['visibility'], ImsTypes.ImageType> = { public: 'gold', private: 'private', shared: 'shared', market: 'market' };
const TYPE_TO_VISIBILITY: Record<string, Image['visibility']> = { gold: 'public', private: 'private', shared: 'shared', market: 'market' };

export function toImage(i: ImsTypes.ImageInfo): Image {
  const osType = (IMAGE_OS_TYPES as readonly string[]).includes(i.__os_type) ? (i.__os_type as Image['osType']) : 'Other';
  // `__imagetype` says whose image it is; `visibility` alone cannot tell shared from private.
  const visibility = TYPE_TO_VISIBILITY[i.__imagetype] ?? (i.visibility === 'public' ? 'public' : 'private');
  const size = Number(i.__image_size ?? i.size);
  return {
    id: i.id,
    name: i.name,
    osType,
    platform: i.__platform || 'Other',
    osVersion: i.__os_version || i.name,
    visibility,
    status: i.status,
    minDiskGiB: i.min_disk ?? 0,
    minRamMiB: i.min_ram ?? 0,
    ...(Number.isFinite(size) && size > 0 ? { sizeBytes: size } : {}),
    createdAt: i.created_at,
  };
}

function imsQuery(q: ImageListQuery): ImsTypes.ListImagesQuery {
  return {
    // Data-disk images cannot boot a server, so the wizard never sees them.
    virtual_env_type: 'FusionCompute',
    ...(q.visibility ? { __imagetype: VISIBILITY_TO_TYPE[q.visibility] } : {}),
    ...(q.osType ? { __os_type: q.osType } : {}),
    ...(q.platform ? { __platform: q.platform } : {}),
    ...(q.name ? { name: q.name } : {}),
    sort_key: 'name',
    sort_dir: 'asc',
    limit: PAGE,
  };
}

/**
 * A server's image must exist, be active and fit its system disk; said per field before the cloud
 * refuses the create with a bare code. Without a size the cloud takes the image's min disk.
 */
export async function checkBootImage(clients: CloudClients, imageId: string, rootSizeGiB: number | undefined): Promise<Image> {
  let image: Image;
  try {
    image = toImage((await clients.ims.showImage(imageId)).data);
  } catch (err) {
    if (isCloudError(err) && err.httpStatus === 404) throw fieldError('imageId', 'no such image in this region');
    throw err;
  }
  if (image.status !== 'active') throw fieldError('imageId', `${image.name} is ${image.status}; only active images boot servers`);
  if (rootSizeGiB !== undefined && rootSizeGiB < image.minDiskGiB) {
    throw fieldError('rootVolume.sizeGiB', `${image.name} needs a system disk of at least ${image.minDiskGiB} GiB`);
  }
  return image;
}

/** IMS images the server wizard offers: `GET /v2/cloudimages` with the filters pushed to the cloud. */
export function imageRoutes(ctx: ConsoleContext): Router {
  const router = Router();

  router.get('/images', async (req, res) => {
    const q = parseWith(ImageListQuerySchema, req.query);
    const { clients } = cloudCall(ctx, req);
    const items: Image[] = [];
    let marker: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await clients.ims.listImages({ ...imsQuery(q), ...(marker ? { marker } : {}) });
      const images = r.data.images ?? [];
      items.push(...images.map(toImage));
      marker = r.data.page_info?.next_marker ?? (images.length === PAGE ? images.at(-1)?.id : undefined);
      if (!marker) break;
    }
    res.json({ items } satisfies ImageList);
  });

  router.get('/images/:id', async (req, res) => {
    const id = pathId(req, 'image');
    const r = await cloudCall(ctx, req).clients.ims.showImage(id).catch((err: unknown) => rethrowNotFound(err, `image ${id}`));
    res.json(toImage(r.data) satisfies Image);
  });

  return router;
}
