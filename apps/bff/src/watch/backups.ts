import type { Logger } from 'pino';
import { isCloudError, type CloudClients } from '@console/cloud';
import type { ResourceRef } from '@console/contract';
import type { EventBus } from '../events/bus.ts';
import type { Viewers } from '../events/viewers.ts';
import type { ProfileRegistry } from '../profiles/registry.ts';
import type { CloudProfile } from '../profiles/types.ts';

/** The newest backups of each service compared from one look to the next. */
export const WATCH_WINDOW = 100;

interface Seen {
  name: string;
  status: string;
  /** Only where the list is newest first: when it was made, to tell a deleted backup from an older one. */
  createdMs?: number;
}

interface Snapshot {
  backups: Map<string, Seen>;
  /** When someone last had this profile open; the snapshot outlives a page load or a dropped stream. */
  watchedAt: number;
}

/**
 * How long a profile nobody looks at keeps its snapshot. Navigating reopens the event stream, and a
 * look in that gap must not forget what was known, or a backup made just after would be learnt
 * rather than announced.
 */
const LINGER_MS = 120_000;

interface Window {
  backups: Map<string, Seen>;
  /** Fewer than the window came back: every backup is in it, so a missing one was deleted. */
  complete: boolean;
}

/**
 * Which backups known before are gone. With every backup in the window, any that is missing; with
 * the newest only, a missing one newer than the window's oldest, since nothing pushed it out.
 */
export function deletedSince(before: Map<string, Seen>, now: Window): [string, Seen][] {
  const missing = [...before].filter(([id]) => !now.backups.has(id));
  if (now.complete) return missing;
  let oldest = Infinity;
  for (const b of now.backups.values()) oldest = Math.min(oldest, b.createdMs ?? -Infinity);
  return missing.filter(([, b]) => b.createdMs !== undefined && b.createdMs > oldest);
}

export interface BackupWatchDeps {
  viewers: Viewers;
  profiles: ProfileRegistry;
  bus: EventBus;
  clients: (profile: CloudProfile) => CloudClients;
  log: Logger;
}

const SOURCES = {
  cbr: async (c: CloudClients): Promise<Window> => {
    const backups = (await c.cbr.listBackups({ limit: WATCH_WINDOW, sort: 'created_at:desc' })).data.backups ?? [];
    const seen = backups.map((b): [string, Seen] => [b.id, { name: b.name, status: b.status, createdMs: Date.parse(b.created_at) }]);
    return { backups: new Map(seen), complete: backups.length < WATCH_WINDOW };
  },
  // The VBS list has no sort order to ask for, so only a complete window tells deletions.
  vbs: async (c: CloudClients): Promise<Window> => {
    const backups = (await c.vbs.listBackups({ limit: WATCH_WINDOW })).data.backups ?? [];
    return { backups: new Map(backups.map((b) => [b.id, { name: b.name ?? '', status: b.status }])), complete: backups.length < WATCH_WINDOW };
  },
} as const;

/** One snapshot per profile and service; the profile id comes first, before a newline. */
const snapshotKey = (profileId: string, service: string) => `${profileId}\n${service}`;

/**
 * Backups that no console task makes (a policy's nightly run, another tool, retention deleting old
 * ones) become resource events, so open screens show them without reloading. Only the profiles
 * someone is looking at are watched, with one list call per service each time, however many
 * browsers are open. The first look only learns what exists.
 */
export class BackupWatch {
  private readonly known = new Map<string, Snapshot>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  private leaveArrivals: (() => void) | undefined;

  constructor(
    private readonly deps: BackupWatchDeps,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.lookNow(), this.intervalMs);
    this.timer.unref();
    // A profile seen for the first time gets its first look at once, so the page just loaded and the
    // snapshot it is compared against are close together.
    this.leaveArrivals = this.deps.viewers.onArrive((user) => {
      let profileId: string;
      try {
        profileId = this.deps.profiles.activeFor(user).id;
      } catch {
        return;
      }
      if (!Object.keys(SOURCES).every((service) => this.known.has(snapshotKey(profileId, service)))) this.lookNow();
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.leaveArrivals?.();
    this.leaveArrivals = undefined;
    await this.running;
  }

  /** A bug in one look must not take the console down: it is logged and the next look tries again. */
  private lookNow(): void {
    this.tick().catch((err: unknown) => this.deps.log.error({ err }, 'backup watch failed'));
  }

  /** One look at every watched profile; a look still under way is not started twice. */
  tick(): Promise<void> {
    this.running ??= this.lookAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async lookAll(): Promise<void> {
    const watched = new Map<string, CloudProfile>();
    for (const user of this.deps.viewers.users()) {
      try {
        const p = this.deps.profiles.activeFor(user);
        watched.set(p.id, p);
      } catch {
        // a user with no profile open to them has nothing to watch
      }
    }
    const now = this.now();
    for (const [key, snapshot] of this.known) {
      if (watched.has(key.split('\n')[0]!)) snapshot.watchedAt = now;
      else if (now - snapshot.watchedAt > LINGER_MS) this.known.delete(key);
    }
    for (const profile of watched.values()) {
      for (const [service, list] of Object.entries(SOURCES)) await this.look(profile, service, list);
    }
  }

  private async look(profile: CloudProfile, service: string, list: (c: CloudClients) => Promise<Window>): Promise<void> {
    let now: Window;
    try {
      now = await list(this.deps.clients(profile));
    } catch (err) {
      // The cloud not answering this time changes nothing; the next look compares again.
      if (!isCloudError(err)) throw err;
      this.deps.log.debug({ err, profile: profile.id, service }, 'backup watch: list failed');
      return;
    }
    const key = snapshotKey(profile.id, service);
    const before = this.known.get(key)?.backups;
    this.known.set(key, { backups: now.backups, watchedAt: this.now() });
    if (!before) return;
    const publish = (id: string, name: string, status: string) => {
      const resource: ResourceRef = { type: 'backup', id, ...(name ? { name } : {}) };
      this.deps.bus.publish(profile.id, { type: 'resource', resource, status });
    };
    for (const [id, b] of now.backups) {
      if (before.get(id)?.status !== b.status) publish(id, b.name, b.status);
    }
    for (const [id, b] of deletedSince(before, now)) publish(id, b.name, 'deleted');
  }
}
