/**
 * Our signer against the official Node SDK on random requests (input classes left out are listed
 * in arbitraries.ts), and verify() against both of them, untouched and with single tamperings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSdkDate, sign, verify } from '../src/index.ts';
import type { VerifyRequest, VerifyResult } from '../src/index.ts';
import { requestArb, SDK_ESCAPED_CHARS, SEGMENT_CHARS } from './arbitraries.ts';
import type { GeneratedRequest } from './arbitraries.ts';
import { officialQueryString, officialSign, officialWireRequest } from './official-sdk.ts';

// Generous: a thousand runs take ~3 s alone but far longer on a loaded shared machine, and
// Vitest's default 5 s would then fail a correct run.
const PROPERTY_TIMEOUT_MS = 120_000;

const lowerKeys = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

function ourHeaders(r: GeneratedRequest, asUrlObject: boolean, lowerMethod: boolean, bytes: boolean): Record<string, string> {
  const qs = officialQueryString(r.query);
  const url = r.endpoint + (qs ? `?${qs}` : '');
  const body = r.data === undefined ? undefined : JSON.stringify(r.data);
  return sign(
    {
      method: lowerMethod ? r.method.toLowerCase() : r.method,
      url: asUrlObject ? new URL(url) : url,
      headers: r.headers,
      body: bytes && body !== undefined ? new TextEncoder().encode(body) : body,
      date: new Date(r.dateMs),
    },
    { ak: r.ak, sk: r.sk, ...(r.projectId ? { projectId: r.projectId } : {}), ...(r.securityToken ? { securityToken: r.securityToken } : {}) },
  );
}

/** The request a Node server receives for headers we produced (fetch sends the WHATWG path). */
function ourWireRequest(r: GeneratedRequest, sent: Record<string, string>): VerifyRequest {
  const qs = officialQueryString(r.query);
  const url = new URL(r.endpoint + (qs ? `?${qs}` : ''));
  return {
    method: r.method,
    url: url.pathname + url.search,
    headers: lowerKeys(sent),
    ...(r.data === undefined ? {} : { body: JSON.stringify(r.data) }),
  };
}

function expectFailure(result: VerifyResult, reason: string, what: string): void {
  expect(result.ok, `${what} should be rejected`).toBe(false);
  if (!result.ok) expect(result.reason, `${what}: ${result.message}`).toBe(reason);
}

function withHeader(req: VerifyRequest, name: string, value: string): VerifyRequest {
  return { ...req, headers: { ...req.headers, [name]: value } };
}

function checkTamperings(r: GeneratedRequest, wire: VerifyRequest): void {
  const lookup = (ak: string) => (ak === r.ak ? r.sk : undefined);
  const now = { now: new Date(r.dateMs) };
  const run = (req: VerifyRequest, opts = now) => verify(req, lookup, opts);

  expect(run(wire)).toMatchObject({ ok: true, ak: r.ak });
  expect(run(wire, { now: new Date(r.dateMs + 14 * 60_000) }).ok, 'within the 15-minute window').toBe(true);

  expectFailure(run({ ...wire, method: r.method === 'GET' ? 'POST' : 'GET' }), 'mismatch', 'method');
  const q = wire.url.indexOf('?');
  const path = q < 0 ? wire.url : wire.url.slice(0, q);
  const query = q < 0 ? '' : wire.url.slice(q);
  expectFailure(run({ ...wire, url: `${path}x${query}` }), 'mismatch', 'path');
  expectFailure(run({ ...wire, url: wire.url + (q < 0 ? '?' : '&') + 'tamper=1' }), 'mismatch', 'query');
  expectFailure(run({ ...wire, body: `${typeof wire.body === 'string' ? wire.body : ''} ` }), 'mismatch', 'body');
  const signed = String(wire.headers['authorization']).match(/SignedHeaders=([^,]+)/)?.[1]?.split(';') ?? [];
  for (const name of signed) {
    if (name === 'x-sdk-date') continue;
    expectFailure(run(withHeader(wire, name, `${String(wire.headers[name])}x`)), 'mismatch', `header ${name}`);
  }
  expectFailure(run(wire, { now: new Date(r.dateMs + 16 * 60_000) }), 'expired', 'stale date');
  expectFailure(run(wire, { now: new Date(r.dateMs - 16 * 60_000) }), 'expired', 'date from the future');
  expectFailure(run(withHeader(wire, 'x-sdk-date', formatSdkDate(new Date(r.dateMs + 1000)))), 'mismatch', 'date altered within the window');
  expectFailure(verify(wire, () => `${r.sk}x`, now), 'mismatch', 'wrong SK');
}

