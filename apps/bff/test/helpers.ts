import request from 'supertest';
import { pino } from 'pino';
import type { Express } from 'express';
import { createApp, type AppOptions } from '../src/app.ts';
import { createContext, type ConsoleContext } from '../src/context.ts';
import type { Probe } from '../src/tasks/types.ts';
import { openDb, type Db } from '../src/store/db.ts';
import type { UserStore } from '../src/auth/users.ts';
import { bootstrapAdmin } from '../src/auth/users.ts';
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

export interface TestAppOptions extends AppOptions {
  profiles?: CloudProfile[];
  probe?: Probe;
  dbFile?: string;
}

export async function makeApp(opts: TestAppOptions = {}): Promise<{ app: Express; db: Db; users: UserStore; ctx: ConsoleContext }> {
  const db = openDb(opts.dbFile ?? ':memory:');
  const ctx = createContext({
    db,
    log: pino({ level: 'silent' }),
    profiles: opts.profiles ?? [testProfile('emulator')],
    ...(opts.probe ? { probe: opts.probe } : {}),
    pollTiming: { firstMs: 10, factor: 1.5, maxMs: 40 },
  });
  await bootstrapAdmin(ctx.users, adminPassword);
  const app = createApp(ctx, opts);
  return { app, db, users: ctx.users, ctx };
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
