import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { loginAs, makeApp, testProfile, testSecretKey, withUser } from './helpers.ts';

describe('CSRF', () => {
  it('refuses a mutating call without the session token header, and with another session\'s token', async () => {
    const { app } = await makeApp();
    const admin = await loginAs(app);
    const other = await loginAs(app);
    const body = { username: 'csrf-user', role: 'viewer', password: 'a-long-password-1' };

    const bare = await request(app).post('/api/v1/users').set('Cookie', admin.cookie).send(body);
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('CSRF_FAILED');
    const crossed = await request(app).post('/api/v1/users').set('Cookie', admin.cookie).set('X-CSRF-Token', other.csrf).send(body);
    expect(crossed.status).toBe(403);
    expect(other.csrf).not.toBe(admin.csrf);

    // reads need no token; the right token works
    await admin.get('/api/v1/users').expect(200);
    await admin.send('post', '/api/v1/users', body).expect(201);
  });
});

describe('console users', () => {
  it('lets an admin create, re-role and delete users, and keeps the last admin', async () => {
    const { app } = await makeApp();
    const admin = await loginAs(app);
    await admin.send('post', '/api/v1/users', { username: 'Alice', role: 'operator', password: 'alice-password-1' }).expect(201, );
    const dup = await admin.send('post', '/api/v1/users', { username: 'alice', role: 'viewer', password: 'alice-password-2' }).expect(409);
    expect(dup.body.error.fields[0].path).toBe('username');
    const weak = await admin.send('post', '/api/v1/users', { username: 'bob', role: 'viewer', password: 'short' }).expect(400);
    expect(weak.body.error.fields).toEqual([{ path: 'password', message: 'at least 12 characters' }]);

    const alice = await loginAs(app, 'alice', 'alice-password-1');
    await alice.get('/api/v1/users').expect(403);
    await admin.send('patch', '/api/v1/users/alice', { role: 'admin' }).expect(200);
    // a role change ends the user's sessions
    await alice.get('/api/v1/me').expect(401);
    const alice2 = await loginAs(app, 'alice', 'alice-password-1');
    await alice2.get('/api/v1/users').expect(200);

    await admin.send('delete', '/api/v1/users/admin').expect(409);
    await alice2.send('delete', '/api/v1/users/admin').expect(204);
    await alice2.send('patch', '/api/v1/users/alice', { role: 'viewer' }).expect(409);
    const list = await alice2.get('/api/v1/users').expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(['alice']);
  });

  it('changes the own password only with the current one, ending other sessions', async () => {
    const { app } = await makeApp();
    const a = await loginAs(app);
    const b = await loginAs(app);
    const wrong = await a.send('put', '/api/v1/me/password', { currentPassword: 'nope', newPassword: 'brand-new-password' }).expect(400);
    expect(wrong.body.error.fields[0].path).toBe('currentPassword');
    await a.send('put', '/api/v1/me/password', { currentPassword: 'correct horse battery', newPassword: 'brand-new-password' }).expect(204);
    await a.get('/api/v1/me').expect(200);
    await b.get('/api/v1/me').expect(401);
    await loginAs(app, 'admin', 'brand-new-password');
  });
});

describe('cloud profiles', () => {
  it('lists the profiles a user may use and remembers the choice per user', async () => {
    const { app, users } = await makeApp({ profiles: [testProfile('emulator'), testProfile('prod', { allowedUsers: ['ops'] })] });
    await withUser(users, 'ops', 'operator');
    await withUser(users, 'guest', 'viewer');
    const ops = await loginAs(app, 'ops', 'ops-password-123');
    const guest = await loginAs(app, 'guest', 'guest-password-123');

    expect((await ops.get('/api/v1/profiles')).body).toMatchObject({ activeId: 'emulator', items: [{ id: 'emulator' }, { id: 'prod' }] });
    expect((await guest.get('/api/v1/profiles')).body.items.map((p: { id: string }) => p.id)).toEqual(['emulator']);

    const switched = await ops.send('put', '/api/v1/me/profile', { profileId: 'prod' }).expect(200);
    expect(switched.body.profile.id).toBe('prod');
    expect((await ops.get('/api/v1/me')).body.profile.id).toBe('prod');
    expect((await guest.get('/api/v1/me')).body.profile.id).toBe('emulator');
    await guest.send('put', '/api/v1/me/profile', { profileId: 'prod' }).expect(404);
    await guest.send('put', '/api/v1/me/profile', {}).expect(400);
  });
});

