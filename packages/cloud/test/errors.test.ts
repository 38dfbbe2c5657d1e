import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudError, CloudHttp, parseErrorBody, type ServiceName } from '../src/index.ts';
import { profileFor, recordingRetry, startFakeCloud, type FakeCloud } from './helpers/fake-cloud.ts';

let cloud: FakeCloud;
beforeAll(async () => {
  cloud = await startFakeCloud();
});
afterAll(async () => {
  await cloud.close();
});

async function failWith(
  service: ServiceName,
  status: number,
  body: string,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
): Promise<CloudError> {
  cloud.setHandler((_req, res: ServerResponse) => {
    res.writeHead(status, headers);
    res.end(body);
  });
  const http = new CloudHttp(profileFor(cloud.url), { retry: recordingRetry({ maxAttempts: 1 }) });
  try {
    await http.request({ service, method: 'GET', path: '/v2/{project_id}/anything' });
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error('expected a CloudError');
}

describe('upstream error shapes become one CloudError', () => {
  it('EVS/VBS/ECS {"error":{"code","message"}}', async () => {
    const e = await failWith(
      'evs',
      400,
      '{"error":{"message":"new volume Size must be greater than old Size!","code":"EVS.1015"}}',
      { 'Content-Type': 'application/json', 'X-Request-Id': 'af2953f2bcc67a42325a69a19e6c32a2' },
    );
    expect(e).toBeInstanceOf(CloudError);
    expect(e).toMatchObject({
      service: 'evs',
      httpStatus: 400,
      code: 'EVS.1015',
      message: 'new volume Size must be greater than old Size!',
      requestId: 'af2953f2bcc67a42325a69a19e6c32a2',
      retriable: false,
      kind: 'http',
      shape: 'error-object',
    });
  });

  it('ECS error object with details', async () => {
    const e = await failWith(
      'ecs',
      400,
      JSON.stringify({ error: { message: 'privateIp [%s] is not in this subnet [%s]', code: 'Ecs.0005', details: [{ code: 'Ecs.0039' }] } }),
    );
    expect(e).toMatchObject({ code: 'Ecs.0005', shape: 'error-object', details: [{ code: 'Ecs.0039' }] });
  });

  it('CBR {"error_code","error_msg"}', async () => {
    const e = await failWith('cbr', 404, '{ "error_code" : "BackupService.6500", "error_msg" : "Operation log does not exist." }', {
      'Content-Type': 'application/json',
      'X-Request-Id': 'rid-cbr',
    });
    expect(e).toMatchObject({
      service: 'cbr',
      httpStatus: 404,
      code: 'BackupService.6500',
      message: 'Operation log does not exist.',
      requestId: 'rid-cbr',
      shape: 'huawei',
    });
  });

  it('API gateway errors with the request id in the body', async () => {
    const e = await failWith(
      'evs',
      401,
      '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"4f8e0d1c2b3a49586776a5b4c3d2e1f0"}',
    );
    expect(e).toMatchObject({ code: 'APIGW.0301', httpStatus: 401, requestId: '4f8e0d1c2b3a49586776a5b4c3d2e1f0', shape: 'huawei' });
  });

  it('IAM/Keystone {"error":{"code":401,"title","message"}} names the failure by its title', async () => {
    const e = await failWith(
      'iam',
      401,
      '{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}',
    );
    expect(e).toMatchObject({
      service: 'iam',
      code: 'Unauthorized',
      message: 'The request you have made requires authentication.',
      shape: 'keystone',
    });
  });

  it('OpenStack fault wrappers, with the OpenStack request id', async () => {
    const e = await failWith('evs', 404, '{"itemNotFound": {"message": "Volume abc could not be found.", "code": 404}}', {
      'Content-Type': 'application/json',
      'x-openstack-request-id': 'req-cdb98cc4-e87b-4f40-9b4a-57ec036620bc',
    });
    expect(e).toMatchObject({
      code: 'itemNotFound',
      message: 'Volume abc could not be found.',
      requestId: 'req-cdb98cc4-e87b-4f40-9b4a-57ec036620bc',
      shape: 'openstack-fault',
    });
    const bad = await failWith('ecs', 400, '{"badRequest":{"code":400,"message":"Invalid input for field/attribute flavorRef."}}');
    expect(bad).toMatchObject({ code: 'badRequest', message: 'Invalid input for field/attribute flavorRef.' });
    const over = await failWith('evs', 413, '{"overLimit":{"code":413,"message":"VolumeLimitExceeded","retryAfter":"0"}}');
    expect(over).toMatchObject({ code: 'overLimit', httpStatus: 413, retriable: false });
  });

  it('non-JSON bodies: an HTML gateway page and an empty 500', async () => {
    const html = await failWith('ecs', 502, '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', {
      'Content-Type': 'text/html',
    });
    expect(html).toMatchObject({ code: 'HTTP.502', message: '502 Bad Gateway nginx', retriable: true, shape: 'none' });

    const empty = await failWith('vbs', 500, '', {});
    expect(empty).toMatchObject({ code: 'HTTP.500', message: 'HTTP 500 Internal Server Error', retriable: true });
  });

  it('a 2xx whose JSON is broken is an error, not data', async () => {
    cloud.setHandler((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'rid-broken' });
      res.end('{"volumes": [');
    });
    await expect(new CloudHttp(profileFor(cloud.url)).request({ service: 'evs', method: 'GET', path: '/x' })).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      httpStatus: 200,
      requestId: 'rid-broken',
    });
  });

  it('serialises to a plain object with every field', async () => {
    const e = await failWith('cbr', 400, '{"error_code":"BackupService.9900","error_msg":"Invalid vault_id provided."}');
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'CloudError',
      service: 'cbr',
      httpStatus: 400,
      code: 'BackupService.9900',
      message: 'Invalid vault_id provided.',
      retriable: false,
      kind: 'http',
      shape: 'huawei',
    });
  });
});

describe('parseErrorBody', () => {
  it('recognises the plain top-level form of ECS job-query failures', () => {
    expect(parseErrorBody('{"code":"Common.0011","message":"Failed to query system tasks."}')).toEqual({
      code: 'Common.0011',
      message: 'Failed to query system tasks.',
      shape: 'plain',
    });
  });

  it('keeps codes case-sensitive strings and returns undefined for unrelated bodies', () => {
    expect(parseErrorBody('{"error":{"code":"common.0011","message":"query job fail"}}')?.code).toBe('common.0011');
    expect(parseErrorBody('[1,2]')).toBeUndefined();
    expect(parseErrorBody('{"volumes":[]}')).toBeUndefined();
    expect(parseErrorBody('not json')).toBeUndefined();
    expect(parseErrorBody('{"error_code": 500}')).toEqual({ code: '500', message: '', shape: 'huawei' });
  });
});
