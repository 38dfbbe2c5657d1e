/**
 * Random requests on which our signer and the official Node SDK must agree. Input classes where
 * the SDK departs from shared/spec/signing.md are left out, each for a stated reason:
 * - header values with leading/trailing whitespace: the SDK does not trim (the spec does, and an
 *   HTTP server strips them anyway, so the SDK's own signature would not verify);
 * - header names with `_` or `.`: the SDK sorts SignedHeaders by code unit but the canonical
 *   header block with localeCompare, which orders `a_b` before `a-b` — its canonical request then
 *   disagrees with its own SignedHeaders list;
 * - query text mixing U+E000–U+FFFF with astral characters: the SDK sorts by UTF-16 code unit,
 *   the spec by byte (code point) order;
 * - path characters url.parse escapes (space " ' < > \ ^ ` { | }) and a literal `%`: the SDK
 *   double-encodes them while the spec encodes once; verify() still accepts those SDK signatures
 *   (see SDK_ESCAPED_CHARS and the verify property);
 * - `.`/`..` segments, tabs, newlines: the SDK signs the path before URL normalisation removes
 *   them, so what it signs is not what it sends;
 * - an explicit default port (`:443`): the SDK signs `host:443` while fetch sends `host`;
 * - multipart and non-JSON content types: the SDK drops multipart content-type from the
 *   signature, and its BasicCredentials (not AKSKSigner) switches non-JSON bodies to
 *   UNSIGNED-PAYLOAD; our signer signs the bytes it is given.
 */
import fc from 'fast-check';
import type { OfficialRequest, QueryParams } from './official-sdk.ts';

const LETTERS = 'abcxyzABCXYZ0189';
const UNICODE = ['é', 'ß', 'Ω', '一', '中', '😀', '𝄞'];

/** Path characters both parsers leave alone, so the SDK encodes them exactly once. */
export const SEGMENT_CHARS = [...LETTERS, ...'-_.~', ...'!$&()*+,;=:@[]', ...UNICODE];
/** Path characters url.parse escapes before the SDK encodes the path again. */
export const SDK_ESCAPED_CHARS = [...' "\'<>^`{|}'];
const QUERY_CHARS = [...LETTERS, ...'-_.~ !"#$%&\'()*+,/:;<=>?@[\\]^`{|}', ...UNICODE];
const HEADER_VALUE_CHARS = [...LETTERS, ...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const HEADER_NAME_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789-'];

export function segment(chars: string[]): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...chars), maxLength: 8 }).filter((s) => s !== '.' && s !== '..');
}

// A URL string loses trailing spaces when parsed (WHATWG strips them), so a path ending in one
// cannot be sent as written; such paths are left out rather than compared against what is sent.
export const pathArb = (chars: string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.array(segment(chars), { maxLength: 4 }), fc.boolean())
    .map(([segments, trailingSlash]) => `/${segments.join('/')}${trailingSlash && segments.length > 0 ? '/' : ''}`)
    .filter((path) => !path.endsWith(' '));

const queryText = fc.string({ unit: fc.constantFrom(...QUERY_CHARS), maxLength: 6 });

export const queryArb: fc.Arbitrary<QueryParams> = fc.dictionary(
  queryText.filter((k) => k !== '__proto__'),
  fc.oneof(queryText, fc.array(queryText, { minLength: 1, maxLength: 3 })),
  { maxKeys: 5 },
);

const RESERVED = new Set(['host', 'authorization', 'x-sdk-date', 'x-project-id', 'x-security-token', 'x-sdk-content-sha256', 'content-type']);

export const headersArb: fc.Arbitrary<Record<string, string>> = fc.uniqueArray(
  fc.tuple(
    fc.string({ unit: fc.constantFrom(...HEADER_NAME_CHARS), minLength: 1, maxLength: 10 })
      .map((s) => `x-${s}`)
      .filter((n) => !RESERVED.has(n)),
    fc.string({ unit: fc.constantFrom(...HEADER_VALUE_CHARS), maxLength: 16 }).map((s) => s.trim()),
  ),
  { selector: ([name]) => name, maxLength: 4 },
).chain((pairs) => fc.boolean().map((json) => ({
  ...Object.fromEntries(pairs),
  ...(json ? { 'content-type': 'application/json' } : {}),
})));

const ORIGINS = ['https://evs.cn-north-4.myhuaweicloud.com', 'http://127.0.0.1:9000/evs', 'https://Example.COM:8443'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
// X-Sdk-Date carries whole seconds between 2000 and 2099.
const SECONDS = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 });
const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });

export interface GeneratedRequest extends OfficialRequest {
  dateMs: number;
}

export function requestArb(pathChars: string[]): fc.Arbitrary<GeneratedRequest> {
  return fc.record({
    method: fc.constantFrom(...METHODS),
    origin: fc.constantFrom(...ORIGINS),
    path: pathArb(pathChars),
    query: queryArb,
    headers: headersArb,
    data: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), { nil: undefined }),
    seconds: SECONDS,
    ak: fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 20, maxLength: 20 }),
    sk: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    projectId: fc.option(hex32, { nil: undefined }),
    securityToken: fc.option(fc.base64String({ minLength: 4, maxLength: 40 }), { nil: undefined }),
  }).map(({ origin, path, seconds, ...rest }) => {
    const dateMs = seconds * 1000;
    const d = new Date(dateMs).toISOString();
    const date = `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}T${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}Z`;
    return { ...rest, endpoint: origin + path, date, dateMs };
  });
}
