/**
 * The canonical URI the official Node SDK (@huaweicloud/huaweicloud-sdk-core AKSKSigner) computes,
 * rebuilt from the path that arrives on the wire.
 *
 * The SDK encodes `url.parse(endpoint).pathname` as is, while axios sends `new URL(endpoint)`'s
 * path. The two parsers disagree on a few characters, so for those the SDK's canonical form is
 * not the decode-then-encode form every other SDK (and ours) uses:
 * - url.parse escapes space " ' < > \ ^ ` { | } before the SDK encodes again, so they end up
 *   double-encoded (`a b` -> `a%2520b`); WHATWG sends `%20`, `%22`, … or leaves `'`, `^`, `|` raw;
 * - url.parse leaves non-ASCII raw, so unicode is encoded once (`一` -> `%E4%B8%80`), exactly as
 *   WHATWG sends it;
 * - a `%XX` already in the SDK caller's path is kept by both parsers and double-encoded.
 * Rebuilding therefore turns wire escapes of non-ASCII UTF-8 into single escapes, every other
 * escape into `%25XX`, and raw `'`, `^`, `|` into `%2527`, `%255E`, `%257C`. A caller that
 * pre-encoded non-ASCII text, or used `.`/`..` segments or tabs, cannot be told apart on the wire
 * and is not covered.
 */
import { uriEncode } from './encoding.ts';

const URL_PARSE_ESCAPED: Record<string, string> = { "'": '%2527', '^': '%255E', '|': '%257C' };

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function escapeAt(s: string, i: number): number | undefined {
  if (s.charCodeAt(i) !== 37 /* % */ || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) return undefined;
  return parseInt(s.slice(i + 1, i + 3), 16);
}

/** Length in bytes of the UTF-8 sequence a lead byte announces; 0 for a byte that cannot lead one. */
function utf8Length(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Length in characters of the escaped non-ASCII UTF-8 character starting at i, or 0. */
function escapedCharLength(s: string, i: number, lead: number): number {
  const n = utf8Length(lead);
  if (n === 0) return 0;
  for (let k = 1; k < n; k++) {
    const b = escapeAt(s, i + 3 * k);
    if (b === undefined || b < 0x80 || b > 0xbf) return 0;
  }
  try {
    decodeURIComponent(s.slice(i, i + 3 * n));
  } catch {
    return 0; // overlong form or surrogate code point
  }
  return 3 * n;
}

function segment(s: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < s.length;) {
    const byte = escapeAt(s, i);
    const doubled = byte === undefined ? URL_PARSE_ESCAPED[s.charAt(i)] : undefined;
    if (byte === undefined && doubled === undefined) {
      i += 1;
      continue;
    }
    out += uriEncode(s.slice(plainFrom, i));
    if (doubled !== undefined) {
      out += doubled;
      i += 1;
    } else {
      const len = byte !== undefined && byte >= 0x80 ? escapedCharLength(s, i, byte) : 0;
      out += len > 0 ? s.slice(i, i + len).toUpperCase() : `%25${s.slice(i + 1, i + 3)}`;
      i += len > 0 ? len : 3;
    }
    plainFrom = i;
  }
  return out + uriEncode(s.slice(plainFrom));
}

/** Canonical URI the Node SDK signed, given the path received on the wire. */
export function nodeSdkCanonicalUri(wirePath: string): string {
  const out = wirePath.split('/').map(segment).join('/');
  return out.endsWith('/') ? out : `${out}/`;
}

/** Whether the Node SDK's canonical URI can differ from the standard one for this wire path. */
export function nodeSdkPathMayDiffer(wirePath: string): boolean {
  return /[%'^|]/.test(wirePath);
}
