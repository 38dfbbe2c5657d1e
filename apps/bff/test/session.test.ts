import { describe, expect, it, beforeEach } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { openDb, type Db } from '../src/store/db.ts';
import { bootstrapAdmin, UserStore } from '../src/auth/users.ts';
import { summarize } from '../src/profiles/types.ts';
import { adminPassword, makeApp, testProfile } from './helpers.ts';

const profile = summarize(testProfile('emulator'));
const login = (app: Express, password = adminPassword, username = 'admin') =>
  request(app).post('/api/v1/session').send({ username, password });

describe('console session API', () => {
  let app: Express;
  let db: Db;
  beforeEach(async () => ({ app, db } = await makeApp()));

  it('reports health without a session', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(typeof res.body.uptimeSeconds).toBe('number');
  });

  it('answers 401 in the one error shape for /api/v1 routes without a session', async () => {
    for (const path of ['/api/v1/me', '/api/v1/disks', '/api/v1/anything/else']) {
      const res = await request(app).get(path).expect(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('logs in, sets an httpOnly SameSite cookie, serves /me, and logs out', async () => {
    const res = await login(app).expect(200);
    expect(res.body).toEqual({ user: { username: 'admin', role: 'admin' }, profile, csrfToken: expect.any(String) });
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^console_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const jar = cookie.split(';')[0]!;

    const me = await request(app).get('/api/v1/me').set('Cookie', jar).expect(200);
    expect(me.body).toEqual(res.body);
    await request(app).delete('/api/v1/session').set('Cookie', jar).set('X-CSRF-Token', res.body.csrfToken).expect(204);
    await request(app).get('/api/v1/me').set('Cookie', jar).expect(401);
  });

  it('refuses a wrong password and an unknown user the same way', async () => {
    const wrong = await login(app, 'nope').expect(401);
    const unknown = await login(app, adminPassword, 'mallory').expect(401);
    expect(wrong.body.error.code).toBe('BAD_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('names each invalid field with a 400', async () => {
    const res = await request(app).post('/api/v1/session').send({ username: '', password: 42 }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'username' }), expect.objectContaining({ path: 'password' })]),
    );
  });

  it('answers malformed JSON and oversized bodies with 4xx, never 500', async () => {
    await request(app).post('/api/v1/session').set('Content-Type', 'application/json').send('{"username":').expect(400);
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) });
    await request(app).post('/api/v1/session').set('Content-Type', 'application/json').send(big).expect(413);
  });

  it('stores only hashes of passwords and session tokens', async () => {
    const res = await login(app).expect(200);
    const token = (res.headers['set-cookie']?.[0] ?? '').split(';')[0]!.split('=')[1]!;
    const dump = JSON.stringify([db.prepare('SELECT * FROM users').all(), db.prepare('SELECT * FROM sessions').all()]);
    expect(dump).not.toContain(adminPassword);
    expect(dump).not.toContain(token);
    expect(dump).toMatch(/scrypt\$/);
  });

  it('answers unknown API routes with a JSON 404 once logged in', async () => {
    const jar = ((await login(app)).headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const res = await request(app).get('/api/v1/no-such-thing').set('Cookie', jar).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('login rate limit', () => {
  it('stops repeated failures with 429 and Retry-After, while successes do not count', async () => {
    const { app } = await makeApp({ loginAttemptsPerWindow: 3 });
    await login(app).expect(200);
    for (let i = 0; i < 3; i++) await login(app, 'wrong').expect(401);
    const res = await login(app, 'wrong').expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // The correct password is refused too while the window lasts: the limiter runs before checking.
    await login(app).expect(429);
    // Another username from the same address is a separate budget.
    await login(app, 'x', 'someone').expect(401);
  });
});

describe('admin bootstrap', () => {
  it('generates a password once when none is configured, then keeps it', async () => {
    const db = openDb(':memory:');
    const users = new UserStore(db);
    const first = await bootstrapAdmin(users, undefined);
    expect(first.kind).toBe('generated');
    if (first.kind !== 'generated') return;
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    expect(await users.authenticate('admin', first.password)).toEqual({ username: 'admin', role: 'admin' });
    expect((await bootstrapAdmin(users, undefined)).kind).toBe('existing');
    expect(await users.authenticate('admin', first.password)).toBeDefined();
  });

  it('applies CONSOLE_ADMIN_PASSWORD at every start', async () => {
    const db = openDb(':memory:');
    const users = new UserStore(db);
    await bootstrapAdmin(users, 'first-password');
    await bootstrapAdmin(users, 'second-password');
    expect(await users.authenticate('admin', 'first-password')).toBeUndefined();
    expect(await users.authenticate('admin', 'second-password')).toBeDefined();
  });
});

describe('OpenAPI document', () => {
  it('documents every contract route with its schemas and required role', async () => {
    const { app } = await makeApp();
    const admin = await (await import('./helpers.ts')).loginAs(app);
    const doc = (await admin.get('/api/v1/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/users/{username}'].patch['x-required-role']).toBe('admin');
    expect(doc.paths['/api/v1/session'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(doc.paths['/api/v1/audit'].get.parameters.map((p: { name: string }) => p.name)).toContain('limit');
    expect(doc.paths['/api/v1/events'].get.responses['200'].content).toHaveProperty('text/event-stream');
  });
});
