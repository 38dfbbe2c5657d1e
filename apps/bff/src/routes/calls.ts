import { Router } from 'express';
import { z } from 'zod';
import { CallQuerySchema, ErrorCodes } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { currentUser } from '../auth/middleware.ts';
import { requireRole } from '../auth/roles.ts';
import type { CallLog } from '../calls/store.ts';
import type { ProfileRegistry } from '../profiles/registry.ts';

/** The API-call inspector: what the console asked of the cloud, for operators and admins. */
export function callRoutes(calls: CallLog, profiles: ProfileRegistry): Router {
  const router = Router();
  const visible = (req: Parameters<typeof currentUser>[0]) => profiles.visibleTo(currentUser(req)).map((p) => p.id);

  router.get('/calls', requireRole('operator'), (req, res) => {
    res.json(calls.query(parseWith(CallQuerySchema, req.query), visible(req)));
  });

  router.get('/calls/:id', requireRole('operator'), (req, res) => {
    const id = parseWith(z.coerce.number().int().positive(), req.params.id);
    const call = calls.get(id);
    if (!call || !visible(req).includes(call.profileId)) throw new HttpError(404, ErrorCodes.notFound, `No recorded call ${id}`);
    res.json(call);
  });

  return router;
}
