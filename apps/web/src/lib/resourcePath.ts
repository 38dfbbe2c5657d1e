import { matchRoutes, type RouteObject } from 'react-router';
import type { ResourceRef } from '@console/contract';

/** Where each kind of resource is shown, once the console has a screen for it. */
const resourcePaths: Record<ResourceRef['type'], ((id: string) => string) | undefined> = {
  disk: (id) => `/disks/${encodeURIComponent(id)}`,
  snapshot: (id) => `/snapshots/${encodeURIComponent(id)}`,
  server: (id) => `/servers/${encodeURIComponent(id)}`,
  vault: (id) => `/vaults/${encodeURIComponent(id)}`,
  policy: (id) => `/policies/${encodeURIComponent(id)}`,
  backup: (id) => `/backups/${encodeURIComponent(id)}`,
  user: (id) => `/settings/users?q=${encodeURIComponent(id)}`,
  profile: undefined,
};

/**
 * The page of a resource, if the router has one: a path that only the catch-all route would
 * match is no page, and a link to it would be a broken promise.
 */
export function resourcePathIn(routes: RouteObject[], ref: ResourceRef): string | undefined {
  const path = resourcePaths[ref.type]?.(ref.id);
  if (!path) return undefined;
  const matches = matchRoutes(routes, path.split('?')[0]!);
  const leaf = matches?.at(-1)?.route;
  return leaf && leaf.path !== '*' ? path : undefined;
}
