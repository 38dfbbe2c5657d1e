import type { QueryClient } from '@tanstack/react-query';
import type { ConsoleEvent, ResourceRef } from '@console/contract';

export type ResourceEvent = Extract<ConsoleEvent, { type: 'resource' }>;
export type ResourceEventHandler = (client: QueryClient, event: ResourceEvent) => void;
/** Events other than tasks, resources and resets (the emulator's status, for one). */
export type OtherEvent = Exclude<ConsoleEvent, { type: 'task' | 'resource' | 'reset' }>;
export type OtherEventHandler = (client: QueryClient, event: OtherEvent) => void;

interface Registration {
  /** The first element of the resource's query keys, e.g. 'disks'. */
  queryRoot: string;
  handle: ResourceEventHandler;
}

// Features register here the resources they cache, so the one event stream can keep their
// caches current without the stream knowing about any feature.
const registry = new Map<ResourceRef['type'], Set<Registration>>();

/**
 * Keeps the caches under `queryRoot` current with `type` resource events. Without a handler of its
 * own, a feature gets `patchResourceStatus`: the status written into cached lists and details.
 */
export function registerResourceEvents(type: ResourceRef['type'], queryRoot: string, handle?: ResourceEventHandler): () => void {
  const registration: Registration = { queryRoot, handle: handle ?? ((client, event) => patchResourceStatus(client, queryRoot, event)) };
  const set = registry.get(type) ?? new Set();
  set.add(registration);
  registry.set(type, set);
  return () => set.delete(registration);
}

export function dispatchResourceEvent(client: QueryClient, event: ResourceEvent): boolean {
  const registrations = registry.get(event.resource.type);
  if (!registrations?.size) return false;
  for (const registration of registrations) registration.handle(client, event);
  return true;
}

const otherHandlers = new Map<OtherEvent['type'], Set<OtherEventHandler>>();

/** Lets a feature follow an event type of its own (e.g. the emulator's status for its badge). */
export function registerEventHandler(type: OtherEvent['type'], handle: OtherEventHandler): () => void {
  const set = otherHandlers.get(type) ?? new Set();
  set.add(handle);
  otherHandlers.set(type, set);
  return () => set.delete(handle);
}

export function dispatchOtherEvent(client: QueryClient, event: OtherEvent): void {
  for (const handle of otherHandlers.get(event.type) ?? []) handle(client, event);
}

/** Query roots kept current by events: after a gap, these are the caches to refetch. */
export function liveQueryRoots(): string[] {
  return [...new Set([...registry.values()].flatMap((set) => [...set].map((registration) => registration.queryRoot)))];
}

interface Identified {
  id: string;
  status?: string;
}

const isIdentified = (value: unknown): value is Identified =>
  typeof value === 'object' && value !== null && typeof (value as Identified).id === 'string';

const isPage = (value: unknown): value is { items: unknown[]; total?: unknown } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items);

/**
 * The default handler: every cached page ({ items }) and detail ({ id }) under the root gets the
 * new status; a deleted resource leaves the pages and its detail is refetched (to show it is gone).
 * A resource no cached page holds is new to this browser (a policy's backup, another console's
 * disk): the pages are fetched again, since it may belong on them.
 */
export function patchResourceStatus(client: QueryClient, queryRoot: string, event: ResourceEvent): void {
  const { id } = event.resource;
  const deleted = event.status === 'deleted';
  let onAPage = false;
  let pages = 0;
  for (const [key, data] of client.getQueriesData({ queryKey: [queryRoot] })) {
    if (isPage(data)) {
      pages++;
      if (!data.items.some((item) => isIdentified(item) && item.id === id)) continue;
      onAPage = true;
      const items = deleted
        ? data.items.filter((item) => !(isIdentified(item) && item.id === id))
        : data.items.map((item) => (isIdentified(item) && item.id === id ? { ...item, status: event.status } : item));
      const total = deleted && typeof data.total === 'number' ? { total: data.total - 1 } : {};
      client.setQueryData(key, { ...data, items, ...total });
    } else if (isIdentified(data) && data.id === id) {
      if (deleted) void client.invalidateQueries({ queryKey: key, exact: true });
      else client.setQueryData(key, { ...data, status: event.status });
    }
  }
  if (!onAPage && !deleted && pages > 0) void client.invalidateQueries({ queryKey: [queryRoot], predicate: (query) => isPage(query.state.data) });
}
