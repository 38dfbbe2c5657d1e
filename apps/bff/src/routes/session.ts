import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ErrorCodes, LoginRequestSchema, type MeResponse, type ProfileSummary } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { currentUser, requireSession, sessionToken } from '../auth/middleware.ts';
import { sessionCookie, type SessionStore } from '../auth/sessions.ts';
import type { User, UserStore } from '../auth/users.ts';

export interface SessionRouteDeps {
  users: UserStore;
  sessions: SessionStore;
  profile: () => ProfileSummary;
  secureCookies: boolean;
  loginAttemptsPerWindow?: number;
}

const loginWindowMs = 15 * 60_000;

export function sessionRoutes(deps: SessionRouteDeps): Router {
  const router = Router();
  const me = (user: User): MeResponse => ({ user, profile: deps.profile() });

  // Failed logins only, per client address and username: a guessing run is stopped without
  // locking out the real user from another address.
  const loginLimiter = rateLimit({
    windowMs: loginWindowMs,
    limit: deps.loginAttemptsPerWindow ?? 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? 'unknown')}|${typeof req.body?.username === 'string' ? req.body.username.toLowerCase() : ''}`,
    handler: (_req, _res, _next, options) => {
      throw new HttpError(429, ErrorCodes.rateLimited, 'Too many failed login attempts; try again later', undefined, {
        'Retry-After': String(Math.ceil(options.windowMs / 1000)),
      });
    },
  });

  router.post('/session', loginLimiter, async (req, res) => {
    const { username, password } = parseWith(LoginRequestSchema, req.body);
    const user = await deps.users.authenticate(username, password);
    if (!user) throw new HttpError(401, ErrorCodes.badCredentials, 'Wrong username or password');
    const token = deps.sessions.create(user.username);
    res.cookie(sessionCookie, token, { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/' });
    res.status(200).json(me(user));
  });

  router.delete('/session', (req, res) => {
    const token = sessionToken(req);
    if (token) deps.sessions.destroy(token);
    res.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/' });
    res.status(204).end();
  });

  router.get('/me', requireSession(deps.sessions), (req, res) => {
    res.json(me(currentUser(req)));
  });

  return router;
}
