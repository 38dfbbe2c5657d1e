import { matchRoutes } from 'react-router';
import type { ResourceRef } from '@console/contract';
import { resourcePathIn } from '../lib/resourcePath.ts';
import { appRoutes } from './routes.tsx';

/** The console page of a resource, or undefined while the console has no screen for its kind. */
export function resourcePath(ref: ResourceRef): string | undefined {
  return resourcePathIn(appRoutes, ref);
}

/** Whether the console has a screen at `href` (its query aside): a link to nothing is left out. */
export function screenExists(href: string): boolean {
  const leaf = matchRoutes(appRoutes, href.split('?')[0]!)?.at(-1)?.route;
  return leaf !== undefined && leaf.path !== '*';
}