describe('audit log', () => {
  it('records who did what to which target, with the result and without secrets', async () => {
    const { app } = await makeApp();
    const admin = await loginAs(app);
    await request(app).post('/api/v1/session').send({ username: 'admin', password: 'bad guess' }).expect(401);
    await admin.send('post', '/api/v1/users', { username: 'carol', role: 'viewer', password: 'carol-secret-password' }).expect(201);
    await admin.send('post', '/api/v1/users', { username: 'carol', role: 'viewer', password: 'carol-secret-password' }).expect(409);

    const page = await admin.get('/api/v1/audit?limit=10').expect(200);
    const [dupe, created, failedLogin, login] = page.body.items;
    expect(created).toMatchObject({ username: 'admin', action: 'user.create', target: 'carol', result: 'ok', httpStatus: 201, profileId: null });
    expect(created.params).toEqual({ username: 'carol', role: 'viewer', password: '[redacted]' });
    expect(dupe).toMatchObject({ action: 'user.create', result: 'error', httpStatus: 409, errorCode: 'CONFLICT' });
    expect(failedLogin).toMatchObject({ username: 'admin', action: 'session.login', result: 'error' });
    expect(login).toMatchObject({ action: 'session.login', result: 'ok' });
    expect(JSON.stringify(page.body)).not.toContain('carol-secret-password');

    const errorsOnly = await admin.get('/api/v1/audit?result=error').expect(200);
    expect(errorsOnly.body.items.every((e: { result: string }) => e.result === 'error')).toBe(true);
    const paged = await admin.get('/api/v1/audit?limit=2').expect(200);
    expect(paged.body.items).toHaveLength(2);
    const next = await admin.get(`/api/v1/audit?limit=2&before=${paged.body.nextBefore}`).expect(200);
    expect(next.body.items[0].id).toBeLessThan(paged.body.items[1].id);
    await admin.get('/api/v1/audit?limit=0').expect(400);
  });
});

describe('secret custody', () => {
  it('never answers with a profile secret key or token', async () => {
    const { app } = await makeApp({ profiles: [testProfile('emulator'), testProfile('prod')] });
    const admin = await loginAs(app);
    const bodies = [
      await admin.get('/api/v1/me'),
      await admin.get('/api/v1/profiles'),
      await admin.send('put', '/api/v1/me/profile', { profileId: 'prod' }),
      await admin.get('/api/v1/audit'),
    ].map((r) => JSON.stringify(r.body) + JSON.stringify(r.headers));
    for (const b of bodies) {
      expect(b).not.toContain(testSecretKey);
      expect(b).not.toMatch(/TOKEN-\w+-secret/);
    }
    // and the profile object itself does not serialise its secrets
    expect(JSON.stringify(testProfile('x'))).not.toContain(testSecretKey);
  });
});

describe('security headers', () => {
  it('sends a content security policy that allows no inline script, and the SPA has none', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/health').expect(200);
    const csp = String(res.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1];
    expect(scriptSrc).toBe("'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const fs = await import('node:fs');
    const html = fs.readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('marks API answers as not to be stored, and sends no ETag to revalidate them with', async () => {
    const { app } = await makeApp();
    const admin = await loginAs(app);
    for (const path of ['/api/v1/me', '/api/v1/tasks']) {
      const res = await admin.get(path).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    }
    const refused = await request(app).get('/api/v1/me').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
