import type { Runtime } from '../../runtime.ts';
import type { RouteSpec } from '../../server/types.ts';
import type { Evs } from '../evs/model/evs.ts';
import { Vbs } from './model/vbs.ts';
import { backupRoutes } from './routes/backups.ts';
import { policyRoutes } from './routes/policies.ts';
import { VBS_TABLES } from './schema.ts';
import { registerVbsTransitions } from './tasks.ts';

export { VBS_MIGRATIONS, VBS_TABLES } from './schema.ts';
export { vbsService } from './errors.ts';
export { Vbs } from './model/vbs.ts';

/** Builds the legacy Volume Backup Service on the shared store and returns it with its routes. */
export function createVbs(rt: Runtime, evs: Evs): { vbs: Vbs; routes: RouteSpec[] } {
  const vbs = new Vbs(rt, evs);
  registerVbsTransitions(vbs);
  const previous = evs.hooks.backup;
  evs.hooks.backup = (id) => {
    const b = vbs.backup(id);
    if (!b || b.status !== 'available') return previous(id);
    return { id: b.id, size: b.size, bootable: evs.store.volume(b.volume_id)?.bootable === 1, dataVersion: b.data_version };
  };
  return { vbs, routes: [...backupRoutes(vbs), ...policyRoutes(vbs)] };
}

export function resetVbs(vbs: Vbs): void {
  vbs.transaction(() => {
    for (const table of VBS_TABLES) vbs.s.get(`DELETE FROM ${table}`).run();
  });
}
export { seedVbsDemo } from './seed.ts';
