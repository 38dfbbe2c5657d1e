import type { CbrTypes } from '@console/cloud';
import type { Backup, OperationLog, Policy, ProtectedType, Retention, Vault } from '@console/contract';
import { utcIso } from './evs-map.ts';

// The one place where CBR wire names become console names.

const DISK_TYPE = 'OS::Cinder::Volume';
export const resourceTypeOf = (t: string): ProtectedType => (t === DISK_TYPE ? 'disk' : 'server');
export const wireResourceType = (t: ProtectedType): CbrTypes.ResourceType => (t === 'disk' ? DISK_TYPE : 'OS::Nova::Server');

/** Times come with and without zones ("2020-02-05T10:38:34.209782", "…+00:00", "2020-08-17 08:39:44"). */
export const cbrTime = (v: string | null | undefined): string => utcIso(v ? v.replace(' ', 'T') : v);

/** MB as GiB with two decimals: billing.used is MB while billing.size is GB. */
const mbToGiB = (mb: number) => Math.round((mb / 1024) * 100) / 100;

export type PolicyByVault = Map<string, { id: string; name: string; enabled: boolean }>;

/** The backup policy each vault runs, from one policy list (a vault runs at most one). */
export function policiesByVault(policies: CbrTypes.Policy[]): PolicyByVault {
  const out: PolicyByVault = new Map();
  for (const p of policies) {
    if (p.operation_type !== 'backup') continue;
    for (const v of p.associated_vaults ?? []) out.set(v.vault_id, { id: p.id, name: p.name, enabled: p.enabled });
  }
  return out;
}

export function toVault(v: CbrTypes.Vault, policies: PolicyByVault): Vault {
  const resources = (v.resources ?? []).map((r) => ({
    id: r.id,
    type: resourceTypeOf(r.type),
    name: r.name ?? '',
    protectStatus: r.protect_status,
    ...(typeof r.size === 'number' ? { sizeGiB: r.size } : {}),
    ...(typeof r.backup_count === 'number' ? { backupCount: r.backup_count } : {}),
  }));
  return {
    id: v.id,
    name: v.name,
    description: v.description ?? '',
    protectedType: v.billing.object_type === 'disk' ? 'disk' : 'server',
    protectType: v.billing.protect_type,
    capacity: { sizeGiB: v.billing.size, usedGiB: mbToGiB(v.billing.used ?? 0) },
    resources,
    resourceCount: resources.length,
    policy: policies.get(v.id) ?? null,
    status: v.billing.status,
    autoBind: v.auto_bind === true,
    bindRules: { tags: (v.bind_rules?.tags ?? []).map((t) => ({ key: t.key, value: t.value ?? '' })) },
    autoExpand: v.auto_expand === true,
    tags: (v.tags ?? []).map((t) => ({ key: t.key, value: t.value ?? '' })),
    createdAt: cbrTime(v.created_at),
  };
}

/** Unset values are -1 (counts, days) or 0 (periodic counts) on the wire; the console leaves them out. */
export function toRetention(d: CbrTypes.PolicyOperationDefinition): Policy['retention'] {
  const set = (n: number | undefined) => (typeof n === 'number' && n > 0 ? n : undefined);
  const out: Policy['retention'] = {};
  const assign = (key: keyof Policy['retention'], n: number | undefined) => {
    const v = set(n);
    if (v !== undefined) (out as Record<string, number>)[key] = v;
  };
  assign('maxBackups', d.max_backups);
  assign('retentionDays', d.retention_duration_days);
  assign('dayBackups', d.day_backups);
  assign('weekBackups', d.week_backups);
  assign('monthBackups', d.month_backups);
  assign('yearBackups', d.year_backups);
  if ([out.dayBackups, out.weekBackups, out.monthBackups, out.yearBackups].some((n) => n !== undefined) && d.timezone) out.timezone = d.timezone;
  return out;
}

/**
 * The whole retention rule, every field present: the cloud merges a partial definition with the
 * old one, so a field left out would survive a switch from one kind of rule to another.
 */
