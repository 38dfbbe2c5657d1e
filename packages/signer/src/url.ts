/**
 * Splits a request URL into the host, path and raw query that go on the wire. A WHATWG URL
 * (what fetch and undici send) is the reference; `new URL` costs about as much as the rest of a
 * signature, so URLs it would not change are split by hand and only the others are parsed.
 */

export interface UrlParts {
  /** Host header value: lower-case, default port dropped, as URL.host. */
  host: string;
  /** Path as sent, percent-encoded; `/` when empty. */
  path: string;
  /** Raw query without `?`; empty when absent. */
  query: string;
}

// What WHATWG leaves untouched (regular expressions: irregexp scans ~2x faster than a charCodeAt loop):
// a host of lower-case letters, digits, `.` and `-`;
const PLAIN_HOSTNAME = /^[a-z0-9.-]+$/;
// printable ASCII in a path of an http(s) URL, except " # < > ? \ ` { } (encoded or rewritten);
const PLAIN_PATH = /^[!$-;=@-[\]^_a-z|~]*$/;
// printable ASCII in a query, except " # ' < > (encoded).
const PLAIN_QUERY = /^[!$-&(-;=?-~]*$/;
const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const PORT = /^[1-9]\d{0,4}$/;
// `.` and `..` segments (also as %2e) are resolved by WHATWG, so they are left to it.
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)/i;

function plainHost(authority: string, defaultPort: string): string | undefined {
  const colon = authority.indexOf(':');
  const hostname = colon < 0 ? authority : authority.slice(0, colon);
  // WHATWG validates (and may reject) punycode labels; leave those to it.
  if (hostname === '' || hostname.includes('xn--')) return undefined;
  if (!PLAIN_HOSTNAME.test(hostname)) return undefined;
  // A last label starting with a digit makes WHATWG parse the host as IPv4 (127.1, 0x7f.1, …);
  // only the canonical dotted quad comes out unchanged.
  const lastLabel = hostname.slice(hostname.lastIndexOf('.', hostname.length - 2) + 1);
  const first = lastLabel.charCodeAt(0);
  if (first >= 48 && first <= 57 && !DOTTED_QUAD.test(hostname)) return undefined;
  if (colon < 0) return hostname;
  const port = authority.slice(colon + 1);
  if (!PORT.test(port) || Number(port) > 65535) return undefined;
  return port === defaultPort ? hostname : authority;
}

function splitByHand(url: string): UrlParts | undefined {
  let start: number;
  let defaultPort: string;
  if (url.startsWith('https://')) { start = 8; defaultPort = '443'; }
  else if (url.startsWith('http://')) { start = 7; defaultPort = '80'; }
  else return undefined;
  const q = url.indexOf('?', start);
  const end = q < 0 ? url.length : q;
  let slash = url.indexOf('/', start);
  if (slash < 0 || slash > end) slash = end;
  const host = plainHost(url.slice(start, slash), defaultPort);
  if (host === undefined) return undefined;
  const path = slash === end ? '/' : url.slice(slash, end);
  if (!PLAIN_PATH.test(path)) return undefined;
  if ((path.includes('.') || path.includes('%')) && DOT_SEGMENT.test(path)) return undefined;
  const query = q < 0 ? '' : url.slice(q + 1);
  if (!PLAIN_QUERY.test(query)) return undefined;
  return { host, path, query };
}

export function splitUrl(url: string | URL): UrlParts {
  if (typeof url === 'string') {
    const parts = splitByHand(url);
    if (parts) return parts;
    url = new URL(url);
  }
  return { host: url.host, path: url.pathname || '/', query: url.search.slice(1) };
}

/**
 * Path and raw query of a request target received by a server: origin-form (`/p?q`) as Node
 * gives it in req.url, or an absolute URL.
 */
export function splitTarget(target: string): { path: string; query: string } {
  let rest = target;
  const scheme = rest.indexOf('://');
  if (scheme > 0 && !rest.startsWith('/')) {
    const slash = rest.indexOf('/', scheme + 3);
    const q = rest.indexOf('?', scheme + 3);
    const cut = slash < 0 ? q : q < 0 ? slash : Math.min(slash, q);
    rest = cut < 0 ? '/' : rest.slice(cut);
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  return { path: path === '' ? '/' : path, query: q < 0 ? '' : rest.slice(q + 1) };
}
