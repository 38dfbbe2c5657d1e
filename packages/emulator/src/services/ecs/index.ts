import type { Runtime } from '../../runtime.ts';
import type { RouteSpec } from '../../server/types.ts';
import type { Evs } from '../evs/model/evs.ts';
import type { Ims } from '../ims/model.ts';
import type { Vpc } from '../vpc/model.ts';
import { resetVpc } from '../vpc/defaults.ts';
import { Ecs } from './model/ecs.ts';
import { registerEcsTransitions } from './model/ops.ts';
import { usedIps } from './model/lifecycle.ts';
import { nativeRoutes } from './routes/native.ts';
import { groupRoutes } from './routes/groups.ts';
import { networkRoutes } from './routes/network.ts';
import { novaCreateRoutes } from './routes/nova-create.ts';
import { novaMiscRoutes } from './routes/nova-misc.ts';
import { novaRoutes } from './routes/nova.ts';
import { tagRoutes } from './routes/tags.ts';

export { ECS_MIGRATIONS } from './schema.ts';
export { ecsService } from './errors.ts';
export { Ecs } from './model/ecs.ts';
export { MAX_SCALE_SERVERS, seedDemoServers, seedScaleServers } from './seed.ts';

/** Builds the ECS model on top of EVS (one store), registers its transitions, returns its routes. */
export function createEcs(rt: Runtime, evs: Evs, ims: Ims, vpc: Vpc): { ecs: Ecs; routes: RouteSpec[] } {
  const ecs = new Ecs(rt, evs, ims, vpc);
  vpc.hooks.usedIps = () => usedIps(ecs);
  registerEcsTransitions(ecs);
  const routes = [...nativeRoutes(ecs), ...novaRoutes(ecs), ...novaCreateRoutes(ecs), ...novaMiscRoutes(ecs), ...tagRoutes(ecs), ...networkRoutes(ecs), ...groupRoutes(ecs)];
  return { ecs, routes: [...routes, ...novaV2(routes)] };
}

/**
 * Nova v2 is historical: "change 2.1 in the native API URI to 2" (L360-364); the same APIs answer
 * there, without microversions.
 */
function novaV2(routes: RouteSpec[]): RouteSpec[] {
  const taken = new Set(routes.map((r) => `${r.method} ${r.path}`));
  return routes
    .filter((r) => r.path.startsWith('/v2.1/{project_id}/'))
    .map((r) => ({ ...r, path: r.path.replace('/v2.1/', '/v2/') }))
    .filter((r) => !taken.has(`${r.method} ${r.path}`));
}

/**
 * Wipes every server and the networks they sat in, back to the default VPC (control API reset); EVS
 * resets its own tables, private images included.
 */
export function resetEcs(ecs: Ecs): void {
  ecs.transaction(() => {
    for (const table of ['servers', 'instance_actions', 'keypairs', 'server_groups', 'server_passwords']) ecs.s.get(`DELETE FROM ${table}`).run();
  });
  resetVpc(ecs.vpc);
}
