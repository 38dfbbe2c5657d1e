import { describe, expect, it, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { apiRoutes, type Role } from '@console/contract';
import type { UserStore } from '../src/auth/users.ts';
import { loginAs, makeApp, withUser, type LoggedIn } from './helpers.ts';
import { listRoutes } from './routes.ts';
import { listen, SseClient } from './sse.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface RouteCase { route: string; method: Method; path: string; body?: object; min: Role | 'public'; stream?: boolean }

// A concrete call for each route the contract declares; the least role comes from the contract.
const examples: Record<string, { path?: string; body?: object }> = {
  'POST /api/v1/session': { body: { username: 'x', password: 'y' } },
  'PUT /api/v1/me/profile': { body: { profileId: 'emulator' } },
  'PUT /api/v1/me/password': { body: { currentPassword: 'wrong', newPassword: 'another-password-1' } },
  'POST /api/v1/users': { body: { username: 'matrix-new', role: 'viewer', password: 'a-long-password-1' } },
  'PATCH /api/v1/users/:username': { path: '/api/v1/users/nobody', body: { role: 'viewer' } },
  'DELETE /api/v1/users/:username': { path: '/api/v1/users/nobody' },
  'GET /api/v1/tasks/:id': { path: '/api/v1/tasks/nope' },
  'GET /api/v1/calls/:id': { path: '/api/v1/calls/999999' },
  'POST /api/v1/emulator/faults': { body: { kind: 'latency', fixedMs: 1 } },
  'DELETE /api/v1/emulator/faults/:id': { path: '/api/v1/emulator/faults/abcdef' },
  'POST /api/v1/emulator/clock': { body: { action: 'resume' } },
  'POST /api/v1/emulator/seed': { body: { set: 'scale' } },
  'PUT /api/v1/emulator/quotas': { body: { volumes: -1 } },
  'POST /api/v1/disks': { body: { availabilityZone: 'cn-north-4a', type: 'SSD', sizeGiB: 10 } },
  'POST /api/v1/disks/batch-delete': { body: { ids: ['nope'] } },
  'GET /api/v1/disks/:id': { path: '/api/v1/disks/nope' },
  'PATCH /api/v1/disks/:id': { path: '/api/v1/disks/nope', body: { name: 'renamed' } },
  'DELETE /api/v1/disks/:id': { path: '/api/v1/disks/nope' },
  'POST /api/v1/disks/:id/expand': { path: '/api/v1/disks/nope/expand', body: { newSizeGiB: 20 } },
  'PUT /api/v1/disks/:id/qos': { path: '/api/v1/disks/nope/qos', body: { iops: 3000 } },
  'PUT /api/v1/disks/:id/tags': { path: '/api/v1/disks/nope/tags', body: { tags: { env: 'dev' } } },
  'POST /api/v1/snapshots': { body: { diskId: 'nope', name: 'snap' } },
  'POST /api/v1/snapshots/batch-delete': { body: { ids: ['nope'] } },
  'GET /api/v1/snapshots/:id': { path: '/api/v1/snapshots/nope' },
  'PATCH /api/v1/snapshots/:id': { path: '/api/v1/snapshots/nope', body: { name: 'renamed' } },
  'DELETE /api/v1/snapshots/:id': { path: '/api/v1/snapshots/nope' },
  'POST /api/v1/snapshots/:id/rollback': { path: '/api/v1/snapshots/nope/rollback', body: {} },
  'POST /api/v1/vaults': { body: { name: 'v', protectedType: 'disk', sizeGiB: 10 } },
  'GET /api/v1/vaults/:id': { path: '/api/v1/vaults/nope' },
  'PATCH /api/v1/vaults/:id': { path: '/api/v1/vaults/nope', body: { name: 'renamed' } },
  'DELETE /api/v1/vaults/:id': { path: '/api/v1/vaults/nope' },
  'POST /api/v1/vaults/:id/resources': { path: '/api/v1/vaults/nope/resources', body: { resources: [{ id: 'nope' }] } },
  'POST /api/v1/vaults/:id/resources/remove': { path: '/api/v1/vaults/nope/resources/remove', body: { resourceIds: ['nope'] } },
  'PUT /api/v1/vaults/:id/policy': { path: '/api/v1/vaults/nope/policy', body: { policyId: 'nope' } },
  'DELETE /api/v1/vaults/:id/policy': { path: '/api/v1/vaults/nope/policy' },
  'POST /api/v1/vaults/:id/backup': { path: '/api/v1/vaults/nope/backup', body: {} },
  'PUT /api/v1/vaults/:id/tags': { path: '/api/v1/vaults/nope/tags', body: { tags: [{ key: 'env', value: 'prod' }] } },
  'POST /api/v1/policies': { body: { name: 'p', schedule: ['FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=00'], retention: { maxBackups: 1 } } },
  'GET /api/v1/policies/:id': { path: '/api/v1/policies/nope' },
  'PATCH /api/v1/policies/:id': { path: '/api/v1/policies/nope', body: { enabled: false } },
  'DELETE /api/v1/policies/:id': { path: '/api/v1/policies/nope' },
  'POST /api/v1/backups/batch-delete': { body: { ids: ['nope'] } },
  'GET /api/v1/backups/:id': { path: '/api/v1/backups/nope' },
  'DELETE /api/v1/backups/:id': { path: '/api/v1/backups/nope' },
  'POST /api/v1/backups/:id/restore': { path: '/api/v1/backups/nope/restore', body: {} },
  'GET /api/v1/backups/:id/members': { path: '/api/v1/backups/nope/members' },
  'POST /api/v1/backups/:id/members': { path: '/api/v1/backups/nope/members', body: { projectIds: ['0123456789abcdef0123456789abcdef'] } },
  'DELETE /api/v1/backups/:id/members/:projectId': { path: '/api/v1/backups/nope/members/0123456789abcdef0123456789abcdef' },
  'POST /api/v1/vbs/backups': { body: { diskId: 'nope', name: 'b1' } },
  'POST /api/v1/vbs/backups/:id/restore': { path: '/api/v1/vbs/backups/nope/restore', body: { diskId: 'nope' } },
  'DELETE /api/v1/vbs/backups/:id': { path: '/api/v1/vbs/backups/nope' },
  'POST /api/v1/vbs/policies': { body: { name: 'p', startTimes: ['01:00'], frequencyDays: 1, retentionCount: 2 } },
  'PATCH /api/v1/vbs/policies/:id': { path: '/api/v1/vbs/policies/nope', body: { enabled: false } },
  'DELETE /api/v1/vbs/policies/:id': { path: '/api/v1/vbs/policies/nope' },
  'POST /api/v1/vbs/policies/:id/bind': { path: '/api/v1/vbs/policies/nope/bind', body: { diskIds: ['nope'] } },
  'POST /api/v1/vbs/policies/:id/unbind': { path: '/api/v1/vbs/policies/nope/unbind', body: { diskIds: ['nope'] } },
  'POST /api/v1/servers': {
    body: { name: 'web', flavorId: 's3.large.2', imageId: 'img-1', vpcId: 'vpc-1', nics: [{ subnetId: 'subnet-1' }], rootVolume: { type: 'SSD' } },
  },
  'POST /api/v1/servers/batch-action': { body: { action: 'stop', ids: ['nope'] } },
  'POST /api/v1/servers/batch-delete': { body: { ids: ['nope'] } },
  'GET /api/v1/servers/:id': { path: '/api/v1/servers/nope' },
  'PATCH /api/v1/servers/:id': { path: '/api/v1/servers/nope', body: { name: 'renamed' } },
  'POST /api/v1/servers/:id/resize': { path: '/api/v1/servers/nope/resize', body: { flavorId: 's3.large.2' } },
  'POST /api/v1/servers/:id/confirm-resize': { path: '/api/v1/servers/nope/confirm-resize' },
  'POST /api/v1/servers/:id/revert-resize': { path: '/api/v1/servers/nope/revert-resize' },
  'POST /api/v1/servers/:id/lock': { path: '/api/v1/servers/nope/lock' },
  'POST /api/v1/servers/:id/unlock': { path: '/api/v1/servers/nope/unlock' },
  'GET /api/v1/servers/:id/volumes': { path: '/api/v1/servers/nope/volumes' },
  'POST /api/v1/servers/:id/volumes': { path: '/api/v1/servers/nope/volumes', body: { diskId: 'nope' } },
  'DELETE /api/v1/servers/:id/volumes/:diskId': { path: '/api/v1/servers/nope/volumes/nope' },
  'GET /api/v1/servers/:id/console-log': { path: '/api/v1/servers/nope/console-log' },
  'POST /api/v1/servers/:id/reinstall': { path: '/api/v1/servers/nope/reinstall', body: {} },
  'POST /api/v1/servers/:id/change-os': { path: '/api/v1/servers/nope/change-os', body: { imageId: 'nope' } },
  'PUT /api/v1/servers/:id/tags': { path: '/api/v1/servers/nope/tags', body: { tags: { env: 'dev' } } },
  'GET /api/v1/servers/:id/nics': { path: '/api/v1/servers/nope/nics' },
  'GET /api/v1/servers/:id/security-groups': { path: '/api/v1/servers/nope/security-groups' },
  'GET /api/v1/servers/:id/operations': { path: '/api/v1/servers/nope/operations' },
};

const matrix: RouteCase[] = apiRoutes.map((r) => {
  const route = `${r.method} ${r.path}`;
  const ex = examples[route] ?? {};
  return {
    route,
    method: r.method.toLowerCase() as Method,
    path: ex.path ?? r.path,
    ...(ex.body ? { body: ex.body } : {}),
    min: r.role,
    ...(r.stream ? { stream: true } : {}),
  };
});

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

  it('serves exactly the routes the contract declares', () => {
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
        if (c.stream) {
          const srv = await listen(app);
          const sse = await SseClient.open(srv.url, as[role]!.cookie);
          const status = sse.res?.statusCode;
          sse.close();
          await srv.close();
          expect(status).toBe(rank[role] >= rank[c.min] ? 200 : 403);
          continue;
        }
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
