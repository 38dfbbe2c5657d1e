import { Router } from 'express';
import { ErrorCodes, TaskQuerySchema } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { currentUser } from '../auth/middleware.ts';
import type { ProfileRegistry } from '../profiles/registry.ts';
import type { TaskStore } from '../tasks/store.ts';

export function taskRoutes(store: TaskStore, profiles: ProfileRegistry): Router {
  const router = Router();

  router.get('/tasks', (req, res) => {
    const q = parseWith(TaskQuerySchema, req.query);
    const ids = profiles.visibleTo(currentUser(req)).map((p) => p.id);
    res.json(store.list(q, ids));
  });

  router.get('/tasks/:id', (req, res) => {
    const t = store.get(req.params.id);
    const visible = new Set(profiles.visibleTo(currentUser(req)).map((p) => p.id));
    if (!t || !visible.has(t.task.profileId)) throw new HttpError(404, ErrorCodes.notFound, `No task ${req.params.id}`);
    res.json(t.task);
  });

  return router;
}
