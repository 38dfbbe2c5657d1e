import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { TaskSchema } from './tasks.ts';

// The cloud's rules for disks (shared/spec/evs.md), written once: the BFF checks requests with them
// and the SPA's forms validate with them before anything is sent.

export const DISK_TYPES = ['SATA', 'SAS', 'GPSSD', 'SSD', 'ESSD', 'GPSSD2', 'ESSD2'] as const;
export const DiskTypeSchema = z.enum(DISK_TYPES, { error: `choose one of ${DISK_TYPES.join(', ')}` });
export type DiskType = z.infer<typeof DiskTypeSchema>;

/** Appendix A.3. */
export const DISK_STATUSES = [
  'creating', 'available', 'in-use', 'error', 'attaching', 'detaching', 'restoring-backup', 'backing-up', 'error_restoring',
  'uploading', 'downloading', 'extending', 'error_extending', 'deleting', 'error_deleting', 'rollbacking', 'error_rollbacking',
  'awaiting-transfer',
] as const;
export const DiskStatusSchema = z.enum(DISK_STATUSES, { error: 'not a disk status' });

/** Statuses an operation is running in: the disk takes no other operation until it settles. */
export const TRANSITIONAL_DISK_STATUSES: readonly string[] = [
  'creating', 'attaching', 'detaching', 'restoring-backup', 'backing-up', 'uploading', 'downloading', 'extending', 'deleting', 'rollbacking',
];

/** GiB (6.1.1). System disks come from images when a server is created; disks made here are data disks. */
export const DISK_SIZE_GIB = { data: { min: 10, max: 32_768 }, system: { min: 1, max: 1_024 } } as const;
export const MAX_DISKS_PER_CREATE = 100;
export const MAX_TAGS_PER_DISK = 10;
export const MAX_BATCH_ITEMS = 100;
export const NAME_MAX_CHARS = 64;
export const DESCRIPTION_MAX_CHARS = 85;
export const TAG_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
/** The seed gives values the key's wording; an empty value is accepted by the tag API. */
export const TAG_VALUE_PATTERN = /^[A-Za-z0-9_.-]{0,64}$/;

/**
 * IOPS and throughput of the types that take them. The seed points to the "Disk Types and
 * Performance" page for ranges: GPSSD2 3,000-128,000 IOPS and at most 500 per GiB, 125-1,000 MiB/s
 * and at most IOPS/4; ESSD2 100-1,000,000 IOPS, at most 500 per GiB, throughput not settable.
 */
export const QOS_RULES: Partial<Record<DiskType, { iops: { min: number; max: number; perGiB: number }; throughput?: { min: number; max: number; iopsPerMiBps: number } }>> = {
  GPSSD2: { iops: { min: 3_000, max: 128_000, perGiB: 500 }, throughput: { min: 125, max: 1_000, iopsPerMiBps: 4 } },
  ESSD2: { iops: { min: 100, max: 1_000_000, perGiB: 500 } },
};

export interface QosRange { iops: [number, number]; throughput?: [number, number] }

/** The allowed IOPS (and, for GPSSD2, throughput at the given IOPS) of a disk of this type and size. */
export function qosRange(type: string, sizeGiB: number, iops?: number): QosRange | undefined {
  const rule = QOS_RULES[type as DiskType];
  if (!rule) return undefined;
  const maxIops = Math.max(rule.iops.min, Math.min(rule.iops.max, rule.iops.perGiB * sizeGiB));
  const t = rule.throughput;
  if (!t) return { iops: [rule.iops.min, maxIops] };
  return { iops: [rule.iops.min, maxIops], throughput: [t.min, Math.max(t.min, Math.min(t.max, Math.floor((iops ?? maxIops) / t.iopsPerMiBps)))] };
}

export interface FieldIssue { path: string; message: string }

/**
 * What is wrong with a QoS setting. On create GPSSD2 needs both values and ESSD2 IOPS only; on a
 * change GPSSD2 may keep its throughput (`currentThroughput` is then checked against the new IOPS).
 */
