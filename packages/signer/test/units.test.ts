import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { canonicalQueryString, canonicalUri, formatSdkDate, nodeSdkCanonicalUri, parseSdkDate, sign, signDetailed, splitUrl } from '../src/index.ts';
import { hmacSha256Hex } from '../src/digest.ts';
import { compareCodePoints, uriEncode } from '../src/encoding.ts';

// Property runs take well under a second alone; a loaded shared machine must not fail them on
// Vitest's default 5 s timeout.
vi.setConfig({ testTimeout: 60_000 });

describe('hmacSha256Hex', () => {
  it('equals crypto.createHmac for short, long (> 64-byte) and non-ASCII keys', () => {
    const message = fc.string({ unit: fc.constantFrom(...'SDK-HMAC256\n0123456789abcdefTZ'), maxLength: 120 });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), message, (key, msg) => {
        expect(hmacSha256Hex(key, msg)).toBe(createHmac('sha256', key).update(msg).digest('hex'));
      }),
      { numRuns: 500 },
    );
    const long = 'k'.repeat(65);
    expect(hmacSha256Hex(long, 'm')).toBe(createHmac('sha256', long).update('m').digest('hex'));
  });
});

describe('encoding', () => {
  it('orders strings by UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 500 },
    );
    expect(compareCodePoints('\u{1F600}', '\uFF01')).toBeGreaterThan(0);
  });

  it('encodes everything but the unreserved set, upper-case hex', () => {
    expect(uriEncode("AZaz09-_.~")).toBe('AZaz09-_.~');
    expect(uriEncode(" !'()*/+:@")).toBe('%20%21%27%28%29%2A%2F%2B%3A%40');
    expect(uriEncode('一😀')).toBe('%E4%B8%80%F0%9F%98%80');
  });

  it('canonicalUri gives the same form for a raw path (without `%`) and any percent-encoding of it', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/[/%]/g, '')), { maxLength: 4 }), (segments) => {
        const raw = `/${segments.join('/')}`;
        const encoded = `/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
        const lowerHex = encoded.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
        expect(canonicalUri(encoded)).toBe(canonicalUri(raw));
        expect(canonicalUri(lowerHex)).toBe(canonicalUri(raw));
        expect(canonicalUri(raw)).toMatch(/^(\/|%[0-9A-F]{2}|[A-Za-z0-9\-_.~])*\/$/);
      }),
      { numRuns: 500 },
    );
  });

  it("rebuilds the Node SDK's canonical URI from the wire path", () => {
    expect(nodeSdkCanonicalUri('/v1/a%20b/%E4%B8%80/x|y/%e4%b8%80:1')).toBe('/v1/a%2520b/%E4%B8%80/x%257Cy/%E4%B8%80%3A1/');
    expect(nodeSdkCanonicalUri('/v1/%zz/%C3')).toBe('/v1/%25zz/%25C3/');
  });

  it('keeps a malformed escape literal', () => {
    expect(canonicalUri('/a%zz/b%E4')).toBe('/a%25zz/b%25E4/');
    expect(canonicalQueryString('a=%zz&b=%')).toBe('a=%25zz&b=%25');
  });

  it('canonical query equals a plain split/decode/sort-by-bytes/encode reference', () => {
    const decode = (s: string) => {
      const t = s.replace(/\+/g, ' ');
      try {
        return decodeURIComponent(t);
      } catch {
        return t;
      }
    };
    const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const reference = (raw: string) => raw.split('&').filter((p) => p !== '')
      .map((p) => (p.includes('=') ? [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] : [p, '']))
      .map(([k, v]) => [decode(k ?? ''), decode(v ?? '')] as const)
      .sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])) || Buffer.compare(Buffer.from(a[1]), Buffer.from(b[1])))
      .map(([k, v]) => `${encode(k)}=${encode(v)}`)
      .join('&');
    const unit = fc.constantFrom('a', 'b', 'B', '-', '~', '.', '=', '%', '%41', '%2B', '%e4%b8%80', '+', ' ', 'é', '😀', '\uFF01', '/', '*');
    const part = fc.string({ unit, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), (parts) => {
        const raw = parts.join('&');
        expect(canonicalQueryString(raw), raw).toBe(reference(raw));
      }),
      { numRuns: 1000 },
    );
  });

  it('encodes a second `=` as part of the value', () => {
    expect(canonicalQueryString('filter=a=b&x=1')).toBe('filter=a%3Db&x=1');
  });

  it('canonical query: sorting, repeated keys, empty values, missing `=`', () => {
    expect(canonicalQueryString('b=2&a=3&a=1&c&d=&&e=x%2By+z')).toBe('a=1&a=3&b=2&c=&d=&e=x%2By%20z');
    expect(canonicalQueryString('')).toBe('');
  });
});

describe('splitUrl', () => {
  it('splits by hand exactly as the WHATWG parser would', () => {
    const hosts = fc.constantFrom('a.example.com', 'EVS.Example.com', '127.0.0.1', '127.1', '0x7f.1', 'h', 'xn--nxasmq6b.com', 'a..b', '[::1]', 'user@h');
    const ports = fc.constantFrom('', ':443', ':80', ':8080', ':0', ':08080', ':65536');
    const pathChars = fc.constantFrom(...'aZ09-_.~!$&\'()*+,;=:@%|^[]/ "<>`{}\\#?é\t'.split(''), '%2e', '%2F', '..', '.');
    const urls = fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://'), hosts, ports, fc.string({ unit: pathChars, maxLength: 12 }))
      .map(([scheme, host, port, rest]) => `${scheme}${host}${port}/${rest}`);
    fc.assert(
      fc.property(urls, (url) => {
        let reference: URL;
        try {
          reference = new URL(url);
        } catch {
          expect(() => splitUrl(url)).toThrow();
          return;
        }
        expect(splitUrl(url)).toEqual({ host: reference.host, path: reference.pathname, query: reference.search.slice(1) });
      }),
      { numRuns: 2000 },
    );
  });

  it('returns `/` for an empty path', () => {
    expect(splitUrl('https://h.example.com?x=1')).toEqual({ host: 'h.example.com', path: '/', query: 'x=1' });
    expect(splitUrl('http://127.0.0.1:9000')).toEqual({ host: '127.0.0.1:9000', path: '/', query: '' });
  });
});

