/**
 * Percent-encoding shared by the canonical URI and query: the RFC 3986 unreserved set
 * (A-Z a-z 0-9 - _ . ~) is kept, every other UTF-8 byte becomes %XX with upper-case hex.
 */

/** encodeURIComponent leaves these five alone; the unreserved set does not. */
const SUB_DELIM_ESCAPES: Record<string, string> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };
const SUB_DELIMS = /[!'()*]/g;

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/** Encodes a decoded path segment, query key or query value. Throws URIError on a lone surrogate. */
export function uriEncode(s: string): string {
  // Most keys, values and path segments (ids, fixed words) need no encoding at all.
  if (UNRESERVED_ONLY.test(s)) return s;
  return encodeURIComponent(s).replace(SUB_DELIMS, (c) => SUB_DELIM_ESCAPES[c] ?? c);
}

/**
 * Decodes one component as it appeared on the wire. A malformed escape (`%zz`, invalid UTF-8)
 * leaves the component as it was, so it is then encoded literally (`%` -> `%25`); the signing
 * side goes through the same function, so both sides still agree.
 */
export function percentDecode(s: string, plusIsSpace: boolean): string {
  let t = s;
  // In a query, `+` is a space for every HTTP stack the signature has to survive (form
  // encoding, Go's url.ParseQuery); a literal plus travels as %2B.
  if (plusIsSpace && t.includes('+')) t = t.replace(/\+/g, ' ');
  if (!t.includes('%')) return t;
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

function fold(c: number): number {
  // Surrogates (D800-DFFF) start astral code points, which sort after U+E000-U+FFFF.
  return c >= 0xe000 ? c - 0x800 : c + 0x2000;
}

/**
 * Orders strings by code point, which is the byte order of their UTF-8 encodings (what Go's
 * sort.Strings and Python's sorted() do). JavaScript's default order compares UTF-16 code units
 * and differs for astral characters versus U+E000-U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? fold(x) - fold(y) : x - y;
  }
  return a.length - b.length;
}
