import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ErrorCodes } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { installationSecret, type Db } from '../store/db.ts';
import { sessionToken } from './middleware.ts';

export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF tokens are derived from the session token with a per-installation key, so nothing more is
 * stored and a token is worthless for any other session. The SPA gets it from /me and sends it as
 * X-CSRF-Token; a cross-site form cannot set that header.
 */
export class Csrf {
  private readonly key: Buffer;

  constructor(db: Db) {
    this.key = Buffer.from(installationSecret(db, 'csrf-key', () => randomBytes(32).toString('base64')), 'base64');
  }

  tokenFor(session: string): string {
    return createHmac('sha256', this.key).update(session).digest('base64url');
  }

  matches(session: string, given: string): boolean {
    const expected = Buffer.from(this.tokenFor(session));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** Mutating calls of a logged-in session must carry its token. */
  protect(): RequestHandler {
    return (req, _res, next) => {
      if (safeMethods.has(req.method)) return next();
      const session = sessionToken(req);
      const given = req.get(csrfHeader);
      if (!session) return next(); // no session: requireSession answers 401
      if (!given || !this.matches(session, given)) {
        throw new HttpError(403, ErrorCodes.csrf, 'Missing or wrong X-CSRF-Token header; reload the page');
      }
      next();
    };
  }
}
