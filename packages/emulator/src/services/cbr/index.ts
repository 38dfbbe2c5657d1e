import type { Runtime } from '../../runtime.ts';
import type { RouteSpec } from '../../server/types.ts';
import type { Evs } from '../evs/model/evs.ts';
import { backupDoc } from './model/backups.ts';
import { Cbr } from './model/cbr.ts';
import { backupRoutes } from './routes/backups.ts';
import { agentRoutes } from './routes/agents.ts';
import { extraRoutes } from './routes/extra.ts';
import { miscRoutes } from './routes/misc.ts';
import { organizationRoutes } from './routes/organization.ts';
import { vaultRoutes } from './routes/vaults.ts';
import { CBR_TABLES } from './schema.ts';
import { registerCbrTransitions } from './tasks.ts';

export { CBR_MIGRATIONS, CBR_TABLES } from './schema.ts';
export { cbrService } from './errors.ts';
export { Cbr, PROVIDERS, type CbrServer, type ServerLookup } from './model/cbr.ts';

/** Builds the CBR model on the shared store (it backs up EVS disks) and returns it with its routes. */
export function createCbr(rt: Runtime, evs: Evs): { cbr: Cbr; routes: RouteSpec[] } {
  const cbr = new Cbr(rt, evs);
  registerCbrTransitions(cbr);
  // EVS creates disks from available disk backups (a disk vault's, or one disk of a server backup).
  const previous = evs.hooks.backup;
  evs.hooks.backup = (id) => {
    const b = cbr.backup(id);
    if (!b || b.status !== 'available' || b.resource_type !== 'OS::Cinder::Volume') return previous(id);
    const doc = backupDoc(b);
    return { id: b.id, size: doc.resource_size, bootable: doc.extend_info.bootable === true, dataVersion: b.data_version };
  };
  return { cbr, routes: [...vaultRoutes(cbr), ...backupRoutes(cbr), ...miscRoutes(cbr), ...extraRoutes(cbr), ...agentRoutes(cbr), ...organizationRoutes(cbr)] };
}

/** Wipes every CBR resource (control API reset). */
export function resetCbr(cbr: Cbr): void {
  cbr.transaction(() => {
    for (const table of CBR_TABLES) cbr.s.get(`DELETE FROM ${table}`).run();
  });
}
export { ecsServerLookup } from './ecs-lookup.ts';
export { MAX_SCALE_BACKUPS, seedCbrDemo, seedScaleBackups } from './seed.ts';
