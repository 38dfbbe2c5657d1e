import type { EvsTypes } from '@console/cloud';
import {
  DISK_SIZE_GIB, DISK_TYPES, QOS_RULES, BACKUP_SNAPSHOT_PREFIX,
  type Disk, type DiskType, type DiskTypeInfo, type EvsQuotas, type Snapshot,
} from '@console/contract';

// The one place where EVS wire names become console names.

/** EVS times are UTC without a zone ("2016-02-03T02:19:11.723797"); the console speaks ISO 8601 with Z. */
const PLAIN_UTC = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?$/;

export function utcIso(value: string | null | undefined): string {
  if (!value) return '';
  // The usual zone-less forms are rewritten as text: thousands of disks per page make Date costly.
  if (value.length === 26 && value[10] === 'T' && value[19] === '.' && microsOnly(value)) return `${value.slice(0, 23)}Z`;
  const plain = PLAIN_UTC.exec(value);
  if (plain) return `${plain[1]}.${((plain[2] ?? '') + '000').slice(0, 3)}Z`;
  const withZone = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** "….723797": six digits after the point, so no zone hides in the last characters. */
function microsOnly(value: string): boolean {
  for (let i = 20; i < 26; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The device a server boots from, whatever the bus: /dev/vda, /dev/sda, /dev/xvda, /dev/hda. */
const ROOT_DEVICE = /^\/dev\/(x?vd|sd|hd)a$/;

/** Reserved keys the cloud sets itself: encryption (__system__*) and yearly/monthly billing (orderID). */
const isReservedKey = (key: string) => key.startsWith('__system_') || key === 'orderID';

/**
 * Written as plain loops: a list page maps up to 1,000 disks per request, and spreads of
 * conditional objects cost several times as much (see `pnpm bench bff`).
 */
export function toDisk(v: EvsTypes.VolumeDetail): Disk {
  const metadata: Record<string, string> = {};
  const raw = v.metadata;
  let encryptedMeta = false;
  let scsi = false;
  let prePaid = false;
  if (raw) {
    for (const k in raw) {
      const value = raw[k];
      if (k === '__system__encrypted') encryptedMeta = String(value) === '1';
      else if (k === 'hw:passthrough') scsi = String(value) === 'true';
      else if (k === 'orderID') prePaid = Boolean(value);
      if (!isReservedKey(k) && value !== undefined) metadata[k] = String(value);
    }
  }
  const bootable = String(v.bootable) === 'true';
  const attachments: Disk['attachments'] = [];
  let rootAttached = false;
  for (const a of v.attachments ?? []) {
    attachments.push({ serverId: a.server_id, device: a.device, attachedAt: utcIso(a.attached_at) });
    if (ROOT_DEVICE.test(a.device)) rootAttached = true;
  }
  const tags: Record<string, string> = {};
  if (v.tags) for (const k in v.tags) tags[k] = v.tags[k]!;
  const rules = QOS_RULES[v.volume_type as DiskType];
  const createdAt = utcIso(v.created_at);
  const disk: Disk = {
    id: v.id,
    name: v.name ?? '',
    description: v.description ?? '',
    status: v.status,
    type: v.volume_type,
    sizeGiB: v.size,
    bootable,
    role: bootable && rootAttached ? 'system' : 'data',
    shared: v.multiattach === true || String(v.shareable) === 'true',
    encrypted: encryptedMeta || v.encrypted === true,
    deviceType: scsi ? 'SCSI' : 'VBD',
    chargingMode: prePaid ? 'prePaid' : 'postPaid',
    availabilityZone: v.availability_zone,
    attachments,
    tags,
    metadata,
    snapshotId: v.snapshot_id ?? null,
    createdAt,
    updatedAt: v.updated_at ? utcIso(v.updated_at) : createdAt,
  };
  if (rules && v.iops) disk.iops = v.iops.total_val;
  if (rules?.throughput && v.throughput) disk.throughput = v.throughput.total_val;
  return disk;
}

export function toSnapshot(s: EvsTypes.SnapshotDetails, diskName?: string): Snapshot {
  const createdAt = utcIso(s.created_at);
  return {
    id: s.id,
    name: s.name ?? '',
    description: s.description ?? '',
    status: s.status,
    diskId: s.volume_id,
    ...(diskName !== undefined ? { diskName } : {}),
    sizeGiB: Number(s.size),
    createdByBackup: (s.name ?? '').startsWith(BACKUP_SNAPSHOT_PREFIX) || s.metadata?.__system_enableActive !== undefined,
    createdAt,
    updatedAt: s.updated_at ? utcIso(s.updated_at) : createdAt,
  };
}

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A type the console knows the rules of; `allZones` stands in where the cloud lists none ("all AZs"). */
export function toDiskTypeInfo(t: EvsTypes.VolumeTypeInfo, allZones: string[]): DiskTypeInfo | undefined {
  if (!(DISK_TYPES as readonly string[]).includes(t.name)) return undefined;
  const spec = t.extra_specs ?? {};
  const zones = list(spec['RESKEY:availability_zones']);
  const rules = QOS_RULES[t.name as DiskType];
  return {
    name: t.name as DiskType,
    id: t.id,
    description: t.description ?? '',
    availabilityZones: zones.length ? zones : allZones,
    soldOutIn: list(spec['os-vendor-extended:sold_out_availability_zones']),
    sizeGiB: { ...DISK_SIZE_GIB.data },
    systemSizeGiB: { ...DISK_SIZE_GIB.system },
    ...(rules ? { qos: { iops: { ...rules.iops }, ...(rules.throughput ? { throughput: { ...rules.throughput } } : {}) } } : {}),
  };
}

const item = (q: EvsTypes.QuotaItem) => ({ limit: q.limit < 0 ? null : q.limit, used: q.in_use, reserved: q.reserved ?? 0 });
const TOTALS: Record<string, keyof EvsQuotas> = {
  volumes: 'volumes', gigabytes: 'gigabytes', snapshots: 'snapshots', backups: 'backups',
  backup_gigabytes: 'backupGigabytes', per_volume_gigabytes: 'perVolumeGigabytes',
};

/** Per-type keys are `<item>_<type>`; the documentation's "gigabytes_GP SSD" spacing is tolerated. */
export function toQuotas(set: EvsTypes.QuotaSet): EvsQuotas {
  const out: EvsQuotas = { byType: {} };
  for (const [key, value] of Object.entries(set)) {
    if (typeof value !== 'object' || value === null) continue;
    const total = TOTALS[key];
    if (total) {
      (out as Record<string, unknown>)[total] = item(value);
      continue;
    }
    const m = /^(volumes|gigabytes|snapshots)_(.+)$/.exec(key);
    if (m) (out.byType[m[2]!.replace(/\s+/g, '')] ??= {})[m[1] as 'volumes' | 'gigabytes' | 'snapshots'] = item(value);
  }
  return out;
}
