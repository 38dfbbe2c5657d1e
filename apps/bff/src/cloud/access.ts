import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler, Response } from 'express';
import { createCloudClients, type CallRecord, type CloudClients, type CloudHttpOptions } from '@console/cloud';
import { currentUser } from '../auth/middleware.ts';
import { noteUpstream } from '../audit/middleware.ts';
import type { CallLog } from '../calls/store.ts';
import type { ProfileRegistry } from '../profiles/registry.ts';
import type { CloudProfile } from '../profiles/types.ts';

/** Who an upstream call is made for: a console request, or the tracker working on a task. */
interface CallScope {
  res?: Response;
  username?: string;
  taskId?: string;
  callIds: number[];
}

export type CallObserver = (record: CallRecord, profile: CloudProfile) => void;

/**
 * Cloud clients per profile, shared by every request. Each upstream call is written to the call
 * log with the request's user (or the task it polls for), and its request id goes on the request's
 * audit entry.
 */
export class CloudAccess {
  private readonly scope = new AsyncLocalStorage<CallScope>();
  private readonly clients = new Map<string, CloudClients>();
  private readonly observers = new Set<CallObserver>();

  constructor(
    private readonly profiles: ProfileRegistry,
    private readonly calls: CallLog,
    private readonly httpOptions: CloudHttpOptions = {},
  ) {}

  /** Runs the rest of a console request inside a scope that upstream calls can find. */
  middleware(): RequestHandler {
    return (req, res, next) => this.scope.run({ res, username: currentUser(req).username, callIds: [] }, next);
  }

  runForTask<T>(taskId: string, username: string, fn: () => Promise<T>): Promise<T> {
    return this.scope.run({ taskId, username, callIds: [] }, fn);
  }

  /** The calls made so far in this request belong to this task, and so do later ones. */
  linkCurrentScope(taskId: string): void {
    const s = this.scope.getStore();
    if (!s) return;
    this.calls.linkTask(s.callIds, taskId);
    s.taskId ??= taskId;
  }

  observe(o: CallObserver): () => void {
    this.observers.add(o);
    return () => this.observers.delete(o);
  }

  forProfile(profile: CloudProfile): CloudClients {
    let c = this.clients.get(profile.id);
    if (!c) {
      c = createCloudClients(profile, { captureBodies: true, ...this.httpOptions, onCall: (record) => this.onCall(record, profile) });
      this.clients.set(profile.id, c);
    }
    return c;
  }

  /** The clients and profile of the user's active profile. */
  forRequest(req: Request): { clients: CloudClients; profile: CloudProfile } {
    const profile = this.profiles.activeFor(currentUser(req));
    return { clients: this.forProfile(profile), profile };
  }

  private onCall(record: CallRecord, profile: CloudProfile): void {
    const s = this.scope.getStore();
    const id = this.calls.record(record, { profileId: profile.id, taskId: s?.taskId, username: s?.username });
    if (s) {
      s.callIds.push(id);
      if (s.res) {
        noteUpstream(s.res, record.requestId);
        s.res.locals.profileId = profile.id;
      }
    }
    for (const o of this.observers) o(record, profile);
    this.httpOptions.onCall?.(record);
  }
}
