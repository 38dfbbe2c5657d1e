import type { Runtime } from '../runtime.ts';
import { Statements } from '../store/db.ts';
import type { Evs } from './evs/model/evs.ts';

/**
 * What the services built on EVS's disks share: cached prepared statements, the emulator clock,
 * and transactions on the one store.
 */
export abstract class DiskBackedService {
  readonly s: Statements;

  constructor(readonly rt: Runtime, readonly evs: Evs) {
    this.s = new Statements(rt.db);
  }

  now(): number {
    return this.rt.clock.now();
  }

  transaction<T>(fn: () => T): T {
    return this.rt.db.transaction(fn)();
  }
}
