import { describe, expect, it } from 'vitest';
import { sign } from '@console/signer';
import { emulatorDefaults } from '../src/index.ts';
import { Client, control, passwordAuth, useTestEmulator } from './helpers.ts';

const client = useTestEmulator({}, { resetEachTest: false });

const LIST = '/v2/{pid}/cloudvolumes/detail';

describe('IAM', () => {
  it('issues a 24-hour project token in X-Subject-Token with a catalog of base URLs', async () => {
    const r = await client.call('POST', '/iam/v3/auth/tokens', { auth: 'none', body: passwordAuth() });
    expect(r.status).toBe(201);
    expect(r.headers['x-subject-token']).toMatch(/^MII/);
    const { token } = r.body;
    expect(token.project).toEqual({ id: client.projectId, name: emulatorDefaults.region, domain: expect.objectContaining({ name: emulatorDefaults.domainName }) });
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(24 * 3600 * 1000);
    expect(token.catalog.map((s: { name: string }) => s.name)).toEqual(['iam', 'evs', 'ecs', 'cbr', 'vbs', 'ims', 'vpc']);
    expect(token.catalog[1].endpoints[0].url).toBe(client.emulator.info.endpoints.evs);
    const bare = await client.call('POST', '/iam/v3/auth/tokens', { auth: 'none', body: passwordAuth(), query: { nocatalog: 'true' } });
    expect(bare.body.token.catalog).toBeUndefined();
  });

  it('refuses a wrong password with a Keystone 401 and a malformed body with a 400', async () => {
    const r = await client.call('POST', '/iam/v3/auth/tokens', { auth: 'none', body: passwordAuth({ password: 'nope' }) });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: { code: 401, message: expect.any(String), title: 'Unauthorized' } });
    const bad = await client.call('POST', '/iam/v3/auth/tokens', { auth: 'none', raw: '{"auth": ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe(400);
    const otherProject = await client.call('POST', '/iam/v3/auth/tokens', { auth: 'none', body: passwordAuth({ scope: { project: { name: 'eu-west-0' } } }) });
    expect(otherProject.status).toBe(401);
  });

  it('lists the project with a token or a signature, filtered by name', async () => {
    for (const auth of ['token', 'aksk'] as const) {
      const r = await client.call('GET', '/iam/v3/projects', { auth });
      expect(r.status).toBe(200);
      expect(r.body.projects).toEqual([expect.objectContaining({ id: client.projectId, name: emulatorDefaults.region, enabled: true })]);
    }
    expect((await client.call('GET', '/iam/v3/projects', { query: { name: 'cn-north-4' } })).body.projects).toHaveLength(1);
    expect((await client.call('GET', '/iam/v3/projects', { query: { name: 'ap-southeast-1' } })).body.projects).toHaveLength(0);
    expect((await client.call('GET', '/iam/v3/auth/projects', { auth: 'token' })).body.projects).toHaveLength(1);
    const anonymous = await client.call('GET', '/iam/v3/projects', { auth: 'none' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.title).toBe('Unauthorized');
  });

  it('validates a token through GET /v3/auth/tokens', async () => {
    const token = await client.token();
    const r = await client.call('GET', '/iam/v3/auth/tokens', { auth: 'token', headers: { 'X-Subject-Token': token } });
    expect(r.status).toBe(200);
    expect(r.body.token.user.name).toBe(emulatorDefaults.userName);
  });
});

describe('gateway authentication', () => {
  it('accepts our signer, the official SDK signer and a token', async () => {
    for (const auth of ['aksk', 'sdk', 'token'] as const) {
      const r = await client.evs('GET', LIST, { auth, query: { limit: '5', sort_dir: 'asc' } });
      expect(r.status, `${auth}: ${r.text}`).toBe(200);
    }
    const body = await client.evs('POST', '/v2/{pid}/cloudsnapshots', { auth: 'sdk', body: { snapshot: { volume_id: '00000000-0000-4000-8000-000000000000' } } });
    expect(body.status).toBe(404);
  });

  it('answers 401 in the gateway shape without or with bad credentials', async () => {
    const none = await client.evs('GET', LIST, { auth: 'none' });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error_code: 'APIGW.0301', error_msg: expect.stringMatching(/^Incorrect IAM authentication information/), request_id: none.headers['x-request-id'] });

    const wrongSk = new Client(client.emulator, { ak: emulatorDefaults.ak, sk: 'x'.repeat(40) });
    const mismatch = await wrongSk.evs('GET', LIST);
    expect(mismatch.status).toBe(401);
    expect(mismatch.body.error_msg).toMatch(/signature/);

    const unknownAk = new Client(client.emulator, { ak: 'UNKNOWNAK00000000000', sk: emulatorDefaults.sk });
    expect((await unknownAk.evs('GET', LIST)).body.error_msg).toMatch(/ak UNKNOWNAK00000000000 not exist/);

    const badToken = await client.evs('GET', LIST, { auth: 'none', headers: { 'X-Auth-Token': 'MIIforged.token' } });
    expect(badToken.status).toBe(401);
  });

  it('checks the 15-minute skew against real time, not the emulator clock', async () => {
    const url = `${client.emulator.url}/evs/v2/${client.projectId}/cloudvolumes/detail`;
    const old = new Date(Date.now() - 16 * 60 * 1000);
    const headers = sign({ method: 'GET', url, date: old }, { ...client.creds, projectId: client.projectId });
    const r = await client.call('GET', `/evs/v2/${client.projectId}/cloudvolumes/detail`, { auth: 'none', headers });
    expect(r.status).toBe(401);
    expect(r.body.error_msg).toMatch(/expired|skew|minutes|X-Sdk-Date/i);

    await control(client, 'POST', '/clock/advance', { seconds: 3600 });
    expect((await client.evs('GET', LIST)).status).toBe(200);
  });

  it('refuses a body that was changed after signing', async () => {
    const url = `${client.emulator.url}/evs/v2/${client.projectId}/cloudsnapshots`;
    const headers = sign({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: '{"snapshot":{}}' }, client.creds);
    const r = await client.call('POST', `/evs/v2/${client.projectId}/cloudsnapshots`, { auth: 'none', headers, raw: '{"snapshot":{"x":1}}' });
    expect(r.status).toBe(401);
  });

  it('answers 403 for another project, in the URL or in X-Project-Id', async () => {
    const other = '0123456789abcdef0123456789abcdef';
    const r = await client.call('GET', `/evs/v2/${other}/cloudvolumes/detail`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('EVS.5403');
    const path = `/evs/v2/${client.projectId}/cloudvolumes/detail`;
    const headers = sign({ method: 'GET', url: `${client.emulator.url}${path}` }, { ...client.creds, projectId: other });
    const header = await client.call('GET', path, { auth: 'none', headers });
    expect(header.status).toBe(403);
    const domainToken = await client.call('POST', '/iam/v3/auth/tokens', { auth: 'none', body: passwordAuth({ scope: { domain: { name: emulatorDefaults.domainName } } }) });
    expect(domainToken.status).toBe(201);
    const scoped = await client.evs('GET', LIST, { auth: 'none', headers: { 'X-Auth-Token': domainToken.headers['x-subject-token'] as string } });
    expect(scoped.status).toBe(403);
  });

  it('expires tokens after 24 hours of emulator time', async () => {
    const fresh = new Client(client.emulator);
    expect((await fresh.evs('GET', LIST, { auth: 'token' })).status).toBe(200);
    await control(client, 'POST', '/clock/advance', { seconds: 24 * 3600 + 1 });
    const r = await fresh.evs('GET', LIST, { auth: 'token' });
    expect(r.status).toBe(401);
    expect(r.body.error_msg).toMatch(/token expired/);
  });

  it('puts X-Request-Id on every answer, and X-Openstack-Request-Id on Cinder routes', async () => {
    const custom = await client.evs('GET', LIST);
    expect(custom.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(custom.headers['x-openstack-request-id']).toBeUndefined();
    const cinder = await client.evs('GET', '/v2/{pid}/volumes');
    expect(cinder.headers['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
    const missing = await client.call('GET', '/evs/v9/nothing', { auth: 'none' });
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe('APIGW.0101');
    expect(missing.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect((await control(client, 'GET', '/info')).headers['x-request-id']).toBeDefined();
  });
});