export function qosIssues(
  q: { type: string; sizeGiB: number; iops?: number | undefined; throughput?: number | undefined; currentThroughput?: number | undefined },
  mode: 'create' | 'modify',
): FieldIssue[] {
  const rule = QOS_RULES[q.type as DiskType];
  const out: FieldIssue[] = [];
  if (!rule) {
    if (q.iops !== undefined) out.push({ path: 'iops', message: `only GPSSD2 and ESSD2 disks take an IOPS setting, not ${q.type}` });
    if (q.throughput !== undefined) out.push({ path: 'throughput', message: `only GPSSD2 disks take a throughput setting, not ${q.type}` });
    return out;
  }
  const range = qosRange(q.type, q.sizeGiB, q.iops)!;
  if (q.iops === undefined) out.push({ path: 'iops', message: `required for ${q.type} disks: ${range.iops[0]} to ${range.iops[1]} IOPS at ${q.sizeGiB} GiB` });
  if (!rule.throughput && q.throughput !== undefined) out.push({ path: 'throughput', message: `${q.type} disks have no throughput setting; leave it empty` });
  if (range.throughput && q.throughput === undefined && mode === 'create') {
    out.push({ path: 'throughput', message: `required for ${q.type} disks: ${range.throughput[0]} to ${range.throughput[1]} MiB/s` });
  }
  if (q.iops === undefined) return out;
  const [lo, hi] = range.iops;
  if (q.iops < lo || q.iops > hi) out.push({ path: 'iops', message: `a ${q.sizeGiB} GiB ${q.type} disk takes ${lo} to ${hi} IOPS` });
  const throughput = q.throughput ?? q.currentThroughput;
  if (range.throughput && throughput !== undefined && out.every((i) => i.path !== 'throughput')) {
    const [tlo, thi] = range.throughput;
    if (throughput < tlo || throughput > thi) {
      const message = q.throughput === undefined
        ? `the current ${throughput} MiB/s does not fit ${q.iops} IOPS; set a throughput of ${tlo} to ${thi} MiB/s`
        : `with ${q.iops} IOPS the throughput is ${tlo} to ${thi} MiB/s`;
      out.push({ path: 'throughput', message });
    }
  }
  return out;
}

// ---- field schemas -------------------------------------------------------------------------------

const hasControlChar = (s: string) => [...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);

/** Names and descriptions: a length in characters, and no line breaks or other control characters. */
export function textSchema(max: number) {
  return z
    .string({ error: 'must be text' })
    .refine((s) => [...s].length <= max, `at most ${max} characters`)
    .refine((s) => !hasControlChar(s), 'no line breaks or other control characters');
}

export const NameSchema = textSchema(NAME_MAX_CHARS);
export const DescriptionSchema = textSchema(DESCRIPTION_MAX_CHARS);
export const ResourceIdSchema = z.string({ error: 'required' }).regex(/^[A-Za-z0-9-]{1,64}$/, 'not a resource id');

export const DiskTagsSchema = z.record(z.string(), z.string({ error: 'a tag value is text' })).superRefine((tags, ctx) => {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS_PER_DISK) ctx.addIssue({ code: 'custom', message: `a disk has at most ${MAX_TAGS_PER_DISK} tags; remove ${keys.length - MAX_TAGS_PER_DISK}` });
  for (const key of keys) {
    if (!TAG_KEY_PATTERN.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'a tag key is 1-64 letters, digits, "_", "-" or "."' });
    else if (!TAG_VALUE_PATTERN.test(tags[key]!)) ctx.addIssue({ code: 'custom', path: [key], message: 'a tag value is up to 64 letters, digits, "_", "-" or "."' });
  }
});

const sizeSchema = z
  .number({ error: 'a whole number of GiB' })
  .int('a whole number of GiB')
  .min(DISK_SIZE_GIB.data.min, `a data disk is at least ${DISK_SIZE_GIB.data.min} GiB`)
  .max(DISK_SIZE_GIB.data.max, `a data disk is at most ${DISK_SIZE_GIB.data.max} GiB`);
const positiveInt = (what: string) => z.number({ error: `a whole number of ${what}` }).int(`a whole number of ${what}`).positive(`more than 0 ${what}`);

// ---- requests ------------------------------------------------------------------------------------

export const CreateDiskSchema = z
  .object({
    name: NameSchema.optional(),
    description: DescriptionSchema.optional(),
    availabilityZone: z.string({ error: 'choose an availability zone' }).min(1, 'choose an availability zone').max(64),
    type: DiskTypeSchema,
    sizeGiB: sizeSchema,
    count: z.number({ error: 'a whole number' }).int('a whole number').min(1, 'at least 1').max(MAX_DISKS_PER_CREATE, `at most ${MAX_DISKS_PER_CREATE} at a time`).default(1),
    /** Multi-attach: the disk can be attached to several servers. */
    shared: z.boolean().default(false),
    iops: positiveInt('IOPS').optional(),
    throughput: positiveInt('MiB/s').optional(),
    tags: DiskTagsSchema.default({}),
    /** Create from this snapshot: same type and AZ as its disk, at least its size. */
    snapshotId: ResourceIdSchema.optional(),
    /** Encrypt with this KMS key (its 36-character id). */
    kmsKeyId: z.string().length(36, 'a KMS key id has 36 characters').optional(),
    /** SCSI device type instead of VBD. */
    scsi: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    for (const i of qosIssues({ type: v.type, sizeGiB: v.sizeGiB, iops: v.iops, throughput: v.throughput }, 'create')) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
    if (v.snapshotId !== undefined) {
      // EVS.1043: a disk made from a snapshot inherits these from it.
      if (v.kmsKeyId !== undefined) ctx.addIssue({ code: 'custom', path: ['kmsKeyId'], message: 'a disk created from a snapshot takes the snapshot\'s encryption; leave it empty' });
      if (v.scsi) ctx.addIssue({ code: 'custom', path: ['scsi'], message: 'a disk created from a snapshot takes the snapshot\'s device type' });
    }
  });
