import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler, Response } from 'express';
import { createCloudClients, type CallRecord, type CloudClients, type CloudHttpOptions } from '@console/cloud';
import { currentUser } from '../auth/middleware.ts';
import { noteUpstream } from '../audit/middleware.ts';
import type { ProfileRegistry } from '../profiles/registry.ts';
import type { CloudProfile } from '../profiles/types.ts';

interface CallScope {
  res: Response;
}

export type CallObserver = (record: CallRecord, profile: CloudProfile) => void;

/**
 * Cloud clients per profile, shared by every request. Each upstream call made while serving a
 * console request leaves its request id on that request's audit entry.
 */
export class CloudAccess {
  private readonly scope = new AsyncLocalStorage<CallScope>();
  private readonly clients = new Map<string, CloudClients>();
  private readonly observers = new Set<CallObserver>();

  constructor(private readonly profiles: ProfileRegistry, private readonly httpOptions: CloudHttpOptions = {}) {}

  /** Runs the rest of the request inside a scope that upstream calls can find. */
  middleware(): RequestHandler {
    return (_req, res, next) => this.scope.run({ res }, next);
  }

  observe(o: CallObserver): () => void {
    this.observers.add(o);
    return () => this.observers.delete(o);
  }

  forProfile(profile: CloudProfile): CloudClients {
    let c = this.clients.get(profile.id);
    if (!c) {
      c = createCloudClients(profile, {
        ...this.httpOptions,
        onCall: (record) => {
          const scope = this.scope.getStore();
          if (scope) {
            noteUpstream(scope.res, record.requestId);
            scope.res.locals.profileId = profile.id;
          }
          for (const o of this.observers) o(record, profile);
          this.httpOptions.onCall?.(record);
        },
      });
      this.clients.set(profile.id, c);
    }
    return c;
  }

  /** The clients and profile of the user's active profile. */
  forRequest(req: Request): { clients: CloudClients; profile: CloudProfile } {
    const profile = this.profiles.activeFor(currentUser(req));
    return { clients: this.forProfile(profile), profile };
  }
}
