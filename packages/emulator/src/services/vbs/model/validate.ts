import { vbsError, type VbsCode } from '../errors.ts';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface Tag {
  key: string;
  value: string;
}

/** Forbidden in tags: ASCII 0-31 and = * < > \ , | / (spec vbs-cinder.md §9.4). */
const SYMBOLS = /[=*<>\\,|/]/;
const FORBIDDEN = { test: (s: string) => SYMBOLS.test(s) || [...s].some((c) => c.charCodeAt(0) < 32) };

export function parseTag(t: unknown, invalidCode: VbsCode, valueRequired = true, keyMax = 36, valueMax = 43): Tag {
  if (!isObj(t) || typeof t.key !== 'string' || t.key.trim() === '' || t.key.length > keyMax || FORBIDDEN.test(t.key)) throw vbsError(invalidCode, 'tag key');
  if (t.value === undefined || t.value === null) {
    if (valueRequired) throw vbsError(invalidCode, `tag ${t.key} needs a value`);
    return { key: t.key, value: '' };
  }
  if (typeof t.value !== 'string' || t.value.length > valueMax || FORBIDDEN.test(t.value)) throw vbsError(invalidCode, `tag ${t.key} value`);
  return { key: t.key, value: t.value };
}

export function parseTags(v: unknown, max: number, invalidCode: VbsCode, tooMany: VbsCode): Tag[] {
  if (!Array.isArray(v)) throw vbsError(invalidCode, 'tags must be a list');
  if (v.length > max) throw vbsError(tooMany);
  const tags = v.map((t) => parseTag(t, invalidCode));
  if (new Set(tags.map((t) => t.key)).size !== tags.length) throw vbsError(invalidCode, 'tag keys must be unique');
  return tags;
}

export function upsertTags(tags: Tag[], add: Tag[]): Tag[] {
  const out = [...tags];
  for (const t of add) {
    const i = out.findIndex((x) => x.key === t.key);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}
