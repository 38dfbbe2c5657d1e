import { uuid } from '../../../server/ids.ts';
import { resourceTime } from '../../../server/time.ts';
import { cbrError, invalid } from '../errors.ts';
import { PROVIDERS, RESOURCE_TYPES, type Cbr, type ObjectType, type VaultRow } from './cbr.ts';
import { findResource, objectTypeOf } from './resources.ts';
import { isObj, oneOf, optBool, optInt, optStr, parseTags, reqStr, type Obj, type Tag } from './validate.ts';

export const MAX_SIZE = 10_485_760;

export interface VaultDoc {
  description: string | null;
  billing: Record<string, unknown> & { size: number; object_type: ObjectType; charging_mode: string };
  auto_bind: boolean;
  bind_rules: { tags?: Tag[] };
  auto_expand: boolean;
  smn_notify: boolean;
  threshold: number;
  tags: Tag[];
  enterprise_project_id: string;
  backup_name_prefix: string;
  demand_billing: boolean;
  sys_lock_source_service: string;
}

export function vaultDoc(row: VaultRow): VaultDoc {
  return JSON.parse(row.doc) as VaultDoc;
}

export function saveDoc(cbr: Cbr, id: string, doc: VaultDoc, name?: string): void {
  if (name === undefined) cbr.s.get('UPDATE cbr_vaults SET doc = ? WHERE id = ?').run(JSON.stringify(doc), id);
  else cbr.s.get('UPDATE cbr_vaults SET doc = ?, name = ? WHERE id = ?').run(JSON.stringify(doc), name, id);
}

function parseBindRules(v: unknown): { tags?: Tag[] } {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw invalid('bind_rules must be an object {"tags": [...]}');
  return v.tags === undefined ? {} : { tags: parseTags(v.tags, 5) };
}

/** MB of backup data in a vault: the billing.used figure (GB × 1024 per stored backup). */
export function usedMb(cbr: Cbr, vaultId: string): number {
  const row = cbr.s.get("SELECT coalesce(sum(size), 0) AS gb FROM cbr_backups WHERE vault_id = ? AND parent_id IS NULL AND status NOT IN ('error', 'deleting')").get(vaultId) as { gb: number };
  return row.gb * 1024;
}

