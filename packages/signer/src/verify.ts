import { timingSafeEqual } from 'node:crypto';
import { buildCanonicalRequest, canonicalQueryString, canonicalUri, hashPayload, stringToSign, UNSIGNED_PAYLOAD } from './canonical.ts';
import { parseAuthorization } from './authorization.ts';
import { parseSdkDate } from './date.ts';
import { hmacSha256Hex } from './digest.ts';
import { nodeSdkCanonicalUri, nodeSdkPathMayDiffer } from './node-sdk-path.ts';
import { splitTarget } from './url.ts';

export type VerifyFailureReason = 'missing_header' | 'bad_format' | 'expired' | 'mismatch' | 'unknown_ak';

export interface VerifyRequest {
  method: string;
  /** Path + '?' + raw query as received on the wire, or a full URL. */
  url: string;
  /** Node's IncomingHttpHeaders: lower-case keys. */
  headers: Record<string, string | string[] | undefined>;
  /** Exact body bytes received; absent means empty. */
  body?: string | Uint8Array;
}

export type VerifyResult =
  | { ok: true; ak: string; signedHeaders: string[] }
  | { ok: false; reason: VerifyFailureReason; message: string };

export interface VerifyOptions {
  /** Server time; default now. */
  now?: Date;
  /** Largest accepted distance between X-Sdk-Date and now; default 15 minutes, as the gateway. */
  maxSkewMs?: number;
  /**
   * Also accept the canonical URI the official Node SDK computes for paths with spaces, quotes,
   * braces and the like (see node-sdk-path.ts). Default true. The price: a path whose segment
   * holds a literal escape (`a%2520b` on the wire, i.e. the text `a%20b`) and the path with the
   * decoded character (`a%20b`, i.e. `a b`) share a canonical form, so a signature for one also
   * verifies for the other; set false where paths can carry literal `%`.
   */
  nodeSdkPathCompat?: boolean;
}

const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;
const HEX_DIGEST = /^[0-9a-f]{64}$/i;

function fail(reason: VerifyFailureReason, message: string): VerifyResult {
  return { ok: false, reason, message };
}

function header(headers: VerifyRequest['headers'], name: string): string | undefined {
  let value = headers[name];
  if (value === undefined) {
    // Tolerate callers that kept the sender's spelling instead of Node's lower-case keys.
    for (const key in headers) {
      if (key.toLowerCase() === name) {
        value = headers[key];
        break;
      }
    }
  }
  return Array.isArray(value) ? value.join(', ') : value;
}

function minutes(ms: number): string {
  return `${Math.round(ms / 6000) / 10} min`;
}

interface SigningInput {
  secret: string;
  date: string;
  method: string;
  query: string;
  names: string[];
  values: string[];
  payloadHash: string;
}

function signatureFor(s: SigningInput, uri: string): string {
  return hmacSha256Hex(s.secret, stringToSign(s.date, buildCanonicalRequest(s.method, uri, s.query, s.names, s.values, s.payloadHash)));
}

function signatureMatches(expectedHex: string, givenHex: string): boolean {
  return timingSafeEqual(Buffer.from(expectedHex, 'latin1'), Buffer.from(givenHex, 'latin1'));
}

/** The payload hash the client signed, or a failure when its declared digest is unusable. */
function payloadHashOf(body: VerifyRequest['body'], declared: string | undefined): string | VerifyResult {
  const bodyHash = hashPayload(body);
  if (declared === undefined) return bodyHash;
  if (declared === UNSIGNED_PAYLOAD) return declared;
  if (!HEX_DIGEST.test(declared)) return fail('bad_format', `X-Sdk-Content-Sha256 must be ${UNSIGNED_PAYLOAD} or a hex digest`);
  if (declared.toLowerCase() !== bodyHash) return fail('mismatch', 'the body does not match its X-Sdk-Content-Sha256 digest');
  return declared;
}

/**
 * Verifies an SDK-HMAC-SHA256 request the way the gateway does: the canonical request is rebuilt
 * from exactly the headers the client lists in SignedHeaders (in its order), X-Sdk-Date must be
 * within the skew window, and signatures are compared in constant time.
 */
export function verify(
  req: VerifyRequest,
  lookupSecret: (ak: string) => string | undefined,
  opts?: VerifyOptions,
): VerifyResult {
  const rawAuth = req.headers['authorization'] ?? header(req.headers, 'authorization');
  if (rawAuth === undefined || rawAuth === '') return fail('missing_header', 'Authorization header is missing');
  if (Array.isArray(rawAuth)) return fail('bad_format', 'Authorization header is given more than once');
  const auth = parseAuthorization(rawAuth);
  if (typeof auth === 'string') return fail('bad_format', auth);

  const dateHeader = header(req.headers, 'x-sdk-date');
  if (dateHeader === undefined) return fail('missing_header', 'X-Sdk-Date header is missing');
  const dateText = dateHeader.trim();
  const date = parseSdkDate(dateText);
  if (!date) return fail('bad_format', `X-Sdk-Date "${dateHeader}" is not of the form 20060102T150405Z`);

  const values: string[] = [];
  // Only a signed X-Sdk-Content-Sha256 counts: an unsigned one could be added by anyone to turn
  // body checking off with UNSIGNED-PAYLOAD.
  let declaredPayload: string | undefined;
  for (const name of auth.signedHeaders) {
    const value = header(req.headers, name);
    if (value === undefined) return fail('missing_header', `SignedHeaders lists "${name}" but the request has no such header`);
    values.push(value);
    if (name === 'x-sdk-content-sha256') declaredPayload = value.trim();
  }

  const secret = lookupSecret(auth.ak);
  if (secret === undefined) return fail('unknown_ak', `Access key "${auth.ak}" is not known`);

  const now = opts?.now ?? new Date();
  const skew = Math.abs(now.getTime() - date.getTime());
  const maxSkew = opts?.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  if (skew > maxSkew) {
    return fail('expired', `signature expired: X-Sdk-Date ${dateText} is ${minutes(skew)} from server time ` +
      `${now.toISOString()} (limit ${minutes(maxSkew)})`);
  }

  const payloadHash = payloadHashOf(req.body, declaredPayload);
  if (typeof payloadHash !== 'string') return payloadHash;

  const target = splitTarget(req.url);
  let standardUri: string;
  let query: string;
  try {
    standardUri = canonicalUri(target.path);
    query = canonicalQueryString(target.query);
  } catch {
    return fail('bad_format', 'the request path or query cannot be encoded (lone UTF-16 surrogate)');
  }
  const signing: SigningInput = { secret, date: dateText, method: req.method, query, names: auth.signedHeaders, values, payloadHash };
  if (signatureMatches(signatureFor(signing, standardUri), auth.signature)) {
    return { ok: true, ak: auth.ak, signedHeaders: auth.signedHeaders };
  }
  if (opts?.nodeSdkPathCompat !== false && nodeSdkPathMayDiffer(target.path)) {
    const sdkUri = nodeSdkCanonicalUri(target.path);
    if (sdkUri !== standardUri && signatureMatches(signatureFor(signing, sdkUri), auth.signature)) {
      return { ok: true, ak: auth.ak, signedHeaders: auth.signedHeaders };
    }
  }
  return fail('mismatch', `signature does not match the request (${req.method.toUpperCase()} ${standardUri}, ` +
    `SignedHeaders=${auth.signedHeaders.join(';')})`);
}
