import type { RequestContext } from '../../../server/types.ts';
import { invalid } from '../errors.ts';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The body's `key` object (`{"vault": {...}}`), or 9900. */
export function wrapped(ctx: RequestContext, key: string): Obj {
  const body = ctx.json();
  if (!isObj(body) || !isObj(body[key])) throw invalid(`the body must be {"${key}": {...}}`);
  return body[key];
}

export function bodyObj(ctx: RequestContext): Obj {
  const body = ctx.json();
  if (!isObj(body)) throw invalid('the body must be a JSON object');
  return body;
}

export function optStr(o: Obj, key: string, min: number, max: number, re?: RegExp): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length < min || v.length > max || (re && !re.test(v))) {
    throw invalid(`${key} must be a string of ${min}-${max} characters${re ? ' of letters, digits, _ and -' : ''}`);
  }
  return v;
}

export function reqStr(o: Obj, key: string, min: number, max: number, re?: RegExp): string {
  const v = optStr(o, key, min, max, re);
  if (v === undefined) throw invalid(`${key} is required`);
  return v;
}

export function optBool(o: Obj, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalid(`${key} must be a boolean`);
  return v;
}

export function optInt(o: Obj, key: string, min: number, max: number): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(`${key} must be an integer from ${min} to ${max}`);
  return v;
}

export function oneOf<T extends string>(o: Obj, key: string, values: readonly T[], required: boolean): T | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string' || !values.includes(v as T)) throw invalid(`${key} must be one of ${values.join(', ')}`);
  return v as T;
}

export function strArray(o: Obj, key: string, min: number, max: number): string[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length < min || v.length > max || v.some((x) => typeof x !== 'string' || x === '')) {
    throw invalid(`${key} must be an array of ${min}-${max} non-empty strings`);
  }
  return v as string[];
}

export interface Tag {
  key: string;
  value: string;
}

const TAG_SYMBOLS = /[=*<>\\,|/]/;
const TAG_FORBIDDEN = { test: (s: string) => TAG_SYMBOLS.test(s) || [...s].some((c) => c.charCodeAt(0) < 32) };

/** Vault tag rules (Table 4-157): key ≤36, value ≤43, trimmed, no control characters or =*<>\,|/. */
export function parseTag(v: unknown, valueRequired: boolean): Tag {
  if (!isObj(v) || typeof v.key !== 'string') throw invalid('a tag needs a string key');
  const key = v.key.trim();
  if (key.length === 0 || key.length > 36 || TAG_FORBIDDEN.test(key)) throw invalid(`tag key "${key}" must be 1-36 characters without control characters or =*<>\\,|/`);
  if (v.value === undefined || v.value === null) {
    if (valueRequired) throw invalid(`tag ${key} needs a value`);
    return { key, value: '' };
  }
  if (typeof v.value !== 'string') throw invalid(`tag ${key}: value must be a string`);
  const value = v.value.trim();
  if (value.length > 43 || TAG_FORBIDDEN.test(value)) throw invalid(`tag ${key}: value must be at most 43 characters without control characters or =*<>\\,|/`);
  return { key, value };
}

export function parseTags(v: unknown, max: number): Tag[] {
  if (!Array.isArray(v)) throw invalid('tags must be an array');
  const tags = v.map((t) => parseTag(t, true));
  if (new Set(tags.map((t) => t.key)).size !== tags.length) throw invalid('tag keys must be unique');
  if (tags.length > max) throw invalid(`at most ${max} tags are allowed`);
  return tags;
}
