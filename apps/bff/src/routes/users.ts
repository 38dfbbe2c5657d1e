import { Router } from 'express';
import { CreateUserSchema, ErrorCodes, UpdateUserSchema, UsernameSchema, type User, type UserList } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { currentUser } from '../auth/middleware.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { SessionStore } from '../auth/sessions.ts';
import type { UserStore } from '../auth/users.ts';

const toUser = (r: { username: string; role: User['role']; created_at: number; updated_at: number }): User => ({
  username: r.username,
  role: r.role,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Console users, managed by admins. */
export function userRoutes(users: UserStore, sessions: SessionStore): Router {
  const router = Router();
  router.use('/users', requireRole('admin'));

  const find = (raw: string) => {
    const name = parseWith(UsernameSchema, raw);
    const row = users.list().find((u) => u.username === name);
    if (!row) throw new HttpError(404, ErrorCodes.notFound, `No console user "${name}"`);
    return row;
  };

  router.get('/users', (_req, res) => {
    const body: UserList = { items: users.list().map(toUser) };
    res.json(body);
  });

  router.post('/users', async (req, res) => {
    const input = parseWith(CreateUserSchema, req.body);
    describeAudit(res, 'user.create', input.username);
    if (!(await users.create(input.username, input.role, input.password))) {
      throw new HttpError(409, ErrorCodes.conflict, `A user named "${input.username}" already exists`, [{ path: 'username', message: 'already taken' }]);
    }
    res.status(201).json(toUser(find(input.username)));
  });

  router.patch('/users/:username', async (req, res) => {
    const row = find(req.params.username);
    const input = parseWith(UpdateUserSchema, req.body);
    describeAudit(res, 'user.update', row.username);
    if (input.role && input.role !== 'admin' && row.role === 'admin' && users.adminCount() === 1) {
      throw new HttpError(409, ErrorCodes.conflict, 'This is the last admin; make another admin first');
    }
    if (input.role) users.setRole(row.username, input.role);
    if (input.password) await users.setPassword(row.username, input.role ?? row.role, input.password);
    // A new role or password takes effect at once: the user logs in again.
    if (row.username !== currentUser(req).username) sessions.destroyAllFor(row.username);
    res.json(toUser(find(row.username)));
  });

  router.delete('/users/:username', (req, res) => {
    const row = find(req.params.username);
    describeAudit(res, 'user.delete', row.username);
    if (row.username === currentUser(req).username) throw new HttpError(409, ErrorCodes.conflict, 'You cannot delete your own account');
    if (row.role === 'admin' && users.adminCount() === 1) throw new HttpError(409, ErrorCodes.conflict, 'This is the last admin');
    users.remove(row.username);
    res.status(204).end();
  });

  return router;
}