export type CreateDisk = z.infer<typeof CreateDiskSchema>;

export const UpdateDiskSchema = z
  .object({ name: NameSchema.optional(), description: DescriptionSchema.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: 'give a name or a description to change' });
export type UpdateDisk = z.infer<typeof UpdateDiskSchema>;

export const ExpandDiskSchema = z.object({
  newSizeGiB: z.number({ error: 'a whole number of GiB' }).int('a whole number of GiB').positive('more than 0 GiB').max(DISK_SIZE_GIB.data.max, `at most ${DISK_SIZE_GIB.data.max} GiB`),
});
export type ExpandDisk = z.infer<typeof ExpandDiskSchema>;

/** GPSSD2 takes IOPS and, optionally, throughput (kept when left out); ESSD2 IOPS only. */
export const DiskQosSchema = z.object({ iops: positiveInt('IOPS'), throughput: positiveInt('MiB/s').optional() });
export type DiskQos = z.infer<typeof DiskQosSchema>;

/** The complete set the disk should have: keys not listed are removed. */
export const SetDiskTagsSchema = z.object({ tags: DiskTagsSchema });
export type SetDiskTags = z.infer<typeof SetDiskTagsSchema>;

export const BatchIdsSchema = z.object({
  ids: z
    .array(ResourceIdSchema, { error: 'a list of ids' })
    .min(1, 'select at least one')
    .max(MAX_BATCH_ITEMS, `at most ${MAX_BATCH_ITEMS} at a time`)
    .refine((ids) => new Set(ids).size === ids.length, 'each id once'),
});
export type BatchIds = z.infer<typeof BatchIdsSchema>;

export const DISK_SORT_KEYS = ['id', 'status', 'size', 'createdAt'] as const;

export const DiskListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(50),
  offset: z.coerce.number().int().min(0, 'not negative').default(0),
  /** Continue after this disk (with the same sort); an alternative to offset. */
  marker: ResourceIdSchema.optional(),
  /** The name; with a tag filter, any name containing it (the tag query matches fuzzily). */
  name: z.string().max(NAME_MAX_CHARS).optional(),
  status: DiskStatusSchema.optional(),
  type: DiskTypeSchema.optional(),
  availabilityZone: z.string().max(64).optional(),
  serverId: ResourceIdSchema.optional(),
  /** `key=value`, or `key` for any value. */
  tag: z.string().regex(/^[A-Za-z0-9_.-]{1,64}(=[A-Za-z0-9_.-]{0,64})?$/, 'key=value or key, with letters, digits, "_", "-" or "."').optional(),
  sort: z.enum(DISK_SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});
export type DiskListQuery = z.infer<typeof DiskListQuerySchema>;

// ---- responses -----------------------------------------------------------------------------------

export const DiskAttachmentSchema = z.object({
  serverId: z.string(),
  /** Filled once the console joins server data; absent until then. */
  serverName: z.string().optional(),
  device: z.string(),
  attachedAt: z.string(),
});

export const DiskSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The cloud's status, verbatim (appendix A.3). */
  status: z.string(),
  type: z.string(),
  sizeGiB: z.number(),
  /** GPSSD2 and ESSD2 only. */
  iops: z.number().optional(),
  /** MiB/s, GPSSD2 only. */
  throughput: z.number().optional(),
  bootable: z.boolean(),
  /** system: bootable and attached as the root device (/dev/vda, /dev/sda…). */
  role: z.enum(['system', 'data']),
  shared: z.boolean(),
  encrypted: z.boolean(),
  deviceType: z.enum(['VBD', 'SCSI']),
  chargingMode: z.enum(['postPaid', 'prePaid']),
  availabilityZone: z.string(),
  attachments: z.array(DiskAttachmentSchema),
  tags: z.record(z.string(), z.string()),
  /** User metadata; the cloud's reserved keys (__system__*, orderID) are left out. */
  metadata: z.record(z.string(), z.string()),
  snapshotId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Disk = z.infer<typeof DiskSchema>;

