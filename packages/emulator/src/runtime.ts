import type { Account } from './auth/account.ts';
import type { TokenService } from './auth/tokens.ts';
import type { Durations, VirtualClock } from './clock/clock.ts';
import type { Scheduler } from './clock/scheduler.ts';
import type { Faults } from './faults/faults.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { Db } from './store/db.ts';

export type ServiceName = 'iam' | 'evs' | 'ecs' | 'cbr' | 'vbs' | 'ims' | 'vpc';

/** Everything a service needs from the emulator, created once per running instance. */
export interface Runtime {
  readonly account: Account;
  readonly db: Db;
  readonly clock: VirtualClock;
  readonly durations: Durations;
  readonly scheduler: Scheduler;
  readonly jobs: Jobs;
  readonly faults: Faults;
  readonly tokens: TokenService;
  /** Base URL of every service; known once the server listens. */
  endpoints(): Record<ServiceName, string>;
  log(message: string): void;
  onError(err: unknown): void;
}
