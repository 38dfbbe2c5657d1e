import type { Runtime } from '../../runtime.ts';
import { Statements } from '../../store/db.ts';
import type { ImageRow } from '../evs/model/rows.ts';
import { PUBLIC_IMAGES } from './catalog.ts';
import { imsError } from './errors.ts';

export interface ImsImageRow extends ImageRow {
  status: string;
  min_ram: number;
  size_bytes: number;
  description: string;
  /** `instance,<server id>` or `volume,<disk id>` for private images (`__data_origin`). */
  source: string | null;
  created_ms: number;
  updated_ms: number;
}

/** What ECS checks of an image before it boots a server from it. */
export interface ImageInfo {
  id: string;
  name: string;
  /** GiB. */
  minDisk: number;
  /** MiB. */
  minRam: number;
  osType: string;
  status: string;
  /** A system-disk image; data-disk images boot nothing. */
  system: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const GIB = 1024 ** 3;
/** The owner id the cloud shows on its public images. */
export const PUBLIC_OWNER = '1bed856811654c1cb661a6ca845ebc77';
/** Public images are dated from this point, so their dates do not move between starts. */
const CATALOG_EPOCH = Date.UTC(2026, 0, 1);

export function metadataOf(r: ImageRow): Record<string, string> {
  return JSON.parse(r.metadata) as Record<string, string>;
}

/** The image service: the shared image table, as IMS lists and shows it. */
export class Ims {
  readonly s: Statements;

  constructor(readonly rt: Runtime) {
    this.s = new Statements(rt.db);
  }

  now(): number {
    return this.rt.clock.now();
  }

  row(id: string): ImsImageRow | undefined {
    return this.s.get('SELECT * FROM images WHERE id = ?').get(id) as ImsImageRow | undefined;
  }

  requireRow(id: string): ImsImageRow {
    const r = this.row(id);
    if (!r || r.status === 'deleted') throw imsError('IMG.0027', `image ${id}`);
    return r;
  }

  all(): ImsImageRow[] {
    return this.s.get("SELECT * FROM images WHERE status != 'deleted'").all() as ImsImageRow[];
  }

  image(id: string): ImageInfo | undefined {
    const r = this.row(id);
    if (!r || r.status === 'deleted') return undefined;
    const m = metadataOf(r);
    return { id: r.id, name: r.name, minDisk: r.min_disk, minRam: r.min_ram, osType: m.__os_type ?? 'Other', status: r.status, system: r.system === 1 };
  }

  /** A private image of the project (Nova createImage, IMS create from a server); `saving` until its job ends. */
  insertPrivate(img: { id: string; name: string; minDisk: number; minRam: number; osType: string; platform: string; osVersion: string; description: string; source: string; sizeGiB: number }): void {
    const at = this.now();
    const metadata = {
      image_id: img.id, image_name: img.name, __os_type: img.osType, __platform: img.platform, __os_version: img.osVersion, __os_bit: '64',
      __imagetype: 'private', __isregistered: 'true', __image_source_type: 'uds', __support_kvm: 'true', container_format: 'bare', disk_format: 'zvhd2',
      min_disk: String(img.minDisk), min_ram: String(img.minRam), virtual_env_type: 'FusionCompute',
    };
    this.s
      .get(`INSERT INTO images (id, name, min_disk, system, metadata, builtin, status, min_ram, size_bytes, description, source, created_ms, updated_ms)
        VALUES (?, ?, ?, 1, ?, 0, 'saving', ?, ?, ?, ?, ?, ?)`)
      .run(img.id, img.name, img.minDisk, JSON.stringify(metadata), img.minRam, img.sizeGiB * GIB, img.description, img.source, at, at);
  }

  setStatus(id: string, status: string, at = this.now()): void {
    this.s.get('UPDATE images SET status = ?, updated_ms = ? WHERE id = ?').run(status, at, id);
  }
}

/** Puts the public catalogue in place, and gives the images EVS knows their IMS attributes. */
export function ensurePublicCatalog(ims: Ims): void {
  const insert = ims.s.get('INSERT OR IGNORE INTO images (id, name, min_disk, system, metadata, builtin, created_ms, updated_ms) VALUES (?, ?, ?, 1, ?, 1, ?, ?)');
  const update = ims.s.get('UPDATE images SET name = ?, min_disk = ?, metadata = ?, min_ram = ?, size_bytes = ?, builtin = 1, created_ms = ?, updated_ms = ? WHERE id = ?');
  ims.rt.db.transaction(() => {
    for (const p of PUBLIC_IMAGES) {
      const metadata = JSON.stringify({
        image_id: p.id, image_name: p.name, __os_type: p.osType, __os_version: p.osVersion, __platform: p.platform, __os_bit: '64', __imagetype: 'gold',
        __isregistered: 'true', __image_source_type: 'uds', __support_kvm: 'true', __support_arm: p.arm ? 'true' : 'false', container_format: 'bare',
        disk_format: 'zvhd2', min_disk: String(p.minDisk), min_ram: String(p.minRam), size: '0', virtual_env_type: 'FusionCompute',
      });
      const at = CATALOG_EPOCH - p.ageDays * DAY;
      insert.run(p.id, p.name, p.minDisk, metadata, at, at);
      update.run(p.name, p.minDisk, metadata, p.minRam, p.sizeGiB * GIB, at, at, p.id);
    }
  })();
}
