import type { RequestHandler } from 'express';
import { ErrorCodes, type Role } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { currentUser } from './middleware.ts';

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return rank[actual] >= rank[needed];
}

/** viewer reads, operator also operates resources, admin also manages users, profiles and audit. */
export function requireRole(needed: Role): RequestHandler {
  return (req, _res, next) => {
    const user = currentUser(req);
    if (!hasRole(user.role, needed)) {
      throw new HttpError(403, ErrorCodes.forbidden, `This needs the ${needed} role; you are ${user.role}`);
    }
    next();
  };
}
