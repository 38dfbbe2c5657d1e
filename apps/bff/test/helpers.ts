import request from 'supertest';
import { pino } from 'pino';
import type { Express } from 'express';
import { createApp } from '../src/app.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { bootstrapAdmin, UserStore } from '../src/auth/users.ts';
import { makeCredentials, type CloudProfile } from '../src/profiles/types.ts';
import { endpointsFor } from '../src/profiles/load.ts';
import type { Role } from '@console/contract';

export const adminPassword = 'correct horse battery';
export const testSecretKey = 'TEST-SECRET-KEY-must-never-leak-0123456789';

export function testProfile(id: string, extra: Partial<CloudProfile> = {}): CloudProfile {
  return {
    id,
    name: `Profile ${id}`,
    region: 'cn-north-4',
    projectId: 'a'.repeat(32),
    credentials: makeCredentials(`AK-${id}`, testSecretKey, `TOKEN-${id}-secret`),
    endpoints: endpointsFor('cn-north-4', 'http://127.0.0.1:1/{service}'),
    emulator: id === 'emulator',
    ...extra,
  };
}

export async function makeApp(opts: { loginAttemptsPerWindow?: number; profiles?: CloudProfile[] } = {}): Promise<{ app: Express; db: Db; users: UserStore }> {
  const db = openDb(':memory:');
  const users = new UserStore(db);
  await bootstrapAdmin(users, adminPassword);
  const app = createApp({
    db,
    log: pino({ level: 'silent' }),
    profiles: opts.profiles ?? [testProfile('emulator')],
    ...(opts.loginAttemptsPerWindow ? { loginAttemptsPerWindow: opts.loginAttemptsPerWindow } : {}),
  });
  return { app, db, users };
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  get(path: string): request.Test;
  send(method: 'post' | 'put' | 'patch' | 'delete', path: string, body?: object): request.Test;
}

export async function loginAs(app: Express, username = 'admin', password = adminPassword): Promise<LoggedIn> {
  const res = await request(app).post('/api/v1/session').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = (res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  const csrf = res.body.csrfToken as string;
  return {
    cookie,
    csrf,
    get: (path) => request(app).get(path).set('Cookie', cookie),
    send: (method, path, body) => {
      const r = request(app)[method](path).set('Cookie', cookie).set('X-CSRF-Token', csrf);
      return body ? r.send(body) : r;
    },
  };
}

export async function withUser(users: UserStore, username: string, role: Role, password = `${username}-password-123`) {
  await users.create(username, role, password);
  return password;
}
