/**
 * The pieces of SDK-HMAC-SHA256's canonical request (shared/spec/signing.md), exposed one by
 * one so the published vectors can be checked step by step.
 */
import { compareCodePoints, percentDecode, uriEncode } from './encoding.ts';
import { EMPTY_BODY_SHA256, sha256Hex } from './digest.ts';

export const ALGORITHM = 'SDK-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

// Paths and queries of unreserved characters (the usual ids and limit=50&offset=0) need no
// decoding or encoding; a regular expression finds them ~2x faster than a charCodeAt loop.
const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;
const PLAIN_QUERY = /^[A-Za-z0-9\-._~&=]*$/;

/**
 * Canonical URI of a path as it travels on the wire (percent-encoded or not): each segment is
 * decoded, then encoded with the unreserved set, so `:` and `%3A` (or `%3a`) sign the same way.
 * A trailing `/` is always present in the canonical form.
 */
export function canonicalUri(path: string): string {
  if (path === '' || path === '/') return '/';
  let out: string;
  if (PLAIN_PATH.test(path)) {
    out = path;
  } else {
    const segments = path.split('/');
    for (let i = 0; i < segments.length; i++) segments[i] = uriEncode(percentDecode(segments[i] ?? '', false));
    out = segments.join('/');
  }
  return out.endsWith('/') ? out : `${out}/`;
}

function comparePairs(keys: string[], values: string[], i: number, j: number): number {
  return compareCodePoints(keys[i] as string, keys[j] as string) || compareCodePoints(values[i] as string, values[j] as string);
}

/** Sorts keys and values together by (key, value); insertion sort for the usual handful of pairs. */
function sortPairs(keys: string[], values: string[]): void {
  const n = keys.length;
  if (n > 16) {
    const order = keys.map((_k, i) => i).sort((i, j) => comparePairs(keys, values, i, j));
    const k = order.map((i) => keys[i] as string);
    const v = order.map((i) => values[i] as string);
    for (let i = 0; i < n; i++) {
      keys[i] = k[i] as string;
      values[i] = v[i] as string;
    }
    return;
  }
  for (let i = 1; i < n; i++) {
    for (let j = i; j > 0 && comparePairs(keys, values, j - 1, j) > 0; j--) {
      const k = keys[j] as string;
      keys[j] = keys[j - 1] as string;
      keys[j - 1] = k;
      const v = values[j] as string;
      values[j] = values[j - 1] as string;
      values[j - 1] = v;
    }
  }
}

/**
 * Canonical query string of a raw query (without `?`) as written in a URL or received on the
 * wire: pairs decoded (`+` is a space), sorted by key then value in byte order, re-encoded,
 * `k=` for an empty or missing value, joined with `&`.
 */
export function canonicalQueryString(rawQuery: string): string {
  if (rawQuery === '') return '';
  let plain = PLAIN_QUERY.test(rawQuery);
  const keys: string[] = [];
  const values: string[] = [];
  // indexOf walks instead of split('&'), which costs more than the rest of this function on the
  // fresh (sliced) strings a request brings; nextEq is remembered so keys without `=` cannot make
  // the walk quadratic.
  const n = rawQuery.length;
  let nextEq = -2;
  for (let start = 0; start <= n;) {
    let amp = rawQuery.indexOf('&', start);
    if (amp < 0) amp = n;
    if (amp > start) {
      if (nextEq !== -1 && nextEq < start) nextEq = rawQuery.indexOf('=', start);
      if (nextEq < 0 || nextEq > amp) {
        keys.push(rawQuery.slice(start, amp));
        values.push('');
      } else {
        const value = rawQuery.slice(nextEq + 1, amp);
        // A second `=` belongs to the value and is encoded; plain text decodes to itself, so
        // the pairs collected so far stay valid.
        if (plain && value.includes('=')) plain = false;
        keys.push(rawQuery.slice(start, nextEq));
        values.push(value);
      }
    }
    start = amp + 1;
  }
  if (!plain) {
    for (let i = 0; i < keys.length; i++) {
      keys[i] = percentDecode(keys[i] as string, true);
      values[i] = percentDecode(values[i] as string, true);
    }
  }
  sortPairs(keys, values);
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = values[i] as string;
    out += (i === 0 ? '' : '&') + (plain ? `${key}=${value}` : `${uriEncode(key)}=${uriEncode(value)}`);
  }
  return out;
}

/** Hex SHA-256 of the exact body bytes; the empty-string digest for no body. */
export function hashPayload(body: string | Uint8Array | undefined): string {
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return sha256Hex(body);
}

export interface CanonicalRequestParts {
  method: string;
  /** Output of canonicalUri. */
  canonicalUri: string;
  /** Output of canonicalQueryString. */
  canonicalQuery: string;
  /** Signed headers as [lower-case name, value], in the order they are signed (normally sorted). */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** Hex body digest, or the X-Sdk-Content-Sha256 value (e.g. UNSIGNED-PAYLOAD). */
  payloadHash: string;
}

/** `h1;h2;…` of the headers, in the given order. */
export function signedHeaderList(headers: CanonicalRequestParts['headers']): string {
  let out = '';
  for (let i = 0; i < headers.length; i++) out += (i === 0 ? '' : ';') + (headers[i] as readonly [string, string])[0];
  return out;
}

/**
 * The canonical request from parallel name/value arrays (the signer's hot path avoids building
 * tuples); names must already be lower-case and in signing order.
 */
export function buildCanonicalRequest(
  method: string, uri: string, query: string, names: readonly string[], values: readonly string[], payloadHash: string,
  signedList: string = names.join(';'),
): string {
  let block = '';
  for (let i = 0; i < names.length; i++) block += `${names[i] as string}:${(values[i] as string).trim()}\n`;
  return `${method.toUpperCase()}\n${uri}\n${query}\n${block}\n${signedList}\n${payloadHash}`;
}

/** METHOD, URI, query, `name:value` lines, blank line, signed-header list, payload hash. */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  const names = parts.headers.map((h) => h[0]);
  const values = parts.headers.map((h) => h[1]);
  return buildCanonicalRequest(parts.method, parts.canonicalUri, parts.canonicalQuery, names, values, parts.payloadHash);
}

/** `SDK-HMAC-SHA256`, the X-Sdk-Date, and the hex SHA-256 of the canonical request, one per line. */
export function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequestText)}`;
}
