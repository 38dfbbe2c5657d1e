import './catalogue.ts';
import {
  DISK_SIZE_GIB, RefusalCodes, TRANSITIONAL_DISK_STATUSES,
  type Disk, type DiskTypeInfo, type EvsQuotas, type Refusal,
} from '@console/contract';
import type { StatusToneMap } from '../../components/StatusBadge.tsx';
import type { TranslationKey } from '../../i18n/keys.ts';

export const diskStatusTones: StatusToneMap = Object.fromEntries([
  ...TRANSITIONAL_DISK_STATUSES.map((status) => [status, { tone: 'blue', transitional: true }] as const),
  ['available', { tone: 'green' }],
  ['in-use', { tone: 'green' }],
  ['awaiting-transfer', { tone: 'amber' }],
  ...['error', 'error_restoring', 'error_extending', 'error_deleting', 'error_rollbacking'].map((status) => [status, { tone: 'red' }] as const),
]);

export const snapshotStatusTones: StatusToneMap = {
  available: { tone: 'green' },
  creating: { tone: 'blue', transitional: true },
  deleting: { tone: 'blue', transitional: true },
  rollbacking: { tone: 'blue', transitional: true },
  'backing-up': { tone: 'blue', transitional: true },
  error: { tone: 'red' },
  error_deleting: { tone: 'red' },
};

const refusalKeys: Record<string, TranslationKey> = {
  [RefusalCodes.diskInUse]: 'disks.refusal.inUse',
  [RefusalCodes.diskBusy]: 'disks.refusal.busy',
  [RefusalCodes.diskStatus]: 'disks.refusal.status',
  [RefusalCodes.diskPrepaid]: 'disks.refusal.prepaid',
  [RefusalCodes.qosUnsupported]: 'disks.refusal.qosUnsupported',
  [RefusalCodes.snapshotBusy]: 'disks.refusal.snapshotBusy',
  [RefusalCodes.snapshotFromBackup]: 'disks.refusal.snapshotFromBackup',
};

/** The contract's refusal in the reader's language (its code picks the wording). */
export function refusalKey(refusal: Refusal | undefined): TranslationKey | undefined {
  if (!refusal) return undefined;
  return refusalKeys[refusal.code] ?? 'disks.refusal.status';
}

/** GiB still free under a quota (limit null: no limit of its own). */
export function quotaLeft(usage: { limit: number | null; used: number; reserved?: number } | undefined): number {
  if (!usage || usage.limit === null || usage.limit < 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, usage.limit - usage.used - (usage.reserved ?? 0));
}

/** Capacity the quotas still allow for new or grown disks of `type`: the overall and the type's own. */
export function gigabytesLeft(quotas: EvsQuotas | undefined, type: string | undefined): number {
  const overall = quotaLeft(quotas?.gigabytes);
  const ofType = type ? quotaLeft(quotas?.byType[type]?.gigabytes) : Number.POSITIVE_INFINITY;
  return Math.min(overall, ofType);
}

/** Disks the quotas still allow (overall and of this type). */
export function volumesLeft(quotas: EvsQuotas | undefined, type: string | undefined): number {
  const overall = quotaLeft(quotas?.volumes);
  const ofType = type ? quotaLeft(quotas?.byType[type]?.volumes) : Number.POSITIVE_INFINITY;
  return Math.min(overall, ofType);
}

/** The size range for a new data disk of this type, narrowed by what the quotas leave for `count` disks. */
export function createSizeRange(typeInfo: DiskTypeInfo | undefined, quotas: EvsQuotas | undefined, count: number): { min: number; max: number } {
  const min = typeInfo?.sizeGiB.min ?? DISK_SIZE_GIB.data.min;
  const typeMax = typeInfo?.sizeGiB.max ?? DISK_SIZE_GIB.data.max;
  const perVolume = quotas?.perVolumeGigabytes?.limit ?? Number.POSITIVE_INFINITY;
  const byQuota = Math.floor(gigabytesLeft(quotas, typeInfo?.name) / Math.max(1, count));
  return { min, max: Math.min(typeMax, perVolume > 0 ? perVolume : typeMax, byQuota) };
}

/** How far a disk can grow: one GiB more at least, at most its kind's limit or what the quotas leave. */
export function expandRange(disk: Disk, quotas: EvsQuotas | undefined): { min: number; max: number } {
  const kindMax = disk.bootable ? DISK_SIZE_GIB.system.max : DISK_SIZE_GIB.data.max;
  const perVolume = quotas?.perVolumeGigabytes?.limit ?? Number.POSITIVE_INFINITY;
  const byQuota = disk.sizeGiB + gigabytesLeft(quotas, disk.type);
  return { min: disk.sizeGiB + 1, max: Math.min(kindMax, perVolume > 0 ? perVolume : kindMax, byQuota) };
}

/** A quota bar: what is used, what this request adds, against the limit (null: unlimited). */
export function quotaBar(usage: { limit: number | null; used: number; reserved?: number } | undefined, adding: number): { used: number; adding: number; limit: number | null; percent: number; over: boolean } {
  const used = (usage?.used ?? 0) + (usage?.reserved ?? 0);
  const limit = usage && usage.limit !== null && usage.limit >= 0 ? usage.limit : null;
  const percent = limit ? Math.min(100, ((used + adding) / limit) * 100) : 0;
  return { used, adding, limit, percent, over: limit !== null && used + adding > limit };
}

/** "key=value" per line (a bare key has an empty value) into a tag set, and back. */
export { parseTagLines, tagLines, tagsText } from '../../components/form/tagText.ts';

/** Where the disk is attached, for CSV: "server (device)". */
export function attachmentsText(disk: Disk): string {
  return disk.attachments.map((a) => `${a.serverName ?? a.serverId} (${a.device})`).join(', ');
}

/** "3000 IOPS / 125 MiB/s" where the type has them, else empty. */
export function qosText(disk: Pick<Disk, 'iops' | 'throughput'>): string {
  const parts = [disk.iops !== undefined ? `${disk.iops} IOPS` : '', disk.throughput !== undefined ? `${disk.throughput} MiB/s` : ''].filter(Boolean);
  return parts.join(' / ');
}

/** Attaching needs a disk at rest; a non-shared disk takes one server only. */
export function attachRefusal(disk: Disk): TranslationKey | undefined {
  if (TRANSITIONAL_DISK_STATUSES.includes(disk.status)) return 'disks.refusal.busy';
  if (disk.attachments.length > 0 && !disk.shared) return 'disks.refusal.attachedNotShared';
  if (disk.status !== 'available' && disk.status !== 'in-use') return 'disks.refusal.status';
  return undefined;
}

export function detachRefusal(disk: Disk): TranslationKey | undefined {
  if (disk.attachments.length === 0) return 'disks.refusal.notAttached';
  if (TRANSITIONAL_DISK_STATUSES.includes(disk.status)) return 'disks.refusal.busy';
  return undefined;
}
