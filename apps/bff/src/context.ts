import type { Logger } from 'pino';
import type { Db } from './store/db.ts';
import { UserStore } from './auth/users.ts';
import { SessionStore } from './auth/sessions.ts';
import { Csrf } from './auth/csrf.ts';
import { AuditLog } from './audit/store.ts';
import { ProfileRegistry } from './profiles/registry.ts';
import type { CloudProfile } from './profiles/types.ts';
import { EventBus } from './events/bus.ts';
import { Viewers } from './events/viewers.ts';
import { BackupWatch } from './watch/backups.ts';
import { SqliteTaskStore, type TaskStore } from './tasks/store.ts';
import { defaultPollTiming, TaskService, type PollTiming } from './tasks/service.ts';
import { TaskTracker } from './tasks/tracker.ts';
import type { Probe } from './tasks/types.ts';
import { cloudProbe } from './tasks/probe.ts';
import { CloudAccess } from './cloud/access.ts';
import { CallLog } from './calls/store.ts';
import { ConsoleMetrics } from './metrics.ts';
import type { CloudHttpOptions } from '@console/cloud';

export interface ContextDeps {
  db: Db;
  log: Logger;
  profiles: CloudProfile[];
  /** How tasks learn outcomes; the cloud itself unless a test scripts it. */
  probe?: Probe;
  cloudHttp?: CloudHttpOptions;
  sessionIdleMinutes?: number;
  pollTiming?: PollTiming;
  /** How often backups made outside the console are looked for; 0 turns it off. */
  backupWatchMs?: number;
}

/** Everything the routes share, built once per process. */
export interface ConsoleContext {
  db: Db;
  log: Logger;
  users: UserStore;
  sessions: SessionStore;
  csrf: Csrf;
  audit: AuditLog;
  profiles: ProfileRegistry;
  bus: EventBus;
  taskStore: TaskStore;
  tasks: TaskService;
  tracker: TaskTracker;
  cloud: CloudAccess;
  calls: CallLog;
  metrics: ConsoleMetrics;
  viewers: Viewers;
  backupWatch: BackupWatch;
}

export function createContext(deps: ContextDeps): ConsoleContext {
  const profiles = new ProfileRegistry(deps.db, deps.profiles);
  const bus = new EventBus(deps.db);
  const calls = new CallLog(deps.db);
  const cloud = new CloudAccess(profiles, calls, deps.cloudHttp);
  const taskStore = new SqliteTaskStore(deps.db);
  // the service wakes the tracker when a task opens; the tracker exists before any task can start
  const tasks = new TaskService(taskStore, bus, deps.pollTiming ?? defaultPollTiming, (task) => {
    cloud.linkCurrentScope(task.id);
    tracker.kick();
  });
  const viewers = new Viewers();
  const tracker = new TaskTracker(taskStore, tasks, profiles, deps.probe ?? cloudProbe(cloud), deps.log);
  return {
    db: deps.db,
    log: deps.log,
    users: new UserStore(deps.db),
    sessions: new SessionStore(deps.db, (deps.sessionIdleMinutes ?? 720) * 60_000),
    csrf: new Csrf(deps.db),
    audit: new AuditLog(deps.db),
    profiles,
    bus,
    taskStore,
    tasks,
    tracker,
    cloud,
    calls,
    metrics: new ConsoleMetrics(deps.db, bus, cloud),
    viewers,
    backupWatch: new BackupWatch({ viewers, profiles, bus, clients: (p) => cloud.forProfile(p), log: deps.log }, deps.backupWatchMs ?? 30_000),
  };
}
