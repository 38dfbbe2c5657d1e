import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ErrorCodes, LoginRequestSchema, type MeResponse } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { sessionCookie, type SessionStore } from '../auth/sessions.ts';
import type { User, UserStore } from '../auth/users.ts';
import type { Csrf } from '../auth/csrf.ts';
import type { AuditLog } from '../audit/store.ts';
import type { ProfileRegistry } from '../profiles/registry.ts';
import { summarize } from '../profiles/types.ts';

export interface SessionRouteDeps {
  users: UserStore;
  sessions: SessionStore;
  profiles: ProfileRegistry;
  csrf: Csrf;
  audit: AuditLog;
  secureCookies: boolean;
  loginAttemptsPerWindow?: number;
  onLoginFailure?: () => void;
}

const loginWindowMs = 15 * 60_000;

export function meBody(deps: Pick<SessionRouteDeps, 'profiles' | 'csrf'>, user: User, session: string): MeResponse {
  return { user, profile: summarize(deps.profiles.activeFor(user)), csrfToken: deps.csrf.tokenFor(session) };
}

export function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
}

/** Logging in: the only /api/v1 call made without a session. */
export function loginRoutes(deps: SessionRouteDeps): Router {
  const router = Router();

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
      deps.onLoginFailure?.();
      throw new HttpError(429, ErrorCodes.rateLimited, 'Too many failed login attempts; try again later', undefined, {
        'Retry-After': String(Math.ceil(options.windowMs / 1000)),
      });
    },
  });

  router.post('/session', loginLimiter, async (req, res) => {
    const { username, password } = parseWith(LoginRequestSchema, req.body);
    const user = await deps.users.authenticate(username, password);
    if (!user) {
      deps.onLoginFailure?.();
      deps.audit.record({ username, action: 'session.login', result: 'error', httpStatus: 401, errorCode: ErrorCodes.badCredentials, params: { ip: req.ip } });
      throw new HttpError(401, ErrorCodes.badCredentials, 'Wrong username or password');
    }
    const token = deps.sessions.create(user.username);
    deps.audit.record({ username: user.username, action: 'session.login', result: 'ok', httpStatus: 200, params: { ip: req.ip } });
    res.cookie(sessionCookie, token, cookieOptions(deps.secureCookies));
    res.status(200).json(meBody(deps, user, token));
  });

  return router;
}
