import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudHttp, type CallRecord } from '../src/index.ts';
import { AK, json, PROJECT_ID, profileFor, SECURITY_TOKEN, SK, startFakeCloud, type FakeCloud } from './helpers/fake-cloud.ts';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startFakeCloud();
});
afterEach(async () => {
  await cloud.close();
});

describe('CloudHttp requests', () => {
  it('signs every call so the server-side verifier accepts it, under the service path prefix', async () => {
    cloud.setHandler((_req, res) => json(res, 200, { count: 0, volumes: [] }, { 'X-Request-Id': 'req-list-1' }));
    const http = new CloudHttp(profileFor(cloud.url));
    const res = await http.request<{ count: number }>({
      service: 'evs',
      method: 'GET',
      path: '/v2/{project_id}/cloudvolumes/detail',
      query: { limit: 10, name: 'a b+c*', multiattach: false, status: undefined },
    });

    expect(res.status).toBe(200);
    expect(res.data).toEqual({ count: 0, volumes: [] });
    expect(res.requestId).toBe('req-list-1');
    const [req] = cloud.requests;
    expect(req?.url).toBe(`/evs/v2/${PROJECT_ID}/cloudvolumes/detail?limit=10&name=a%20b%2Bc%2A&multiattach=false`);
    expect(req?.verification).toMatchObject({ ok: true, ak: AK });
    expect(req?.headers['x-project-id']).toBe(PROJECT_ID);
    expect(req?.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKTESTFAKECLOUD00001, SignedHeaders=.*host.*x-sdk-date/);
  });

  it('signs exactly the JSON bytes it sends', async () => {
    cloud.setHandler((_req, res) => json(res, 202, { job_id: 'j1' }));
    const http = new CloudHttp(profileFor(cloud.url));
    const body = { volume: { name: 'disk-数据', size: 10, availability_zone: 'az1', volume_type: 'SSD' } };
    await http.request({ service: 'evs', method: 'POST', path: '/v2.1/{project_id}/cloudvolumes', body });

    const [req] = cloud.requests;
    expect(req?.body.toString('utf8')).toBe(JSON.stringify(body));
    expect(req?.verification.ok).toBe(true);
    expect(req?.headers['content-type']).toBe('application/json');
  });

  it('signs X-Security-Token for temporary credentials, and a wrong secret fails verification', async () => {
    const profile = profileFor(cloud.url, { credentials: { ak: AK, sk: SK, securityToken: SECURITY_TOKEN } });
    await new CloudHttp(profile).request({ service: 'cbr', method: 'GET', path: '/v3/{project_id}/vaults' });
    const first = cloud.requests[0];
    expect(first?.headers['x-security-token']).toBe(SECURITY_TOKEN);
    expect(first?.verification).toMatchObject({ ok: true });
    expect(first?.verification.ok && first.verification.signedHeaders).toContain('x-security-token');

    const wrong = profileFor(cloud.url, { credentials: { ak: AK, sk: 'not-the-secret-key' } });
    await new CloudHttp(wrong).request({ service: 'cbr', method: 'GET', path: '/v3/{project_id}/vaults' });
    expect(cloud.requests[1]?.verification).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('sends no project header to the global IAM service', async () => {
    await new CloudHttp(profileFor(cloud.url)).request({ service: 'iam', method: 'GET', path: '/v3/projects' });
    expect(cloud.requests[0]?.url).toBe('/iam/v3/projects');
    expect(cloud.requests[0]?.headers['x-project-id']).toBeUndefined();
    expect(cloud.requests[0]?.verification.ok).toBe(true);
  });

  it('encodes path parameters as one segment and refuses values that would address another resource', async () => {
    const http = new CloudHttp(profileFor(cloud.url));
    await http.request({
      service: 'cbr',
      method: 'DELETE',
      path: '/v3/{project_id}/vault/{vault_id}/tags/{key}',
      pathParams: { vault_id: 'v1', key: 'env#prod/x' },
    });
    expect(cloud.requests[0]?.url).toBe(`/cbr/v3/${PROJECT_ID}/vault/v1/tags/env%23prod%2Fx`);
    expect(cloud.requests[0]?.verification.ok).toBe(true);

    for (const bad of ['', '.', '..']) {
      await expect(
        http.request({ service: 'evs', method: 'GET', path: '/v2/{project_id}/cloudvolumes/{volume_id}', pathParams: { volume_id: bad } }),
      ).rejects.toThrow(TypeError);
    }
    await expect(http.request({ service: 'evs', method: 'GET', path: '/v2/{project_id}/cloudvolumes/{volume_id}' })).rejects.toThrow(
      /missing path parameter "volume_id"/,
    );
    expect(cloud.requests).toHaveLength(1);
  });

  it('keeps a base URL without prefix working and ignores its trailing slash', async () => {
    const profile = profileFor(cloud.url);
    profile.endpoints.vbs = `${cloud.url}/`;
    await new CloudHttp(profile).request({ service: 'vbs', method: 'GET', path: '/v2/{project_id}/backuppolicy' });
    expect(cloud.requests[0]?.url).toBe(`/v2/${PROJECT_ID}/backuppolicy`);
    expect(cloud.requests[0]?.verification.ok).toBe(true);
  });

  it('takes the OpenStack request id when the gateway one is absent, and returns no data for 204', async () => {
    cloud.setHandler((_req, res) => {
      res.writeHead(204, { 'X-Openstack-Request-Id': 'req-5f1c2d3e-0000-4000-8000-000000000001' });
      res.end();
    });
    const res = await new CloudHttp(profileFor(cloud.url)).request({
      service: 'evs',
      method: 'POST',
      path: '/v2/{project_id}/cloudvolumes/{volume_id}/tags/action',
      pathParams: { volume_id: 'vol-1' },
      body: { action: 'create', tags: [{ key: 'k', value: 'v' }] },
    });
    expect(res.status).toBe(204);
    expect(res.data).toBeUndefined();
    expect(res.requestId).toBe('req-5f1c2d3e-0000-4000-8000-000000000001');
  });

  it('reports each finished call to the observer with route, query, status and attempts', async () => {
    const records: CallRecord[] = [];
    cloud.setHandler((_req, res) => json(res, 200, {}, { 'X-Request-Id': 'rid-7' }));
    const http = new CloudHttp(profileFor(cloud.url), {
      onCall: (r) => {
        records.push(r);
        throw new Error('observer bug');
      },
    });
    await http.request({
      service: 'cbr',
      method: 'GET',
      path: '/v3/{project_id}/backups',
      query: { status: ['available', 'error'], limit: 5 },
      context: { consoleRequestId: 'c-1' },
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      service: 'cbr',
      method: 'GET',
      path: `/v3/${PROJECT_ID}/backups`,
      route: '/v3/{project_id}/backups',
      query: { status: ['available', 'error'], limit: '5' },
      status: 200,
      attempts: 1,
      requestId: 'rid-7',
      context: { consoleRequestId: 'c-1' },
    });
    expect(records[0]?.error).toBeUndefined();
    expect(cloud.requests[0]?.url).toBe(`/cbr/v3/${PROJECT_ID}/backups?status=available&status=error&limit=5`);
  });

  it('does not follow redirects, so the signature never travels to another host', async () => {
    cloud.setHandler((_req, res) => {
      res.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    await expect(
      new CloudHttp(profileFor(cloud.url)).request({ service: 'evs', method: 'GET', path: '/v2/{project_id}/types' }),
    ).rejects.toMatchObject({ name: 'CloudError', httpStatus: 302, code: 'HTTP.302', kind: 'http' });
    expect(cloud.requests).toHaveLength(1);
  });

  it('rejects with a typed error when no endpoint is configured for a service', async () => {
    const profile = profileFor(cloud.url);
    profile.endpoints.ims = '';
    await expect(new CloudHttp(profile).request({ service: 'ims', method: 'GET', path: '/v2/images' })).rejects.toThrow(
      /no endpoint configured for service "ims"/,
    );
  });
});
