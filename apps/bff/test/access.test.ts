import { describe, expect, it, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { Role } from '@console/contract';
import type { UserStore } from '../src/auth/users.ts';
import { loginAs, makeApp, withUser, type LoggedIn } from './helpers.ts';
import { listRoutes } from './routes.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface RouteCase { route: string; method: Method; path: string; body?: object; min: Role | 'public' }

// The least role each route needs. Adding a route without adding it here fails the first test.
const matrix: RouteCase[] = [
  { route: 'GET /api/health', method: 'get', path: '/api/health', min: 'public' },
  { route: 'POST /api/v1/session', method: 'post', path: '/api/v1/session', body: { username: 'x', password: 'y' }, min: 'public' },
  { route: 'DELETE /api/v1/session', method: 'delete', path: '/api/v1/session', min: 'viewer' },
  { route: 'GET /api/v1/me', method: 'get', path: '/api/v1/me', min: 'viewer' },
  { route: 'GET /api/v1/profiles', method: 'get', path: '/api/v1/profiles', min: 'viewer' },
  { route: 'PUT /api/v1/me/profile', method: 'put', path: '/api/v1/me/profile', body: { profileId: 'emulator' }, min: 'viewer' },
  { route: 'PUT /api/v1/me/password', method: 'put', path: '/api/v1/me/password', body: { currentPassword: 'wrong', newPassword: 'another-password-1' }, min: 'viewer' },
  { route: 'GET /api/v1/users', method: 'get', path: '/api/v1/users', min: 'admin' },
  { route: 'POST /api/v1/users', method: 'post', path: '/api/v1/users', body: { username: 'matrix-new', role: 'viewer', password: 'a-long-password-1' }, min: 'admin' },
  { route: 'PATCH /api/v1/users/:username', method: 'patch', path: '/api/v1/users/nobody', body: { role: 'viewer' }, min: 'admin' },
  { route: 'DELETE /api/v1/users/:username', method: 'delete', path: '/api/v1/users/nobody', min: 'admin' },
  { route: 'GET /api/v1/audit', method: 'get', path: '/api/v1/audit', min: 'admin' },
];

const rank = { public: -1, viewer: 0, operator: 1, admin: 2 } as const;

describe('role matrix', () => {
  let app: Express;
  let users: UserStore;
  const as: Partial<Record<Role, LoggedIn>> = {};

  beforeAll(async () => {
    ({ app, users } = await makeApp());
    for (const role of ['viewer', 'operator'] as const) await withUser(users, role, role);
    as.admin = await loginAs(app);
    as.viewer = await loginAs(app, 'viewer', 'viewer-password-123');
    as.operator = await loginAs(app, 'operator', 'operator-password-123');
  });

  it('covers every route the BFF serves', () => {
    expect(listRoutes(app)).toEqual(matrix.map((c) => c.route).sort());
  });

  for (const c of matrix) {
    it(`${c.route} needs ${c.min}`, async () => {
      if (c.min !== 'public') {
        const anon = await request(app)[c.method](c.path).send(c.body ?? {});
        expect(anon.status).toBe(401);
      }
      for (const role of ['viewer', 'operator', 'admin'] as const) {
        if (c.route === 'DELETE /api/v1/session') continue; // would end the shared session
        const r = c.method === 'get' ? await as[role]!.get(c.path) : await as[role]!.send(c.method, c.path, c.body);
        if (rank[role] >= rank[c.min]) expect(r.status, `${role} on ${c.route}: ${JSON.stringify(r.body)}`).not.toBe(403);
        else {
          expect(r.status, `${role} on ${c.route}`).toBe(403);
          expect(r.body.error.code).toBe('FORBIDDEN');
        }
      }
    });
  }
});
