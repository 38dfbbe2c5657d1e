import type { Runtime } from '../../runtime.ts';
import type { RouteSpec } from '../../server/types.ts';
import { BUILTIN_IMAGES } from './catalog.ts';
import { Evs } from './model/evs.ts';
import { cinderMiscRoutes } from './routes/cinder-misc.ts';
import { cinderSnapshotRoutes } from './routes/cinder-snapshots.ts';
import { cinderVolumeRoutes } from './routes/cinder-volumes.ts';
import { diskRoutes } from './routes/disks.ts';
import { metadataRoutes } from './routes/metadata.ts';
import { qosAndJobRoutes } from './routes/qos-jobs.ts';
import { snapshotRoutes } from './routes/snapshots.ts';
import { tagRoutes } from './routes/tags.ts';
import { transferRoutes } from './routes/transfers.ts';
import { registerEvsTransitions } from './tasks.ts';

export { EVS_MIGRATIONS } from './schema.ts';
export { evsService } from './errors.ts';
export { Evs, type EvsHooks } from './model/evs.ts';
export { attachVolume, attachmentsOfServer, detachVolume, setVolumeStatus, type AttachInput, type DetachInput } from './model/attachments.ts';
export { VOLUME_STATUSES, SNAPSHOT_STATUSES, type VolumeStatus, type SnapshotStatus } from './model/state.ts';

/** Builds the EVS model, registers its transitions and returns it with its routes. */
export function createEvs(rt: Runtime): { evs: Evs; routes: RouteSpec[] } {
  const evs = new Evs(rt);
  registerEvsTransitions(evs);
  ensureBuiltinImages(evs);
  const routes = [
    ...diskRoutes(evs),
    ...snapshotRoutes(evs),
    ...tagRoutes(evs),
    ...qosAndJobRoutes(evs),
    ...cinderVolumeRoutes(evs),
    ...cinderSnapshotRoutes(evs),
    ...metadataRoutes(evs),
    ...transferRoutes(evs),
    ...cinderMiscRoutes(evs),
  ];
  return { evs, routes };
}

export function ensureBuiltinImages(evs: Evs): void {
  const insert = evs.store.s.get('INSERT OR IGNORE INTO images (id, name, min_disk, system, metadata, builtin) VALUES (?, ?, ?, ?, ?, 1)');
  for (const image of BUILTIN_IMAGES) insert.run(image.id, image.name, image.minDisk, image.system ? 1 : 0, JSON.stringify(image.metadata));
}

/** Wipes every EVS resource (control API reset); built-in images stay. */
export function resetEvs(evs: Evs): void {
  evs.transaction(() => {
    for (const table of ['attachments', 'snapshots', 'transfers', 'volumes', 'quotas']) evs.store.s.get(`DELETE FROM ${table}`).run();
    evs.store.s.get('DELETE FROM images WHERE builtin = 0').run();
  });
  evs.store.clearViews();
}