describe('X-Sdk-Date', () => {
  it('formats and parses round trip on whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 }), (s) => {
        const d = new Date(s * 1000);
        const text = formatSdkDate(d);
        expect(text).toMatch(/^\d{8}T\d{6}Z$/);
        expect(parseSdkDate(text)?.getTime()).toBe(d.getTime());
      }),
      { numRuns: 500 },
    );
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 999)))).toBe('20191115T033655Z');
  });

  it('rejects malformed and impossible dates', () => {
    for (const s of ['', '20191115T033655', '2019-11-15T03:36:55Z', '20191315T033655Z', '20190229T000000Z', ' 20191115T033655Z']) {
      expect(parseSdkDate(s), s).toBeUndefined();
    }
    expect(parseSdkDate('20200229T235959Z')?.toISOString()).toBe('2020-02-29T23:59:59.000Z');
  });
});

describe('sign: header handling', () => {
  const creds = { ak: 'AK', sk: 'SK' };
  const url = 'https://evs.example.com/v2/pid/cloudvolumes';

  it('uses a caller host header and a caller X-Sdk-Date, replacing a stale Authorization', () => {
    const out = sign({ method: 'GET', url, headers: { HOST: 'proxy.local:8080', 'x-sdk-date': '20240301T101500Z', authorization: 'old' } }, creds);
    expect(out).toMatchObject({ Host: 'proxy.local:8080', 'X-Sdk-Date': '20240301T101500Z' });
    expect(Object.keys(out).map((k) => k.toLowerCase()).sort()).toEqual(['authorization', 'host', 'x-sdk-date']);
    expect(out['Authorization']).not.toBe('old');
  });

  it('signs the project id and security token from the credentials', () => {
    const d = signDetailed({ method: 'GET', url, date: '20240301T101500Z' }, { ...creds, projectId: 'p1', securityToken: 'tok' });
    expect(d.headers).toMatchObject({ 'X-Project-Id': 'p1', 'X-Security-Token': 'tok' });
    expect(d.authorization).toContain('SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,');
  });

  it('keeps a caller X-Project-Id when the credentials carry none, and lets the credentials win otherwise', () => {
    const fromHeader = sign({ method: 'GET', url, headers: { 'x-project-id': 'p-header' }, date: '20240301T101500Z' }, creds);
    expect(fromHeader).toMatchObject({ 'X-Project-Id': 'p-header' });
    expect(fromHeader['Authorization']).toContain('SignedHeaders=host;x-project-id;x-sdk-date,');
    const fromCreds = sign({ method: 'GET', url, headers: { 'x-project-id': 'p-header' }, date: '20240301T101500Z' }, { ...creds, projectId: 'p1' });
    expect(fromCreds).toMatchObject({ 'X-Project-Id': 'p1' });
    expect(Object.keys(fromCreds).filter((k) => k.toLowerCase() === 'x-project-id')).toHaveLength(1);
  });

  it('trims header values in the canonical form only', () => {
    const d = signDetailed({ method: 'GET', url, headers: { 'X-Tag': '  a  b ' }, date: '20240301T101500Z' }, creds);
    expect(d.canonicalRequest).toContain('\nx-tag:a  b\n');
    expect(d.headers['X-Tag']).toBe('  a  b ');
  });

  it('uses a caller X-Sdk-Content-Sha256 as the payload hash', () => {
    const d = signDetailed({ method: 'PUT', url, headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' }, body: 'x', date: '20240301T101500Z' }, creds);
    expect(d.canonicalRequest.endsWith('\nhost;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD')).toBe(true);
  });

  it('rejects a header given twice and a malformed date', () => {
    expect(() => sign({ method: 'GET', url, headers: { 'X-A': '1', 'x-a': '2' } }, creds)).toThrow(TypeError);
    expect(() => sign({ method: 'GET', url, date: '2024-03-01' }, creds)).toThrow(TypeError);
  });

  it('defaults the date to now', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const date = parseSdkDate(sign({ method: 'GET', url }, creds)['X-Sdk-Date'] ?? '');
    expect(date?.getTime()).toBeGreaterThanOrEqual(before);
  });
});
