import type { Runtime } from '../../runtime.ts';
import type { RouteSpec } from '../../server/types.ts';
import { ensureDefaultNetwork } from './defaults.ts';
import { Vpc } from './model.ts';
import { vpcRoutes } from './routes.ts';

export { VPC_MIGRATIONS, VPC_TABLES } from './schema.ts';
export { vpcService } from './errors.ts';
export { Vpc, type SecurityGroupInfo, type SubnetInfo } from './model.ts';
export { DEFAULT_VPC, DEMO_VPC, resetVpc, seedDemoNetwork } from './defaults.ts';

/** Builds the VPC service on the shared store, with the project's default network in place. */
export function createVpc(rt: Runtime): { vpc: Vpc; routes: RouteSpec[] } {
  const vpc = new Vpc(rt);
  ensureDefaultNetwork(vpc);
  return { vpc, routes: vpcRoutes(vpc) };
}
