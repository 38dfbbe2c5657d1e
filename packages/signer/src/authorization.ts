import { ALGORITHM } from './canonical.ts';

export interface ParsedAuthorization {
  ak: string;
  signedHeaders: string[];
  /** Lower-case hex. */
  signature: string;
}

export function formatAuthorization(ak: string, signedHeaderList: string, signature: string): string {
  return `${ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaderList}, Signature=${signature}`;
}

const PREFIX = `${ALGORITHM} `;
const SIGNATURE = /^[0-9a-fA-F]{64}$/;
// RFC 9110 token characters, lower-case letters only: SignedHeaders names are lower-cased.
const NAME_CHAR = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+.^_`|~-") NAME_CHAR[ch.charCodeAt(0)] = 1;

function isHeaderName(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) if (NAME_CHAR[s.charCodeAt(i)] !== 1) return false;
  return true;
}

/**
 * Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=a;b, Signature=<64 hex>`. The three fields may
 * come in any order, with or without a space after each comma (the SDKs write ", ").
 * Returns a sentence describing the defect when the value is malformed.
 */
export function parseAuthorization(value: string): ParsedAuthorization | string {
  if (!value.startsWith(PREFIX)) return `Authorization must start with "${ALGORITHM}"`;
  let ak: string | undefined;
  let list: string | undefined;
  let signature: string | undefined;
  for (const raw of value.slice(PREFIX.length).split(',')) {
    const field = raw.trim();
    const eq = field.indexOf('=');
    if (eq <= 0) return `Authorization field "${field}" is not name=value`;
    const name = field.slice(0, eq);
    const fieldValue = field.slice(eq + 1);
    const before = name === 'Access' ? ak : name === 'SignedHeaders' ? list : name === 'Signature' ? signature : null;
    if (before === null) return `Authorization has an unknown field "${name}"`;
    if (before !== undefined) return `Authorization repeats the field "${name}"`;
    if (name === 'Access') ak = fieldValue;
    else if (name === 'SignedHeaders') list = fieldValue;
    else signature = fieldValue;
  }
  if (!ak) return 'Authorization has no Access (AK)';
  if (!list) return 'Authorization has no SignedHeaders';
  if (signature === undefined || !SIGNATURE.test(signature)) return 'Authorization Signature must be 64 hex digits';
  const signedHeaders = list.split(';');
  for (let i = 0; i < signedHeaders.length; i++) {
    const name = signedHeaders[i] as string;
    if (!isHeaderName(name)) return `SignedHeaders entry "${name}" is not a lower-case header name`;
    if (signedHeaders.indexOf(name) !== i) return `SignedHeaders lists "${name}" twice`;
  }
  return { ak, signedHeaders, signature: signature.toLowerCase() };
}
