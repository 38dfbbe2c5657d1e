import type { ApiError } from '../../../server/errors.ts';
import { evsError, type EvsCode } from '../errors.ts';

/**
 * Input checks shared by the EVS routes. Each failure names the documented code and says exactly
 * which field was wrong; type mismatches use EVS.1018 ("Type conversion error").
 */
export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObj(value: unknown, code: EvsCode, what: string): Obj {
  if (!isObj(value)) throw evsError(code, `${what} must be a JSON object`);
  return value;
}

export function optObj(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) throw evsError('EVS.1018', `${key} must be a JSON object`);
  return v;
}

export function optString(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw evsError('EVS.1018', `${key} must be a string`);
  return v;
}

export function requireString(o: Obj, key: string, code: EvsCode): string {
  const v = optString(o, key);
  if (v === undefined || v === '') throw evsError(code, `${key} is required`);
  return v;
}

/** Booleans; the string forms "true"/"false" pass too because the SDKs' string-typed twins send them. */
export function optBool(o: Obj, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  throw evsError('EVS.1018', `${key} must be a boolean`);
}

/** An integer; `truncate` accepts decimals and drops the fraction (as `count` does, 6.1.1). */
export function optInt(o: Obj, key: string, code: EvsCode, truncate = false): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw evsError(code, `${key} must be an integer, got ${JSON.stringify(v)}`);
  if (!Number.isInteger(v) && !truncate) throw evsError(code, `${key} must be an integer, got ${v}`);
  return Math.trunc(v);
}

export function checkLength(value: string | undefined, max: number, code: EvsCode, what: string): void {
  if (value !== undefined && [...value].length > max) throw evsError(code, `${what} is longer than ${max} characters`);
}

export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 85;

const METADATA_TOTAL_LIMIT = 1_048_576;
const METADATA_ITEM_BYTES = 255;

/**
 * Disk and snapshot metadata: string keys and values of at most 255 bytes (7.1.1; the 85-character
 * variant of 7.5.1 is the stricter outlier), under 1 MiB in total (EVS.1005), and the reserved keys'
 * documented values.
 */
export function checkMetadata(value: unknown, what = 'metadata'): Record<string, string> {
  if (!isObj(value)) throw evsError('EVS.1018', `${what} must be a JSON object of strings`);
  let total = 0;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw evsError('EVS.1018', `${what}.${k} must be a string, got ${v === null ? 'null' : typeof v}`);
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
    if (total >= METADATA_TOTAL_LIMIT) throw evsError('EVS.1005', `${what} must be smaller than ${METADATA_TOTAL_LIMIT} bytes`);
    if (Buffer.byteLength(k) > METADATA_ITEM_BYTES || Buffer.byteLength(v) > METADATA_ITEM_BYTES || k === '') {
      throw evsError('EVS.1070', `${what} keys must be 1-${METADATA_ITEM_BYTES} bytes and values at most ${METADATA_ITEM_BYTES} bytes`);
    }
  }
  const m = value as Record<string, string>;
  if (m['hw:passthrough'] !== undefined && m['hw:passthrough'] !== 'true' && m['hw:passthrough'] !== 'false') {
    throw evsError('EVS.1057', 'hw:passthrough must be "true" or "false"');
  }
  if (m.full_clone !== undefined && m.full_clone !== '0' && m.full_clone !== '1') throw evsError('EVS.1063', 'full_clone must be "0" or "1"');
  const enc = m.__system__encrypted;
  if (enc !== undefined && enc !== '0' && enc !== '1') throw evsError('EVS.2041', '__system__encrypted must be "0" or "1"');
  if (enc === '1' && (m.__system__cmkid === undefined || m.__system__cmkid.length !== 36)) {
    throw evsError('EVS.2041', 'an encrypted disk needs __system__cmkid, a 36-character KMS key id');
  }
  return m;
}

const TAG_KEY = /^[A-Za-z0-9_.-]{1,64}$/;
// The seed describes the value with the key's words (a copy-paste slip); empty values are allowed,
// as the tag service allows them.
const TAG_VALUE = /^[A-Za-z0-9_.-]{0,64}$/;
export const MAX_TAGS = 10;

export function checkTag(key: unknown, value: unknown): ApiError | undefined {
  if (typeof key !== 'string' || !TAG_KEY.test(key)) {
    return evsError('EVS.1062', `tag key ${JSON.stringify(key)} must be 1-64 letters, digits, "_", "-" or "."`);
  }
  if (typeof value !== 'string' || !TAG_VALUE.test(value)) {
    return evsError('EVS.1062', `tag value ${JSON.stringify(value)} of key ${key} must be at most 64 letters, digits, "_", "-" or "."`);
  }
  return undefined;
}

export function checkTagMap(value: unknown, what: string): Record<string, string> {
  if (!isObj(value)) throw evsError('EVS.1062', `${what} must be a JSON object of tag keys to values`);
  const entries = Object.entries(value);
  if (entries.length > MAX_TAGS) throw evsError('EVS.1061', `a disk has at most ${MAX_TAGS} tags`);
  for (const [k, v] of entries) {
    const err = checkTag(k, v);
    if (err) throw err;
  }
  return value as Record<string, string>;
}
