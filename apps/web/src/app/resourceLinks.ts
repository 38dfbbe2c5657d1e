import type { ResourceRef } from '@console/contract';
import { resourcePathIn } from '../lib/resourcePath.ts';
import { appRoutes } from './routes.tsx';

/** The console page of a resource, or undefined while the console has no screen for its kind. */
export function resourcePath(ref: ResourceRef): string | undefined {
  return resourcePathIn(appRoutes, ref);
}
