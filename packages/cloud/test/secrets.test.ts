import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudError, createCloudClients, type CallRecord } from '../src/index.ts';
import { AK, json, profileFor, recordingRetry, SECURITY_TOKEN, SK, startFakeCloud, type FakeCloud } from './helpers/fake-cloud.ts';

const PASSWORD = 'Pa55word-of-the-iam-user!';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startFakeCloud();
});
afterEach(async () => {
  await cloud.close();
});

function leaks(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return [SK, SECURITY_TOKEN, PASSWORD, AK].filter((secret) => text.includes(secret));
}

function clients(records: CallRecord[]) {
  return createCloudClients(profileFor(cloud.url, { credentials: { ak: AK, sk: SK, securityToken: SECURITY_TOKEN } }), {
    retry: recordingRetry(),
    onCall: (r) => records.push(r),
  });
}

describe('credentials never reach errors or observers', () => {
  it('scrubs a gateway that echoes the credentials and headers back in its error', async () => {
    cloud.setHandler((req, res) =>
      json(res, 401, {
        error_code: 'APIGW.0301',
        error_msg: `bad signature: Authorization=${req.headers.authorization} token=${req.headers['x-security-token']} sk=${SK}`,
      }),
    );
    const records: CallRecord[] = [];
    const error = await clients(records).evs.listDisks().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CloudError);
    const e = error as CloudError;
    expect(e.message).toContain('[redacted]');
    expect(leaks(e)).toEqual([]);
    expect(leaks(e.message)).toEqual([]);
    expect(leaks(String(e.stack))).toEqual([]);
    expect(leaks(records)).toEqual([]);
    expect(records[0]?.error?.code).toBe('APIGW.0301');
  });

  it('scrubs echoed details of an error object, and a successful call records no secrets either', async () => {
    cloud.setHandler((req, res, i) =>
      i === 0
        ? json(res, 400, { error: { code: 'Ecs.0005', message: 'illegal', details: [{ code: 'Ecs.0039', message: `token ${req.headers['x-security-token']}` }] } })
        : json(res, 200, { servers: [] }),
    );
    const records: CallRecord[] = [];
    const c = clients(records);
    const error = (await c.ecs.listServers().catch((e: unknown) => e)) as CloudError;
    expect(error.details?.[0]?.message).toBe('token [redacted]');
    await c.ecs.listServers({ limit: 10 });
    expect(records).toHaveLength(2);
    expect(leaks(records)).toEqual([]);
    expect(leaks(error)).toEqual([]);
  });

  it('keeps the IAM password out of an error that quotes the request', async () => {
    cloud.setHandler((req, res) =>
      json(res, 401, { error: { code: 401, title: 'Unauthorized', message: `rejected body ${req.body.toString('utf8')}` } }),
    );
    const records: CallRecord[] = [];
    const error = (await clients(records)
      .iam.createPasswordToken({
        auth: {
          identity: { methods: ['password'], password: { user: { name: 'ops', password: PASSWORD, domain: { name: 'acme' } } } },
          scope: { project: { name: 'cn-north-4' } },
        },
      })
      .catch((e: unknown) => e)) as CloudError;
    expect(error.code).toBe('Unauthorized');
    expect(leaks(error)).toEqual([]);
    expect(leaks(error.message)).toEqual([]);
    expect(leaks(records)).toEqual([]);
  });

  it('transport errors carry no credentials', async () => {
    cloud.setHandler((_req, res) => {
      res.socket?.destroy();
    });
    const records: CallRecord[] = [];
    const error = (await clients(records).cbr.listVaults().catch((e: unknown) => e)) as CloudError;
    expect(error.kind).toBe('network');
    expect(leaks(error)).toEqual([]);
    expect(leaks(String(error.stack))).toEqual([]);
    expect(leaks(records)).toEqual([]);
  });
});
