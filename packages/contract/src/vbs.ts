import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { TaskSchema } from './tasks.ts';
import { ResourceIdSchema } from './disks.ts';

// VBS, the older disk-backup service kept for existing tenants (shared/spec/vbs-cinder.md). New
// work belongs in CBR vaults; these routes let such tenants see and restore what they have.

export const VBS_WEEK_DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
/** Create allows more than update and what the list reports (§7.1, §7.4). */
export const VBS_LIMITS = {
  create: { frequencyDays: { min: 1, max: 30 }, retentionCount: { min: 2, max: 99 } },
  update: { frequencyDays: { min: 1, max: 14 }, retentionCount: { min: 2, max: 14 } },
  retentionDays: { min: 2, max: 99_999 },
  policiesPerTenant: 10,
} as const;

/** Letters (CJK included), digits, "_" and "-", up to 64; "auto" is reserved for policy backups. */
export const VbsBackupNameSchema = z
  .string({ error: 'required' })
  .regex(/^[\p{L}\p{N}_-]{1,64}$/u, '1-64 letters, digits, "_" or "-"')
  .refine((s) => !s.toLowerCase().startsWith('auto'), 'names starting with "auto" are reserved for policy backups');

export const CreateVbsBackupSchema = z.object({
  diskId: ResourceIdSchema,
  name: VbsBackupNameSchema,
  description: z.string().max(64, 'at most 64 characters').refine((s) => !/[<>]/.test(s), 'no < or >').optional(),
});
export type CreateVbsBackup = z.infer<typeof CreateVbsBackupSchema>;

export const RestoreVbsBackupSchema = z.object({ diskId: ResourceIdSchema });

export const VbsBackupListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(50),
  offset: z.coerce.number().int().min(0, 'not negative').default(0),
  diskId: ResourceIdSchema.optional(),
  status: z.enum(['creating', 'available', 'deleting', 'error', 'restoring', 'error_deleting', 'error_restoring']).optional(),
  name: z.string().max(64).optional(),
});
export type VbsBackupListQuery = z.infer<typeof VbsBackupListQuerySchema>;

export const VbsBackupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.string(),
  diskId: z.string(),
  /** Absent when the disk no longer exists. */
  diskName: z.string().optional(),
  sizeGiB: z.number(),
  availabilityZone: z.string(),
  failReason: z.string().optional(),
  createdAt: z.string(),
});
export type VbsBackup = z.infer<typeof VbsBackupSchema>;

/** The VBS list has no total: `hasMore` says whether another page exists. */
export const VbsBackupPageSchema = z.object({ items: z.array(VbsBackupSchema), hasMore: z.boolean() });
export type VbsBackupPage = z.infer<typeof VbsBackupPageSchema>;

const HOURS = /^([01]\d|2[0-3]):00$/;
const int = (what: string, min: number, max: number) =>
  z.number({ error: `a whole number of ${what}` }).int(`a whole number of ${what}`).min(min, `at least ${min}`).max(max, `at most ${max}`);

const policyFields = (limits: typeof VBS_LIMITS.create | typeof VBS_LIMITS.update) => ({
  name: z.string({ error: 'required' }).regex(/^[\p{L}\p{N}_-]{1,64}$/u, '1-64 letters, digits, "_" or "-"'),
  /** UTC whole hours, e.g. ["02:00", "14:00"]. */
  startTimes: z.array(z.string().regex(HOURS, 'a whole UTC hour like 02:00')).min(1, 'at least one start time').max(24).refine((t) => new Set(t).size === t.length, 'each hour once'),
  /** Every N days, or on these week days: one of the two. */
  frequencyDays: int('days', limits.frequencyDays.min, limits.frequencyDays.max).optional(),
  weekDays: z.array(z.enum(VBS_WEEK_DAYS)).min(1, 'at least one day').optional(),
  /** Keep the newest N, or keep N days: one of the two. */
  retentionCount: int('backups', limits.retentionCount.min, limits.retentionCount.max).optional(),
  retentionDays: int('days', VBS_LIMITS.retentionDays.min, VBS_LIMITS.retentionDays.max).optional(),
  keepFirstOfMonth: z.boolean().optional(),
  enabled: z.boolean().optional(),
  timezone: z.string().regex(/^UTC[+-](0\d|1[0-4]):[0-5]\d$/, 'a zone like UTC+08:00').optional(),
});

function exclusive(v: { frequencyDays?: number | undefined; weekDays?: string[] | undefined; retentionCount?: number | undefined; retentionDays?: number | undefined }, ctx: z.RefinementCtx, required: boolean) {
  // The cloud silently prefers frequency and retention count when both are given: refuse instead.
  if (v.frequencyDays !== undefined && v.weekDays !== undefined) ctx.addIssue({ code: 'custom', path: ['weekDays'], message: 'choose every N days or week days, not both' });
  if (v.retentionCount !== undefined && v.retentionDays !== undefined) ctx.addIssue({ code: 'custom', path: ['retentionDays'], message: 'keep a number of backups or a number of days, not both' });
  if (required && v.frequencyDays === undefined && v.weekDays === undefined) ctx.addIssue({ code: 'custom', path: ['frequencyDays'], message: 'choose every N days or week days' });
  if (required && v.retentionCount === undefined && v.retentionDays === undefined) ctx.addIssue({ code: 'custom', path: ['retentionCount'], message: 'choose how many backups or days to keep' });
}

