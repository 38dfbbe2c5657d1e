import type { RequestHandler, Request } from 'express';
import { parse as parseCookies } from 'cookie';
import { ErrorCodes } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { sessionCookie, type SessionStore } from './sessions.ts';
import type { User } from './users.ts';

const users = new WeakMap<Request, User>();

export function sessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookies(header)[sessionCookie] : undefined;
}

/** Every /api/v1 route behind this answers 401 without a live session. */
export function requireSession(sessions: SessionStore): RequestHandler {
  return (req, _res, next) => {
    const token = sessionToken(req);
    const user = token ? sessions.touch(token) : undefined;
    if (!user) throw new HttpError(401, ErrorCodes.unauthenticated, 'Log in to use the console API');
    users.set(req, user);
    next();
  };
}

export function currentUser(req: Request): User {
  const user = users.get(req);
  if (!user) throw new HttpError(401, ErrorCodes.unauthenticated, 'Log in to use the console API');
  return user;
}