function parseResources(cbr: Cbr, list: unknown, objectType: ObjectType, vaultId: string | null, min: number, max: number): { id: string; type: string; name: string; exclude: string[] }[] {
  if (!Array.isArray(list) || list.length < min || list.length > max) throw invalid(`resources must be an array of ${min}-${max} items`);
  const seen = new Set<string>();
  return list.map((r) => {
    if (!isObj(r)) throw invalid('each resource must be an object {id, type}');
    const id = reqStr(r, 'id', 1, 64);
    const type = reqStr(r, 'type', 1, 64);
    const ot = objectTypeOf(type);
    if (!ot) throw cbrError('BackupService.6116', `resource type ${type}`);
    if (ot !== objectType) throw cbrError('BackupService.6102', `a ${objectType} vault cannot hold ${type}`);
    if (seen.has(id)) throw cbrError('BackupService.6104', `resource ${id} is listed twice`);
    seen.add(id);
    const found = findResource(cbr, ot, id);
    // A disk bound to a VBS policy stays with VBS until it is unbound (seed 004:L10841).
    if (ot === 'disk' && cbr.s.get('SELECT 1 FROM vbs_policy_resources WHERE resource_id = ?').get(id)) throw cbrError('BackupService.7005', `disk ${id}`);
    const holder = cbr.resource(id);
    if (holder && holder.vault_id !== vaultId) throw cbrError('BackupService.6103', `resource ${id} is in vault ${holder.vault_id}`);
    if (holder) throw cbrError(ot === 'disk' ? 'BackupService.7006' : 'BackupService.7116', `resource ${id} is already in this vault`);
    const extra = isObj(r.extra_info) && Array.isArray(r.extra_info.exclude_volumes) ? (r.extra_info.exclude_volumes as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    return { id, type, name: optStr(r, 'name', 0, 255) || found.name, exclude: extra };
  });
}

function insertResources(cbr: Cbr, vaultId: string, list: { id: string; type: string; name: string; exclude: string[] }[]): void {
  const insert = cbr.s.get("INSERT INTO cbr_vault_resources (vault_id, resource_id, type, name, protect_status, extra_info) VALUES (?, ?, ?, ?, 'available', ?)");
  for (const r of list) insert.run(vaultId, r.id, r.type, r.name, JSON.stringify({ exclude_volumes: r.exclude }));
}

export function createVault(cbr: Cbr, o: Obj): string {
  const name = reqStr(o, 'name', 1, 64);
  if (!isObj(o.billing)) throw invalid('billing is required');
  const b = o.billing;
  const objectType = oneOf(b, 'object_type', ['server', 'disk', 'turbo', 'workspace', 'vmware', 'rds', 'file'] as const, true)!;
  if (objectType !== 'server' && objectType !== 'disk') throw cbrError('BackupService.6102', `object_type ${objectType} is not offered by this region`);
  const protectType = oneOf(b, 'protect_type', ['backup', 'replication'] as const, true)!;
  const consistent = oneOf(b, 'consistent_level', ['crash_consistent', 'app_consistent'] as const, true)!;
  if (typeof b.size !== 'number' || !Number.isInteger(b.size) || b.size < 10 || b.size > MAX_SIZE) throw cbrError('BackupService.6101', `size must be an integer from 10 to ${MAX_SIZE} GB`);
  const charging = oneOf(b, 'charging_mode', ['post_paid', 'pre_paid'] as const, false) ?? 'post_paid';
  if (charging === 'pre_paid') {
    oneOf(b, 'period_type', ['year', 'month'] as const, true);
    if (optInt(b, 'period_num', 1, 9) === undefined) throw invalid('period_num is required for pre_paid vaults');
  }
  const autoExpand = optBool(o, 'auto_expand') ?? false;
  if (autoExpand && charging === 'pre_paid') throw invalid('auto_expand is available for pay-per-use vaults only');
  const tags = o.tags === undefined ? [] : parseTags(o.tags, 10);
  if (o.tags !== undefined && tags.length === 0) throw invalid('tags must not be empty when given');
  const id = uuid();
  const resources = parseResources(cbr, o.resources ?? [], objectType, id, 0, 255);
  const now = cbr.now();
  const doc: VaultDoc = {
    description: optStr(o, 'description', 0, 64) ?? null,
    billing: {
      allocated: 0,
      cloud_type: oneOf(b, 'cloud_type', ['public', 'hybrid'] as const, false) ?? 'public',
      consistent_level: consistent,
      frozen_scene: null,
      charging_mode: charging,
      order_id: charging === 'pre_paid' ? `CS${now}` : null,
      product_id: null,
      protect_type: protectType,
      object_type: objectType,
      spec_code: `vault.${protectType}.${objectType === 'disk' ? 'volume' : 'server'}.normal`,
      storage_unit: null,
      size: b.size,
      is_multi_az: optBool(b, 'is_multi_az') ?? false,
    },
    auto_bind: optBool(o, 'auto_bind') ?? false,
    bind_rules: parseBindRules(o.bind_rules),
    auto_expand: autoExpand,
    smn_notify: optBool(o, 'smn_notify') ?? true,
    threshold: optInt(o, 'threshold', 1, 100) ?? 80,
    tags,
    enterprise_project_id: optStr(o, 'enterprise_project_id', 0, 64) ?? '0',
    backup_name_prefix: optStr(o, 'backup_name_prefix', 0, 32) ?? '',
    demand_billing: optBool(o, 'demand_billing') ?? false,
    sys_lock_source_service: optStr(o, 'sys_lock_source_service', 0, 8) ?? '',
  };
  const policyId = optStr(o, 'backup_policy_id', 1, 64);
  if (policyId) {
    const p = cbr.requirePolicy(policyId);
    if (p.operation_type !== 'backup') throw cbrError('BackupService.6127', 'backup_policy_id must name a backup policy');
  }
  cbr.transaction(() => {
    cbr.s
      .get("INSERT INTO cbr_vaults (id, name, object_type, protect_type, status, created_at, doc) VALUES (?, ?, ?, ?, 'available', ?, ?)")
      .run(id, name, objectType, protectType, resourceTime(now), JSON.stringify(doc));
    insertResources(cbr, id, resources);
    if (policyId) cbr.s.get('INSERT INTO cbr_vault_policies (vault_id, policy_id) VALUES (?, ?)').run(id, policyId);
    autoBind(cbr, id);
  });
  return id;
}

/** Associates the disks whose tags match the vault's bind rules (any rule; no rules = every disk) and that no vault holds. */
export function autoBind(cbr: Cbr, vaultId: string): void {
  const v = cbr.vault(vaultId);
  if (!v || v.object_type !== 'disk') return;
  const doc = vaultDoc(v);
  if (!doc.auto_bind || v.status !== 'available') return;
  const rules = doc.bind_rules.tags ?? [];
  const free = cbr.s
    .get('SELECT id, name, tags FROM volumes WHERE hidden = 0 AND id NOT IN (SELECT resource_id FROM cbr_vault_resources) ORDER BY seq')
    .all() as { id: string; name: string; tags: string }[];
  const matching = free.filter((d) => {
    if (rules.length === 0) return true;
    const tags = JSON.parse(d.tags) as Record<string, string>;
    return rules.some((r) => tags[r.key] === r.value);
  });
  insertResources(cbr, vaultId, matching.map((d) => ({ id: d.id, type: RESOURCE_TYPES.disk, name: d.name, exclude: [] })));
}

export function renderVault(cbr: Cbr, row: VaultRow): Record<string, unknown> {
  const doc = vaultDoc(row);
  const resources = cbr.resources(row.id).map((r) => {
    const stats = cbr.s
      .get("SELECT count(*) AS n, coalesce(sum(size), 0) AS gb FROM cbr_backups WHERE vault_id = ? AND resource_id = ? AND status = 'available'")
      .get(row.id, r.resource_id) as { n: number; gb: number };
    const found = cbr.evs && r.type === RESOURCE_TYPES.disk ? cbr.evs.store.volume(r.resource_id) : undefined;
    const size = found?.size ?? (r.type === RESOURCE_TYPES.server ? (cbr.servers.server(r.resource_id)?.volumeIds ?? []).reduce((n, id) => n + (cbr.evs.store.volume(id)?.size ?? 0), 0) : 0);
    return { extra_info: { exclude_volumes: (JSON.parse(r.extra_info) as { exclude_volumes?: string[] }).exclude_volumes ?? [] }, id: r.resource_id, name: r.name, protect_status: r.protect_status, size, type: r.type, backup_size: stats.gb * 1024, backup_count: stats.n };
  });
  const allocated = resources.reduce((n, r) => n + r.size, 0);
  return {
    id: row.id,
    name: row.name,
    description: doc.description,
    resources,
    provider_id: PROVIDERS[row.object_type],
    created_at: row.created_at,
    project_id: cbr.rt.account.projectId,
    enterprise_project_id: doc.enterprise_project_id,
    auto_bind: doc.auto_bind,
    bind_rules: doc.bind_rules,
    user_id: cbr.rt.account.userId,
    billing: { ...doc.billing, allocated, used: usedMb(cbr, row.id), status: row.status },
    tags: doc.tags,
    auto_expand: doc.auto_expand,
    smn_notify: doc.smn_notify,
    threshold: doc.threshold,
    sys_lock_source_service: doc.sys_lock_source_service,
  };
}

export function updateVault(cbr: Cbr, id: string, o: Obj): void {
  const row = cbr.requireVault(id);
  if (row.status !== 'available') throw cbrError('BackupService.6110', `vault ${id} is ${row.status}`);
  const doc = vaultDoc(row);
  const name = optStr(o, 'name', 1, 64);
  if (o.billing !== undefined) {
    if (!isObj(o.billing)) throw invalid('billing must be an object');
    const consistent = oneOf(o.billing, 'consistent_level', ['crash_consistent', 'app_consistent'] as const, false);
    if (consistent) doc.billing.consistent_level = consistent;
    const size = optInt(o.billing, 'size', 1, MAX_SIZE);
    if (size !== undefined) {
      if (size * 1024 < usedMb(cbr, id)) throw cbrError('BackupService.6101', `${size} GB is less than the ${Math.ceil(usedMb(cbr, id) / 1024)} GB already used`);
      if (doc.billing.charging_mode === 'pre_paid' && size < doc.billing.size) throw cbrError('BackupService.6101', 'a yearly/monthly vault cannot shrink');
      doc.billing.size = size;
    }
  }
  const autoBindFlag = optBool(o, 'auto_bind');
  if (autoBindFlag !== undefined) doc.auto_bind = autoBindFlag;
  if (o.bind_rules !== undefined) doc.bind_rules = parseBindRules(o.bind_rules);
  const autoExpand = optBool(o, 'auto_expand');
  if (autoExpand !== undefined) {
    if (autoExpand && doc.billing.charging_mode === 'pre_paid') throw invalid('auto_expand is available for pay-per-use vaults only');
    doc.auto_expand = autoExpand;
  }
  doc.smn_notify = optBool(o, 'smn_notify') ?? doc.smn_notify;
  doc.threshold = optInt(o, 'threshold', 1, 100) ?? doc.threshold;
  cbr.transaction(() => {
    saveDoc(cbr, id, doc, name);
    autoBind(cbr, id);
  });
}

export function addResources(cbr: Cbr, id: string, o: Obj): string[] {
  const row = cbr.requireVault(id);
  if (row.status !== 'available') throw cbrError('BackupService.6112', `vault ${id} is ${row.status}`);
  const list = parseResources(cbr, o.resources, row.object_type, id, 1, 256);
  cbr.transaction(() => insertResources(cbr, id, list));
  return list.map((r) => r.id);
}
