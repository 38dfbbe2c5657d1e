import { Router } from 'express';
import { ChangeOwnPasswordSchema, ErrorCodes, ProfileListSchema, SwitchProfileSchema, type ProfileList } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { currentUser, sessionToken } from '../auth/middleware.ts';
import { sessionCookie } from '../auth/sessions.ts';
import { describeAudit } from '../audit/middleware.ts';
import { summarize } from '../profiles/types.ts';
import { cookieOptions, meBody, type SessionRouteDeps } from './session.ts';

/** The logged-in user's own session, profile choice and password. */
export function meRoutes(deps: SessionRouteDeps): Router {
  const router = Router();

  router.get('/me', (req, res) => {
    res.json(meBody(deps, currentUser(req), sessionToken(req)!));
  });

  router.delete('/session', (req, res) => {
    describeAudit(res, 'session.logout');
    deps.sessions.destroy(sessionToken(req)!);
    res.clearCookie(sessionCookie, cookieOptions(deps.secureCookies));
    res.status(204).end();
  });

  router.get('/profiles', (req, res) => {
    const user = currentUser(req);
    const body: ProfileList = { items: deps.profiles.visibleTo(user).map(summarize), activeId: deps.profiles.activeFor(user).id };
    res.json(ProfileListSchema.parse(body));
  });

  router.put('/me/profile', (req, res) => {
    const { profileId } = parseWith(SwitchProfileSchema, req.body);
    describeAudit(res, 'profile.switch', profileId);
    const user = currentUser(req);
    if (!deps.profiles.setActive(user, profileId)) {
      throw new HttpError(404, ErrorCodes.notFound, `No cloud profile "${profileId}" is open to you`);
    }
    res.json(meBody(deps, user, sessionToken(req)!));
  });

  router.put('/me/password', async (req, res) => {
    const { currentPassword, newPassword } = parseWith(ChangeOwnPasswordSchema, req.body);
    const user = currentUser(req);
    describeAudit(res, 'user.password.change', user.username);
    if (!(await deps.users.authenticate(user.username, currentPassword))) {
      throw new HttpError(400, ErrorCodes.validation, 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
    }
    await deps.users.setPassword(user.username, user.role, newPassword);
    // Other sessions of this user end; this one stays.
    deps.sessions.destroyOthers(user.username, sessionToken(req)!);
    res.status(204).end();
  });

  return router;
}
