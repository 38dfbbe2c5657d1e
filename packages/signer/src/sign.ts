import { buildCanonicalRequest, canonicalQueryString, canonicalUri, hashPayload, stringToSign } from './canonical.ts';
import { formatAuthorization } from './authorization.ts';
import { formatSdkDate, parseSdkDate, sdkDateNow } from './date.ts';
import { hmacSha256Hex } from './digest.ts';
import { splitUrl } from './url.ts';

export interface SignCredentials { ak: string; sk: string; projectId?: string; securityToken?: string }

export interface SignRequest {
  /** Any case; canonicalised to upper case. */
  method: string;
  /** Full URL including the query; the Host comes from it unless a host header is given. */
  url: string | URL;
  /** Extra headers to send and sign (e.g. content-type). */
  headers?: Record<string, string>;
  /** Exact bytes sent; empty or undefined hashes as sha256(""). */
  body?: string | Uint8Array;
  /** A Date, or an X-Sdk-Date string `YYYYMMDDTHHMMSSZ`; default now. */
  date?: Date | string;
}

export interface SignOptions {
  /**
   * Whether `host` is among the signed headers (default true, as the Node, Python and Java SDKs
   * do). The Go SDK signs without it; false reproduces its signatures. Host is returned either way.
   */
  signHost?: boolean;
}

export interface SignDetails {
  /** Every header to put on the wire, Authorization included. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

function sdkDate(date: Date | string | undefined, fromHeader: string | undefined): string {
  const value = date ?? fromHeader;
  if (value === undefined) return sdkDateNow();
  if (typeof value !== 'string') return formatSdkDate(value);
  if (!parseSdkDate(value)) throw new TypeError(`X-Sdk-Date must look like 20060102T150405Z, got "${value}"`);
  return value;
}

/** Signed headers kept sorted in two parallel arrays: a handful of entries, no tuples to allocate. */
class SignedHeaders {
  readonly names: string[] = [];
  readonly values: string[] = [];

  add(name: string, value: string): void {
    const { names, values } = this;
    let i = names.length;
    for (; i > 0 && (names[i - 1] as string) > name; i--) {
      names[i] = names[i - 1] as string;
      values[i] = values[i - 1] as string;
    }
    if (i > 0 && names[i - 1] === name) throw new TypeError(`header "${name}" is given twice`);
    names[i] = name;
    values[i] = value;
  }

  /** `a;b;c` — concatenation is cheaper than Array#join for a handful of names. */
  list(): string {
    const { names } = this;
    let out = names[0] ?? '';
    for (let i = 1; i < names.length; i++) out += `;${names[i] as string}`;
    return out;
  }
}

/** Signs a request and returns the signature together with every intermediate text. */
export function signDetailed(req: SignRequest, creds: SignCredentials, opts?: SignOptions): SignDetails {
  const url = splitUrl(req.url);
  const out: Record<string, string> = {};
  const signed = new SignedHeaders();
  // Headers sign() sets itself; a caller's copy, in any spelling, feeds or yields to them.
  let host = url.host;
  let dateHeader: string | undefined;
  let projectId = creds.projectId;
  let securityToken = creds.securityToken;
  let payloadHash: string | undefined;
  const given = req.headers;
  if (given) {
    const givenNames = Object.keys(given);
    for (let n = 0; n < givenNames.length; n++) {
      const name = givenNames[n] as string;
      const value = given[name];
      if (value === undefined) continue;
      const lower = name.toLowerCase();
      switch (lower) {
        case 'host': host = value; break;
        case 'x-sdk-date': dateHeader = value; break;
        case 'x-project-id': projectId ||= value; break;
        case 'x-security-token': securityToken ||= value; break;
        case 'authorization': break; // a stale signature from an earlier attempt
        default:
          signed.add(lower, value);
          out[name] = value;
          // A caller-provided X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD for a stream) replaces
          // the body digest; it is itself signed like every given header.
          if (lower === 'x-sdk-content-sha256') payloadHash = value.trim();
      }
    }
  }
  const date = sdkDate(req.date, dateHeader);
  out['Host'] = host;
  out['X-Sdk-Date'] = date;
  if (opts?.signHost !== false) signed.add('host', host);
  signed.add('x-sdk-date', date);
  if (projectId) {
    out['X-Project-Id'] = projectId;
    signed.add('x-project-id', projectId);
  }
  if (securityToken) {
    out['X-Security-Token'] = securityToken;
    signed.add('x-security-token', securityToken);
  }

  const signedList = signed.list();
  const canonical = buildCanonicalRequest(
    req.method, canonicalUri(url.path), canonicalQueryString(url.query), signed.names, signed.values,
    payloadHash ?? hashPayload(req.body), signedList,
  );
  const toSign = stringToSign(date, canonical);
  const signature = hmacSha256Hex(creds.sk, toSign);
  const authorization = formatAuthorization(creds.ak, signedList, signature);
  out['Authorization'] = authorization;
  return { headers: out, canonicalRequest: canonical, stringToSign: toSign, signature, authorization };
}

/**
 * Returns every header to put on the wire: the caller's headers plus Host, X-Sdk-Date,
 * X-Project-Id / X-Security-Token when present, and Authorization. Signs host and all given
 * headers (lower-cased), like the official Node SDK.
 */
export function sign(req: SignRequest, creds: SignCredentials, opts?: SignOptions): Record<string, string> {
  return signDetailed(req, creds, opts).headers;
}
