/** The published SDK-HMAC-SHA256 vectors of shared/spec/signing.md, byte for byte. */
import { describe, expect, it } from 'vitest';
import { canonicalQueryString, canonicalUri, EMPTY_BODY_SHA256, hashPayload, signDetailed } from '../src/index.ts';
import { sha256Hex } from '../src/digest.ts';

const goCreds = { ak: 'AccessKey', sk: 'SecretKey' };

describe('V1 — Go SDK testParam1', () => {
  // Go signs every header but host and names with `_` or content-type: with only X-Sdk-Date
  // given, signHost=false yields its header set. TEST_UNDERSCORE travels unsigned (added by the
  // caller after signing), so it is not passed here.
  const d = signDetailed(
    { method: 'GET', url: 'https://example.huaweicloud.com/path?limit=1', date: '20060102T150405Z' },
    goCreds,
    { signHost: false },
  );

  it('builds the canonical request', () => {
    expect(d.canonicalRequest).toBe(
      'GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
  it('builds the string to sign', () => {
    expect(d.stringToSign).toBe('SDK-HMAC-SHA256\n20060102T150405Z\n85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4');
  });
  it('produces the Authorization header', () => {
    expect(d.headers['Authorization']).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
    // Host is still returned for the wire even though it is not signed.
    expect(d.headers['Host']).toBe('example.huaweicloud.com');
    expect(d.headers['X-Sdk-Date']).toBe('20060102T150405Z');
  });
});

describe('V2 — Go SDK testParam2', () => {
  const url = 'https://example.huaweicloud.com/path?key=value';
  const sign = (body: string) =>
    signDetailed({ method: 'POST', url, body, date: '20060102T150405Z' }, goCreds, { signHost: false }).headers['Authorization'];

  it('signs the json.Encoder bytes including the trailing newline', () => {
    expect(sign('{"Name":"test","Id":1}\n')).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    );
  });
  it('differs exactly as the spec warns without the newline', () => {
    expect(sign('{"Name":"test","Id":1}')).toContain('Signature=83599e5230b5b31fb58837c5760b4c2d407542df1f9493834ead538696e17a35');
  });
  it('hashes a Uint8Array body like the same string', () => {
    const bytes = new TextEncoder().encode('{"Name":"test","Id":1}\n');
    expect(signDetailed({ method: 'post', url, body: bytes, date: '20060102T150405Z' }, goCreds, { signHost: false }).signature)
      .toBe('cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
  });
});

describe('V3/V4 — Python SDK test_signer1/2', () => {
  const url = 'https://service.endpoint.myhuaweicloud.com/resources?size=1';
  const date = '20200608T023900Z';

  it('V3: GET with host signed', () => {
    const d = signDetailed({ method: 'GET', url, body: '', date }, goCreds);
    expect(d.canonicalRequest).toBe(
      `GET\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\n${EMPTY_BODY_SHA256}`,
    );
    expect(d.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    );
  });

  it('V4: POST with a JSON body', () => {
    const body = '{"name":"test","id":1}';
    expect(hashPayload(body)).toBe('8ed555081b9961769014bc1182c629bb0fe68d7b01c1fc1caab4dc791f377e8c');
    const d = signDetailed({ method: 'POST', url, body, date }, goCreds);
    expect(d.canonicalRequest.endsWith('\n8ed555081b9961769014bc1182c629bb0fe68d7b01c1fc1caab4dc791f377e8c')).toBe(true);
    expect(d.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
    );
  });
});

describe('V5 — Java SDK TestAKSKSigner', () => {
  const d = signDetailed(
    {
      method: 'GET',
      url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': '20191115T033655Z' },
    },
    { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' },
  );

  it('builds the canonical request and its hash', () => {
    expect(d.canonicalRequest).toBe(
      'GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n' +
        'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n' +
        `content-type;host;x-sdk-date\n${EMPTY_BODY_SHA256}`,
    );
    expect(sha256Hex(d.canonicalRequest)).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
  });
  it('produces the Authorization header and keeps the caller header spelling', () => {
    expect(d.authorization).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, ' +
        'Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
    expect(d.headers).toEqual({
      'Content-Type': 'application/json',
      Host: 'service.region.example.com',
      'X-Sdk-Date': '20191115T033655Z',
      Authorization: d.authorization,
    });
  });
});

describe('canonical pieces from the spec', () => {
  it('query vector shared by the Go and Python tests', () => {
    const q = new URLSearchParams();
    q.append('limit', '1');
    q.append('enable', 'true');
    q.append('test', '一 (&=?!#%.*)');
    q.append('path', '/tmp/123');
    for (const v of ['3', '1', '2']) q.append('multi', v);
    expect(canonicalQueryString(q.toString())).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });
  it('APIG path test: /path/_:test', () => {
    expect(canonicalUri('/path/_:test')).toBe('/path/_%3Atest/');
    expect(canonicalUri('/path/_%3Atest')).toBe('/path/_%3Atest/');
    expect(canonicalUri('/path/_%3atest')).toBe('/path/_%3Atest/');
  });
  it('always appends the trailing slash, once', () => {
    expect(canonicalUri('/v2/pid/cloudvolumes/detail')).toBe('/v2/pid/cloudvolumes/detail/');
    expect(canonicalUri('/v2/pid/cloudvolumes/detail/')).toBe('/v2/pid/cloudvolumes/detail/');
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('')).toBe('/');
  });
});
