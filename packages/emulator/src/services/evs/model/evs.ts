import type { Runtime } from '../../../runtime.ts';
import { resourceTime } from '../../../server/time.ts';
import { Quotas } from './quotas.ts';
import type { RenderEnv } from './render.ts';
import { EvsStore } from './store.ts';

/** What EVS asks of other services; ECS plugs its servers in here. */
export interface EvsHooks {
  /** The status of a server (`ACTIVE`, `SHUTOFF`, …), or undefined when there is no such server. */
  serverStatus(serverId: string): string | undefined;
  /** A backup a disk can be created from (CBR or VBS fill this in), or undefined when there is none. */
  backup(backupId: string): BackupSource | undefined;
}

/** What a disk created from a backup takes from it. */
export interface BackupSource {
  id: string;
  /** GiB of the backed-up disk: the new disk is at least this large. */
  size: number;
  bootable: boolean;
  /** The data version the backup recorded; the new disk starts with it. */
  dataVersion: number;
}

/**
 * Realistic durations (ms) of each step; the runtime's speed scales them. Creating from a snapshot
 * or image copies data and takes longer than creating an empty disk.
 */
export const DURATION = {
  jobInit: 1_000,
  create: 3_000,
  createFromSource: 6_000,
  batchStagger: 300,
  extend: 2_000,
  delete: 2_000,
  qos: 1_500,
  snapshotCreate: 3_000,
  snapshotDelete: 2_000,
  rollback: 4_000,
  upload: 8_000,
} as const;

/** The EVS model: store, quotas and the runtime, shared by routes and transitions. */
export class Evs {
  readonly store: EvsStore;
  readonly quotas: Quotas;
  hooks: EvsHooks = { serverStatus: () => undefined, backup: () => undefined };
  private cachedEnv: RenderEnv | undefined;

  constructor(readonly rt: Runtime) {
    this.store = new EvsStore(rt.db);
    this.quotas = new Quotas(this.store);
  }

  env(): RenderEnv {
    const evsBase = this.rt.endpoints().evs;
    if (this.cachedEnv?.evsBase !== evsBase) {
      this.cachedEnv = { projectId: this.rt.account.projectId, userId: this.rt.account.userId, evsBase };
    }
    return this.cachedEnv;
  }

  /** "Now" in the resource time format. */
  stamp(ms = this.rt.clock.now()): string {
    return resourceTime(ms);
  }

  transaction<T>(fn: () => T): T {
    return this.rt.db.transaction(fn)();
  }
}
