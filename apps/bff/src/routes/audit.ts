import { Router } from 'express';
import { AuditQuerySchema } from '@console/contract';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import type { AuditLog } from '../audit/store.ts';

export function auditRoutes(log: AuditLog): Router {
  const router = Router();
  router.get('/audit', requireRole('admin'), (req, res) => {
    res.json(log.query(parseWith(AuditQuerySchema, req.query)));
  });
  return router;
}
