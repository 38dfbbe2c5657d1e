import { describe, expect, it } from 'vitest';
import { hashPayload, sign, verify } from '../src/index.ts';
import type { VerifyRequest, VerifyResult } from '../src/index.ts';

const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const creds = { ak: 'QTWAOYTTINDUT2QVKYUC', sk: SK, projectId: '77b6a44cba5143ab91d13ab9a8ff44fd' };
const lookup = (ak: string) => (ak === creds.ak ? SK : undefined);
const now = new Date(Date.UTC(2024, 2, 1, 10, 15, 0));
const opts = { now };

function wire(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): VerifyRequest {
  const url = `https://evs.cn-north-4.myhuaweicloud.com${path}`;
  const sent = sign({ method: init.method ?? 'GET', url, date: now, headers: init.headers ?? {}, body: init.body }, creds);
  const u = new URL(url);
  return {
    method: init.method ?? 'GET',
    url: u.pathname + u.search,
    headers: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k.toLowerCase(), v])),
    ...(init.body === undefined ? {} : { body: init.body }),
  };
}

const base = wire('/v2/77b6a44cba5143ab91d13ab9a8ff44fd/cloudvolumes/detail?limit=2&offset=0', {
  headers: { 'content-type': 'application/json' },
});

function failure(result: VerifyResult): { reason: string; message: string } {
  if (result.ok) throw new Error('expected a failure');
  expect(result.message.length).toBeGreaterThan(10);
  expect(result.message).not.toContain(SK);
  return result;
}

function withHeaders(req: VerifyRequest, headers: Record<string, string | string[] | undefined>): VerifyRequest {
  return { ...req, headers: { ...req.headers, ...headers } };
}