export const DiskPageSchema = z.object({
  items: z.array(DiskSchema),
  /** All matches, regardless of paging. */
  total: z.number(),
  /**
   * Query parameters the cloud cannot apply together with a tag filter. The console applied them
   * itself over every disk carrying the tag, so the page is exact, only slower.
   */
  unsupported: z.array(z.string()).optional(),
});
export type DiskPage = z.infer<typeof DiskPageSchema>;

/** The answer to every disk mutation: the task that tracks it, and the disk when already changed. */
export const DiskTaskResponseSchema = z.object({ task: TaskSchema, disk: DiskSchema.optional() });
export type DiskTaskResponse = z.infer<typeof DiskTaskResponseSchema>;

const range = z.object({ min: z.number(), max: z.number() });
export const DiskTypeInfoSchema = z.object({
  name: DiskTypeSchema,
  id: z.string(),
  description: z.string(),
  /** Where the type exists, and where it is currently sold out. */
  availabilityZones: z.array(z.string()),
  soldOutIn: z.array(z.string()),
  sizeGiB: range,
  systemSizeGiB: range,
  qos: z.object({ iops: range.extend({ perGiB: z.number() }), throughput: range.extend({ iopsPerMiBps: z.number() }).optional() }).optional(),
});
export const DiskTypeListSchema = z.object({ items: z.array(DiskTypeInfoSchema) });
export type DiskTypeInfo = z.infer<typeof DiskTypeInfoSchema>;

export const AvailabilityZoneListSchema = z.object({ items: z.array(z.object({ name: z.string(), available: z.boolean() })) });
export type AvailabilityZoneList = z.infer<typeof AvailabilityZoneListSchema>;

/** `limit` null: no limit of its own (the cloud's -1). */
export const QuotaUsageSchema = z.object({ limit: z.number().nullable(), used: z.number(), reserved: z.number() });
const quotaGroup = z.object({ volumes: QuotaUsageSchema.optional(), gigabytes: QuotaUsageSchema.optional(), snapshots: QuotaUsageSchema.optional() });
export const EvsQuotasSchema = quotaGroup.extend({
  backups: QuotaUsageSchema.optional(),
  backupGigabytes: QuotaUsageSchema.optional(),
  /** Its limit is the largest single disk. */
  perVolumeGigabytes: QuotaUsageSchema.optional(),
  byType: z.record(z.string(), quotaGroup),
});
export type EvsQuotas = z.infer<typeof EvsQuotasSchema>;

/** Why an operation is not possible, in words, with a code a program can branch on. */
export interface Refusal { code: string; message: string }

export const RefusalCodes = {
  diskInUse: 'DISK_IN_USE',
  diskBusy: 'DISK_BUSY',
  diskStatus: 'DISK_STATUS',
  diskPrepaid: 'DISK_PREPAID',
  qosUnsupported: 'QOS_UNSUPPORTED',
  snapshotBusy: 'SNAPSHOT_BUSY',
  snapshotFromBackup: 'SNAPSHOT_FROM_BACKUP',
  notFound: 'NOT_FOUND',
} as const;

function attachedWhere(d: Disk): string {
  return d.attachments.map((a) => `${a.serverName ?? a.serverId} as ${a.device}`).join(', ');
}

function statusRefusal(d: Disk, wanted: string): Refusal {
  if (TRANSITIONAL_DISK_STATUSES.includes(d.status)) return { code: RefusalCodes.diskBusy, message: `The disk is ${d.status}; try again once that has finished` };
  return { code: RefusalCodes.diskStatus, message: `The disk is ${d.status}; this needs it ${wanted}` };
}

/** EVS.1046, EVS.1035, EVS.2020, EVS.2130: what the cloud refuses to delete. */
export function whyNotDeleteDisk(d: Disk): Refusal | undefined {
  if (d.attachments.length > 0 || d.status === 'in-use') {
    return { code: RefusalCodes.diskInUse, message: `The disk is attached to ${attachedWhere(d) || 'a server'}; detach it first` };
  }
  if (d.chargingMode === 'prePaid') return { code: RefusalCodes.diskPrepaid, message: 'The disk is billed yearly/monthly; unsubscribe from it instead of deleting it' };
  if (d.status === 'error_deleting') return { code: RefusalCodes.diskStatus, message: 'An earlier deletion of this disk failed (error_deleting); the cloud refuses another, ask its support' };
  if (d.status === 'awaiting-transfer') return { code: RefusalCodes.diskStatus, message: 'The disk is awaiting a transfer; cancel the transfer first' };
  if (['available', 'error', 'error_extending', 'error_restoring', 'error_rollbacking'].includes(d.status)) return undefined;
  return statusRefusal(d, 'available or in an error state');
}