export const CreateVbsPolicySchema = z.object(policyFields(VBS_LIMITS.create)).superRefine((v, ctx) => exclusive(v, ctx, true));
export type CreateVbsPolicy = z.infer<typeof CreateVbsPolicySchema>;

/** Any change to a policy; whether a new name is allowed depends on the current one (below). */
export const UpdateVbsPolicySchema = z
  .object(policyFields(VBS_LIMITS.update))
  .partial()
  .superRefine((v, ctx) => {
    exclusive(v, ctx, false);
    if (Object.values(v).every((x) => x === undefined)) ctx.addIssue({ code: 'custom', path: [], message: 'give something to change' });
  });

export const VBS_RESERVED_NAME = 'names starting with "default" are reserved';

/**
 * The cloud refuses to rename a policy to a name starting with "default" (AutoBackup.0102). A
 * policy created with such a name keeps it: the unchanged name is not a rename.
 */
export const vbsRenameRefused = (currentName: string, name: string | undefined): boolean =>
  name !== undefined && name !== currentName && name.startsWith('default');

export const updateVbsPolicySchemaFor = (currentName: string) =>
  UpdateVbsPolicySchema.superRefine((v, ctx) => {
    if (vbsRenameRefused(currentName, v.name)) ctx.addIssue({ code: 'custom', path: ['name'], message: VBS_RESERVED_NAME });
  });
export type UpdateVbsPolicy = z.infer<typeof UpdateVbsPolicySchema>;

export const VbsPolicyDisksSchema = z.object({
  diskIds: z.array(ResourceIdSchema).min(1, 'choose at least 1').max(100, 'at most 100 at a time').refine((ids) => new Set(ids).size === ids.length, 'each disk once'),
});

export const VbsPolicySchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  startTimes: z.array(z.string()),
  frequencyDays: z.number().optional(),
  weekDays: z.array(z.string()).optional(),
  retentionCount: z.number().optional(),
  retentionDays: z.number().optional(),
  keepFirstOfMonth: z.boolean(),
  timezone: z.string().optional(),
  diskCount: z.number(),
});
export type VbsPolicy = z.infer<typeof VbsPolicySchema>;

export const VbsPolicyListSchema = z.object({ items: z.array(VbsPolicySchema) });
export const VbsTaskResponseSchema = z.object({ task: TaskSchema, policy: VbsPolicySchema.optional() });
export type VbsTaskResponse = z.infer<typeof VbsTaskResponseSchema>;

const legacy = (s: string) => `[Legacy VBS] ${s}`;

export const vbsApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/vbs/backups', summary: legacy('Disk backups of the older VBS service'), role: 'viewer', query: VbsBackupListQuerySchema, response: VbsBackupPageSchema },
  { method: 'POST', path: '/api/v1/vbs/backups', summary: legacy('Back up a disk with VBS (a job)'), role: 'operator', body: CreateVbsBackupSchema, response: VbsTaskResponseSchema, status: 202 },
  { method: 'POST', path: '/api/v1/vbs/backups/:id/restore', summary: legacy('Restore a VBS backup onto a disk'), role: 'operator', body: RestoreVbsBackupSchema, response: VbsTaskResponseSchema, status: 202 },
  { method: 'DELETE', path: '/api/v1/vbs/backups/:id', summary: legacy('Delete a VBS backup'), role: 'operator', response: VbsTaskResponseSchema, status: 202 },
  { method: 'GET', path: '/api/v1/vbs/policies', summary: legacy('VBS backup policies'), role: 'viewer', response: VbsPolicyListSchema },
  { method: 'POST', path: '/api/v1/vbs/policies', summary: legacy('Create a VBS backup policy'), role: 'operator', body: CreateVbsPolicySchema, response: VbsTaskResponseSchema, status: 201 },
  { method: 'PATCH', path: '/api/v1/vbs/policies/:id', summary: legacy('Change, enable or disable a VBS backup policy'), role: 'operator', body: UpdateVbsPolicySchema, response: VbsTaskResponseSchema },
  { method: 'DELETE', path: '/api/v1/vbs/policies/:id', summary: legacy('Delete a VBS backup policy'), role: 'operator', response: VbsTaskResponseSchema },
  { method: 'POST', path: '/api/v1/vbs/policies/:id/bind', summary: legacy('Bind disks to a VBS policy; each disk succeeds or fails alone'), role: 'operator', body: VbsPolicyDisksSchema, response: VbsTaskResponseSchema },
  { method: 'POST', path: '/api/v1/vbs/policies/:id/unbind', summary: legacy('Unbind disks from a VBS policy; each disk succeeds or fails alone'), role: 'operator', body: VbsPolicyDisksSchema, response: VbsTaskResponseSchema },
];
