import type { APIRequestContext } from '@playwright/test';

/**
 * Every screen of the console, for the checks that visit them all (accessibility, both themes).
 * A new screen is one line here. `path` is a function when the screen shows one resource: it finds
 * one through the console API (undefined when the project has none, and the screen is skipped).
 */
export interface Screen {
  name: string;
  path: string | ((request: APIRequestContext) => Promise<string | undefined>);
}

/** The first item of a console API list, as the path of its detail screen. */
function firstOf(list: string, detail: (id: string) => string, pick: (item: { id: string }) => boolean = () => true) {
  return async (request: APIRequestContext): Promise<string | undefined> => {
    const response = await request.get(list);
    if (!response.ok()) return undefined;
    const item = ((await response.json()) as { items: { id: string }[] }).items.find(pick);
    return item ? detail(encodeURIComponent(item.id)) : undefined;
  };
}

/** A fresh console has no task yet: renaming a disk to its own name makes one, and changes nothing. */
async function someTask(request: APIRequestContext): Promise<string | undefined> {
  const disk = ((await (await request.get('/api/v1/disks?limit=1')).json()) as { items: { id: string; name: string }[] }).items[0];
  if (!disk) return undefined;
  const { csrfToken } = (await (await request.get('/api/v1/me')).json()) as { csrfToken: string };
  const response = await request.patch(`/api/v1/disks/${encodeURIComponent(disk.id)}`, { headers: { 'X-CSRF-Token': csrfToken }, data: { name: disk.name } });
  if (!response.ok()) return undefined;
  return `/tasks/${encodeURIComponent(((await response.json()) as { task: { id: string } }).task.id)}`;
}

export const screens: Screen[] = [
  { name: 'home', path: '/' },
  { name: 'disks', path: '/disks' },
  { name: 'disk detail', path: firstOf('/api/v1/disks?limit=1', (id) => `/disks/${id}`) },
  { name: 'snapshots', path: '/snapshots' },
  { name: 'servers', path: '/servers' },
  { name: 'server detail', path: firstOf('/api/v1/servers?limit=1', (id) => `/servers/${id}`) },
  { name: 'vaults', path: '/vaults' },
  { name: 'vault detail', path: firstOf('/api/v1/vaults?limit=1', (id) => `/vaults/${id}`) },
  { name: 'backups', path: '/backups' },
  { name: 'backup detail', path: firstOf('/api/v1/backups?limit=1', (id) => `/backups/${id}`) },
  { name: 'policies', path: '/policies' },
  { name: 'tasks', path: '/tasks' },
  { name: 'task detail', path: async (request) => (await firstOf('/api/v1/tasks?limit=1', (id) => `/tasks/${id}`)(request)) ?? (await someTask(request)) },
  { name: 'api calls', path: '/calls' },
  { name: 'api call detail', path: firstOf('/api/v1/calls?limit=1', (id) => `/calls/${id}`) },
  { name: 'emulator', path: '/emulator' },
  { name: 'account settings', path: '/settings/account' },
  { name: 'users', path: '/settings/users' },
  { name: 'audit log', path: '/settings/audit' },
  { name: 'page not found', path: '/no-such-page' },
];