export function toOperationDefinition(r: Retention, fullBackupInterval: number | undefined): CbrTypes.PolicyOperationDefinition {
  return {
    max_backups: r.maxBackups ?? -1,
    retention_duration_days: r.retentionDays ?? -1,
    day_backups: r.dayBackups ?? 0,
    week_backups: r.weekBackups ?? 0,
    month_backups: r.monthBackups ?? 0,
    year_backups: r.yearBackups ?? 0,
    ...(r.timezone ? { timezone: r.timezone } : {}),
    ...(fullBackupInterval !== undefined ? { full_backup_interval: fullBackupInterval } : {}),
  };
}

export function toPolicy(p: CbrTypes.Policy): Policy {
  const interval = p.operation_definition.full_backup_interval;
  return {
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    type: p.operation_type,
    schedule: [...(p.trigger?.properties?.pattern ?? [])],
    ...(p.trigger?.properties?.start_time ? { scheduleStart: cbrTime(p.trigger.properties.start_time) } : {}),
    retention: toRetention(p.operation_definition ?? {}),
    ...(typeof interval === 'number' ? { fullBackupInterval: interval } : {}),
    vaultIds: (p.associated_vaults ?? []).map((v) => v.vault_id),
  };
}

export function toBackup(b: CbrTypes.Backup, vaultName?: string, progress?: number): Backup {
  return {
    id: b.id,
    name: b.name,
    description: b.description ?? '',
    resourceId: b.resource_id,
    resourceName: b.resource_name ?? '',
    resourceType: resourceTypeOf(b.resource_type),
    vaultId: b.vault_id,
    ...(vaultName !== undefined ? { vaultName } : {}),
    checkpointId: b.checkpoint_id,
    type: b.image_type === 'replication' ? 'replication' : 'backup',
    incremental: b.incremental === true,
    autoTriggered: b.extend_info?.auto_trigger === true,
    status: b.status,
    ...(progress !== undefined ? { progress } : {}),
    sizeGiB: b.resource_size,
    restorable: (b.extend_info?.supported_restore_mode ?? 'backup') !== 'na',
    disks: (b.children ?? []).map((c) => ({ id: c.id, diskId: c.resource_id, diskName: c.resource_name ?? '', sizeGiB: c.resource_size, bootable: c.extend_info?.bootable === true })),
    createdAt: cbrTime(b.created_at),
    expiresAt: b.expired_at ? cbrTime(b.expired_at) : null,
  };
}

export function toOperationLog(o: CbrTypes.OperationLog): OperationLog {
  const x = o.extra_info ?? {};
  const backup = x.backup ?? x.delete ?? x.restore;
  const r = x.resource;
  const err = o.error_info;
  return {
    id: o.id,
    type: o.operation_type,
    status: o.status,
    vaultId: o.vault_id,
    vaultName: o.vault_name ?? '',
    ...(r ? { resource: { id: r.id, name: r.name ?? '', type: resourceTypeOf(r.type) } } : {}),
    ...(backup ? { backupId: backup.backup_id, backupName: backup.backup_name } : {}),
    ...(o.checkpoint_id ? { checkpointId: o.checkpoint_id } : {}),
    ...(o.policy_id ? { policyId: o.policy_id } : {}),
    progress: x.common?.progress ?? (o.status === 'success' ? 100 : 0),
    ...(err && (err.code || err.message) ? { error: { code: err.code, message: err.message } } : {}),
    createdAt: cbrTime(o.created_at),
    ...(o.started_at ? { startedAt: cbrTime(o.started_at) } : {}),
    ...(o.ended_at ? { endedAt: cbrTime(o.ended_at) } : {}),
  };
}

/** `%YYYY-%mm-%ddT%HH:%MM:%SSZ`, the only time format the list filters take. */
export const cbrQueryTime = (iso: string): string => new Date(iso).toISOString().slice(0, 19) + 'Z';