describe('verify: accepted requests', () => {
  it('accepts a request signed by sign() and reports the AK and signed headers', () => {
    expect(verify(base, lookup, opts)).toEqual({
      ok: true,
      ak: creds.ak,
      signedHeaders: ['content-type', 'host', 'x-project-id', 'x-sdk-date'],
    });
  });

  it('accepts a full URL as the request target', () => {
    const full = { ...base, url: `https://evs.cn-north-4.myhuaweicloud.com${base.url}` };
    expect(verify(full, lookup, opts).ok).toBe(true);
  });

  it('canonicalises `:`, `%3A` and `%3a` on the wire the same way', () => {
    const req = wire('/v1/pid/vol:1/x');
    for (const path of ['/v1/pid/vol:1/x', '/v1/pid/vol%3A1/x', '/v1/pid/vol%3a1/x']) {
      expect(verify({ ...req, url: path }, lookup, opts).ok, path).toBe(true);
    }
  });

  it('reads `+` and %20 in the query as the same space', () => {
    const req = wire('/v1/pid/volumes?name=my%20disk');
    expect(verify({ ...req, url: '/v1/pid/volumes?name=my+disk' }, lookup, opts).ok).toBe(true);
    expect(verify({ ...req, url: '/v1/pid/volumes?name=my%2Bdisk' }, lookup, opts).ok).toBe(false);
  });

  it('accepts a Go-style signature without host (vector V1)', () => {
    const req: VerifyRequest = {
      method: 'GET',
      url: '/path?limit=1',
      headers: {
        host: 'example.huaweicloud.com',
        'x-sdk-date': '20060102T150405Z',
        test_underscore: 'TEST_VALUE',
        authorization: 'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
      },
    };
    const at = { now: new Date(Date.UTC(2006, 0, 2, 15, 4, 5)) };
    expect(verify(req, () => 'SecretKey', at)).toEqual({ ok: true, ak: 'AccessKey', signedHeaders: ['x-sdk-date'] });
  });

  it('tolerates header keys that kept their original case', () => {
    const mixed = Object.fromEntries(Object.entries(base.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verify({ ...base, headers: mixed }, lookup, opts).ok).toBe(true);
  });

  it('allows exactly the skew window, and honours a custom one', () => {
    expect(verify(base, lookup, { now: new Date(now.getTime() + 15 * 60_000) }).ok).toBe(true);
    expect(failure(verify(base, lookup, { now: new Date(now.getTime() + 15 * 60_000 + 1000) })).reason).toBe('expired');
    expect(failure(verify(base, lookup, { now: new Date(now.getTime() + 61_000), maxSkewMs: 60_000 })).reason).toBe('expired');
  });
});

describe('verify: X-Sdk-Content-Sha256', () => {
  it('uses a signed UNSIGNED-PAYLOAD in place of the body digest', () => {
    const req = wire('/v1/pid/upload', { method: 'PUT', headers: { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }, body: 'chunk-1' });
    expect(verify(req, lookup, opts).ok).toBe(true);
    expect(verify({ ...req, body: 'another body' }, lookup, opts).ok).toBe(true);
  });

  it('ignores an unsigned X-Sdk-Content-Sha256, so it cannot switch body checking off', () => {
    const req = wire('/v1/pid/volumes', { method: 'POST', body: '{"size":10}' });
    const forged = withHeaders({ ...req, body: '{"size":9999}' }, { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' });
    expect(failure(verify(forged, lookup, opts)).reason).toBe('mismatch');
    expect(verify(withHeaders(req, { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }), lookup, opts).ok).toBe(true);
  });

  it('checks a signed hex digest against the body', () => {
    const body = '{"size":10}';
    const req = wire('/v1/pid/volumes', { method: 'POST', headers: { 'X-Sdk-Content-Sha256': hashPayload(body) }, body });
    expect(verify(req, lookup, opts).ok).toBe(true);
    expect(failure(verify({ ...req, body: '{"size":11}' }, lookup, opts)).reason).toBe('mismatch');
  });
});

describe('verify: failures carry a typed reason', () => {
  it('missing Authorization', () => {
    expect(failure(verify(withHeaders(base, { authorization: undefined }), lookup, opts)).reason).toBe('missing_header');
    expect(failure(verify(withHeaders(base, { authorization: '' }), lookup, opts)).reason).toBe('missing_header');
  });

  const auth = String(base.headers['authorization']);
  it.each([
    ['another algorithm', auth.replace('SDK-HMAC-SHA256', 'AWS4-HMAC-SHA256')],
    ['no Signature', auth.replace(/, Signature=.*/, '')],
    ['short signature', auth.slice(0, -2)],
    ['non-hex signature', `${auth.slice(0, -1)}g`],
    ['no Access', auth.replace(/Access=[^,]+/, 'Access=')],
    ['unknown field', `${auth}, Region=cn-north-4`],
    ['repeated field', auth.replace('SignedHeaders=', 'Access=x, SignedHeaders=')],
    ['upper-case signed header', auth.replace('content-type', 'Content-Type')],
    ['header listed twice', auth.replace('content-type;', 'content-type;content-type;')],
    ['empty header name', auth.replace('content-type;', ';')],
    ['bare token', 'SDK-HMAC-SHA256'],
  ])('malformed Authorization: %s', (_name, value) => {
    expect(failure(verify(withHeaders(base, { authorization: value }), lookup, opts)).reason).toBe('bad_format');
  });

  it('Authorization given twice', () => {
    expect(failure(verify(withHeaders(base, { authorization: [auth, auth] }), lookup, opts)).reason).toBe('bad_format');
  });

  it('unknown AK', () => {
    const result = failure(verify(base, () => undefined, opts));
    expect(result.reason).toBe('unknown_ak');
    expect(result.message).toContain(creds.ak);
  });

  it('missing or malformed X-Sdk-Date', () => {
    expect(failure(verify(withHeaders(base, { 'x-sdk-date': undefined }), lookup, opts)).reason).toBe('missing_header');
    for (const bad of ['2024-03-01T10:15:00Z', '20240301T101500', '20240230T101500Z', '20240301T246000Z']) {
      expect(failure(verify(withHeaders(base, { 'x-sdk-date': bad }), lookup, opts)).reason, bad).toBe('bad_format');
    }
  });

  it('header listed in SignedHeaders but absent', () => {
    for (const name of ['content-type', 'host', 'x-project-id']) {
      const result = failure(verify(withHeaders(base, { [name]: undefined }), lookup, opts));
      expect(result.reason, name).toBe('missing_header');
      expect(result.message).toContain(name);
    }
  });

  it('a signed header value changed, or an unsigned one added, is judged by the signed set only', () => {
    expect(failure(verify(withHeaders(base, { 'x-project-id': 'other' }), lookup, opts)).reason).toBe('mismatch');
    expect(verify(withHeaders(base, { 'x-request-id': 'abc' }), lookup, opts).ok).toBe(true);
  });

  it('a trailing slash is not a tampering (the canonical form always has one)', () => {
    const req = wire('/v1/pid/volumes');
    expect(verify({ ...req, url: '/v1/pid/volumes/' }, lookup, opts).ok).toBe(true);
  });
});
