import type { RequestHandler, Response } from 'express';
import type { AuditLog } from './store.ts';
import { currentUser } from '../auth/middleware.ts';

interface AuditLocals {
  auditAction?: string;
  auditTarget?: string;
  auditSkip?: boolean;
  upstreamRequestId?: string;
  errorCode?: string;
  profileId?: string;
}

/** Routes name what they did; without a name the entry says method and route pattern. */
export function describeAudit(res: Response, action: string, target?: string): void {
  const locals = res.locals as AuditLocals;
  locals.auditAction = action;
  if (target !== undefined) locals.auditTarget = target;
}

export function noteUpstream(res: Response, requestId: string | undefined): void {
  if (requestId) (res.locals as AuditLocals).upstreamRequestId = requestId;
}

export function noteErrorCode(res: Response, code: string): void {
  (res.locals as AuditLocals).errorCode = code;
}

export function skipAudit(res: Response): void {
  (res.locals as AuditLocals).auditSkip = true;
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every mutating call of a logged-in user becomes one audit entry once its response is sent. */
export function auditMutations(log: AuditLog): RequestHandler {
  return (req, res, next) => {
    if (!mutating.has(req.method)) return next();
    res.on('finish', () => {
      const locals = res.locals as AuditLocals;
      if (locals.auditSkip) return;
      let username: string;
      try {
        username = currentUser(req).username;
      } catch {
        return; // refused before a user was known: nothing was done on anyone's behalf
      }
      // By the time the response is sent the router has unwound req.route and req.params.
      const path = req.originalUrl.split('?')[0];
      log.record({
        username,
        profileId: locals.profileId,
        action: locals.auditAction ?? `${req.method} ${path}`,
        target: locals.auditTarget,
        params: req.body && Object.keys(req.body).length ? req.body : undefined,
        result: res.statusCode < 400 ? 'ok' : 'error',
        httpStatus: res.statusCode,
        errorCode: locals.errorCode,
        upstreamRequestId: locals.upstreamRequestId,
      });
    });
    next();
  };
}
