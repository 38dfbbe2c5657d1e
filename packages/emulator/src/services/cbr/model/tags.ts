import { cbrError, invalid } from '../errors.ts';
import type { Cbr, VaultRow } from './cbr.ts';
import { renderVault, saveDoc, vaultDoc } from './vaults.ts';
import { isObj, oneOf, parseTag, type Obj, type Tag } from './validate.ts';

const MAX_TAGS = 10;

function upsert(tags: Tag[], add: Tag[]): Tag[] {
  const out = [...tags];
  for (const t of add) {
    const i = out.findIndex((x) => x.key === t.key);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  if (out.length > MAX_TAGS) throw cbrError('BackupService.6600', `a vault has at most ${MAX_TAGS} tags`);
  return out;
}

export function addTag(cbr: Cbr, vaultId: string, o: Obj): void {
  const v = cbr.requireVault(vaultId);
  const doc = vaultDoc(v);
  doc.tags = upsert(doc.tags, [parseTag(o.tag, true)]);
  saveDoc(cbr, vaultId, doc);
}

export function deleteTag(cbr: Cbr, vaultId: string, key: string): void {
  const v = cbr.requireVault(vaultId);
  const doc = vaultDoc(v);
  const k = key.trim();
  if (!doc.tags.some((t) => t.key === k)) throw cbrError('BackupService.6601', `tag ${k}`);
  doc.tags = doc.tags.filter((t) => t.key !== k);
  saveDoc(cbr, vaultId, doc);
}

/** Batch create/delete: create overwrites existing keys; delete removes keys (and values, when given, must match). */
export function batchTags(cbr: Cbr, vaultId: string, o: Obj): void {
  const v = cbr.requireVault(vaultId);
  const action = oneOf(o, 'action', ['create', 'delete'] as const, true)!;
  if (!Array.isArray(o.tags) || o.tags.length === 0) throw invalid('tags must be a non-empty array');
  const tags = o.tags.map((t) => parseTag(t, action === 'create'));
  const doc = vaultDoc(v);
  if (action === 'create') doc.tags = upsert(doc.tags, tags);
  else doc.tags = doc.tags.filter((t) => !tags.some((d) => d.key === t.key && (d.value === '' || d.value === t.value)));
  saveDoc(cbr, vaultId, doc);
}

export function projectTags(cbr: Cbr): { key: string; values: string[] }[] {
  const map = new Map<string, Set<string>>();
  for (const row of cbr.s.get('SELECT * FROM cbr_vaults ORDER BY seq').all() as VaultRow[]) {
    for (const t of vaultDoc(row).tags) {
      if (!map.has(t.key)) map.set(t.key, new Set());
      map.get(t.key)!.add(t.value);
    }
  }
  return [...map].map(([key, values]) => ({ key, values: [...values] }));
}

interface TagsReq {
  key: string;
  values: string[];
}

function parseTagsReq(v: unknown, field: string): TagsReq[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 10) throw invalid(`${field} must be an array of at most 10 {key, values}`);
  return v.map((t) => {
    if (!isObj(t) || typeof t.key !== 'string' || t.key.length === 0 || t.key.length > 127 || !Array.isArray(t.values) || t.values.length > 10 || t.values.some((x) => typeof x !== 'string')) {
      throw invalid(`${field}: each item needs a key (1-127) and up to 10 string values`);
    }
    return { key: t.key, values: t.values as string[] };
  });
}

function valueMatches(values: string[], actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (values.length === 0) return true;
  return values.some((v) => (v.startsWith('*') ? actual.includes(v.slice(1)) : v === actual));
}

/** POST /vault/resource_instances/action: TMS-style filtering of vaults by tag. */
export function filterByTags(cbr: Cbr, o: Obj): Record<string, unknown> {
  const action = oneOf(o, 'action', ['filter', 'count'] as const, true)!;
  const tags = parseTagsReq(o.tags, 'tags');
  const tagsAny = parseTagsReq(o.tags_any, 'tags_any');
  const notTags = parseTagsReq(o.not_tags, 'not_tags');
  const notTagsAny = parseTagsReq(o.not_tags_any, 'not_tags_any');
  const without = o.without_any_tag === true;
  const objectType = oneOf(o, 'object_type', ['server', 'disk'] as const, false);
  const nameMatch = Array.isArray(o.matches) && isObj(o.matches[0]) && o.matches[0].key === 'resource_name' ? String(o.matches[0].value ?? '') : undefined;
  const num = (key: string, dflt: number, max: number) => {
    const raw = o[key];
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (typeof raw !== 'string' || !Number.isInteger(n) || n < 0 || n > max) throw invalid(`${key} must be a numeric string from 0 to ${max}`);
    return n;
  };
  const limit = num('limit', 1000, 1000);
  const offset = num('offset', 0, Number.MAX_SAFE_INTEGER);
  const rows = (cbr.s.get('SELECT * FROM cbr_vaults ORDER BY seq').all() as VaultRow[]).filter((row) => {
    const t = Object.fromEntries(vaultDoc(row).tags.map((x) => [x.key, x.value]));
    if (objectType && row.object_type !== objectType) return false;
    if (nameMatch !== undefined && !row.name.includes(nameMatch)) return false;
    if (without) return Object.keys(t).length === 0;
    if (!tags.every((q) => valueMatches(q.values, t[q.key]))) return false;
    if (tagsAny.length && !tagsAny.some((q) => valueMatches(q.values, t[q.key]))) return false;
    if (notTags.length && notTags.every((q) => valueMatches(q.values, t[q.key]))) return false;
    if (notTagsAny.some((q) => valueMatches(q.values, t[q.key]))) return false;
    return true;
  });
  if (action === 'count') return { total_count: rows.length };
  return {
    resources: rows.slice(offset, offset + limit).map((row) => ({
      resource_id: row.id, resource_name: row.name, resource_detail: { vault: renderVault(cbr, row) }, tags: vaultDoc(row).tags, sys_tags: [],
    })),
    total_count: rows.length,
  };
}
