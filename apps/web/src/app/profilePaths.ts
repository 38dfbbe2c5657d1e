import { matchRoutes, type RouteObject } from 'react-router';

/**
 * After a profile switch, a page of one resource of the old account has nothing to show: it
 * gives way to its list. Tasks span profiles, so a task's page stays.
 */
export function listAfterSwitch(routes: RouteObject[], pathname: string): string | undefined {
  const pattern = matchRoutes(routes, pathname)?.at(-1)?.route.path;
  if (!pattern?.includes(':') || pattern.startsWith('tasks')) return undefined;
  return `/${pattern.split('/')[0]}`;
}