describe('sign() against the official AKSKSigner', () => {
  it('produces identical headers and Authorization, and verify() accepts both and rejects every single tampering', () => {
    fc.assert(
      fc.property(requestArb(SEGMENT_CHARS), fc.boolean(), fc.boolean(), fc.boolean(), (r, asUrlObject, lowerMethod, bytes) => {
        const official = officialSign(r);
        const ours = ourHeaders(r, asUrlObject, lowerMethod, bytes);
        expect(ours['Authorization']).toBe(official['Authorization']);
        expect(lowerKeys(ours)).toEqual(lowerKeys(official));

        const lookup = (ak: string) => (ak === r.ak ? r.sk : undefined);
        expect(verify(officialWireRequest(r, official), lookup, { now: new Date(r.dateMs) })).toMatchObject({ ok: true });
        checkTamperings(r, ourWireRequest(r, ours));
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('verify() accepts what the official Node SDK sends for odd paths', () => {
  const chars = [...SEGMENT_CHARS, ...SDK_ESCAPED_CHARS, ...SDK_ESCAPED_CHARS];

  it('spaces, quotes, braces and unicode in path segments', () => {
    fc.assert(
      fc.property(requestArb(chars), (r) => {
        const wire = officialWireRequest(r, officialSign(r));
        const lookup = (ak: string) => (ak === r.ak ? r.sk : undefined);
        const result = verify(wire, lookup, { now: new Date(r.dateMs) });
        expect(result, JSON.stringify(wire)).toMatchObject({ ok: true });
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT_MS);

  const base = {
    method: 'GET', query: { limit: '1' }, headers: { 'content-type': 'application/json' }, date: '20240301T101500Z',
    ak: 'AK', sk: 'SK', projectId: '0123456789abcdef0123456789abcdef',
  };
  const now = new Date(Date.UTC(2024, 2, 1, 10, 15));
  it.each([
    ['colon', '/v2/pid/volumes/vol:1'],
    ['space', '/v2/pid/volumes/my disk'],
    ['unicode', '/v2/pid/volumes/磁盘-😀'],
    ['space and unicode in one segment', '/v2/pid/volumes/磁盘 1'],
    ['pipe, caret and quote left raw on the wire', "/v2/pid/volumes/a|b^c'd"],
  ])('%s', (_name, path) => {
    const r = { ...base, endpoint: `https://evs.example.com${path}` };
    const wire = officialWireRequest(r, officialSign(r));
    expect(verify(wire, () => 'SK', { now })).toMatchObject({ ok: true });
  });

  it('needs the compatibility path only where the SDK double-encodes', () => {
    const strict = { now, nodeSdkPathCompat: false };
    const check = (path: string) => {
      const r = { ...base, endpoint: `https://evs.example.com${path}` };
      return verify(officialWireRequest(r, officialSign(r)), () => 'SK', strict);
    };
    expect(check('/v2/pid/volumes/vol:1')).toMatchObject({ ok: true });
    expect(check('/v2/pid/volumes/磁盘')).toMatchObject({ ok: true });
    expect(check('/v2/pid/volumes/my disk')).toMatchObject({ ok: false, reason: 'mismatch' });
  });
});