/** EVS.1064/1065/2026: available, or in-use when not shared; the server's own state is the cloud's to judge. */
export function whyNotExpandDisk(d: Disk): Refusal | undefined {
  if (d.status === 'available') return undefined;
  if (d.status === 'in-use') {
    return d.shared ? { code: RefusalCodes.diskInUse, message: `A shared disk can be expanded only when available; detach it from ${attachedWhere(d)} first` } : undefined;
  }
  if (d.status === 'error_extending') return { code: RefusalCodes.diskStatus, message: 'The last expansion of this disk failed (error_extending); the cloud refuses another' };
  return statusRefusal(d, 'available or in-use');
}

export function expandSizeIssue(d: Disk, newSizeGiB: number): string | undefined {
  if (newSizeGiB <= d.sizeGiB) return `must be larger than the current ${d.sizeGiB} GiB`;
  const max = d.bootable ? DISK_SIZE_GIB.system.max : DISK_SIZE_GIB.data.max;
  if (newSizeGiB > max) return `a ${d.bootable ? 'system' : 'data'} disk is at most ${max} GiB`;
  return undefined;
}

/** 6.1.13: GPSSD2 and ESSD2 only, available or in-use. */
export function whyNotChangeQos(d: Disk): Refusal | undefined {
  if (!QOS_RULES[d.type as DiskType]) return { code: RefusalCodes.qosUnsupported, message: `Only GPSSD2 and ESSD2 disks have adjustable performance; this one is ${d.type}` };
  if (d.status === 'available' || d.status === 'in-use') return undefined;
  return statusRefusal(d, 'available or in-use');
}

/** 6.2.1: an attaching disk can be snapshotted only with force. */
export function whyNotSnapshotDisk(d: Disk, force: boolean): Refusal | undefined {
  if (d.status === 'attaching' && !force) return { code: RefusalCodes.diskBusy, message: 'The disk is attaching; wait, or create the snapshot with force' };
  return undefined;
}

export const diskApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/disks', summary: 'Disks: filter, sort, page', role: 'viewer', query: DiskListQuerySchema, response: DiskPageSchema },
  { method: 'POST', path: '/api/v1/disks', summary: 'Create disks (count 1-100)', role: 'operator', body: CreateDiskSchema, response: DiskTaskResponseSchema, status: 202 },
  { method: 'POST', path: '/api/v1/disks/batch-delete', summary: 'Delete several disks; refused items fail with their reason', role: 'operator', body: BatchIdsSchema, response: DiskTaskResponseSchema, status: 202 },
  { method: 'GET', path: '/api/v1/disks/:id', summary: 'One disk', role: 'viewer', response: DiskSchema },
  { method: 'PATCH', path: '/api/v1/disks/:id', summary: 'Rename a disk or change its description', role: 'operator', body: UpdateDiskSchema, response: DiskTaskResponseSchema, status: 202 },
  { method: 'DELETE', path: '/api/v1/disks/:id', summary: 'Delete a disk', role: 'operator', response: DiskTaskResponseSchema, status: 202 },
  { method: 'POST', path: '/api/v1/disks/:id/expand', summary: 'Expand a disk', role: 'operator', body: ExpandDiskSchema, response: DiskTaskResponseSchema, status: 202 },
  { method: 'PUT', path: '/api/v1/disks/:id/qos', summary: 'Change IOPS/throughput of a GPSSD2 or ESSD2 disk', role: 'operator', body: DiskQosSchema, response: DiskTaskResponseSchema, status: 202 },
  { method: 'PUT', path: '/api/v1/disks/:id/tags', summary: 'Set the complete tag set of a disk', role: 'operator', body: SetDiskTagsSchema, response: DiskTaskResponseSchema, status: 202 },
  { method: 'GET', path: '/api/v1/disk-types', summary: 'Disk types with the limits a create form needs', role: 'viewer', response: DiskTypeListSchema },
  { method: 'GET', path: '/api/v1/availability-zones', summary: 'Availability zones', role: 'viewer', response: AvailabilityZoneListSchema },
  { method: 'GET', path: '/api/v1/quotas/evs', summary: 'Disk and snapshot quotas with usage', role: 'viewer', response: EvsQuotasSchema },
];
