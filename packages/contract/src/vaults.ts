import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { TaskSchema } from './tasks.ts';
import { ResourceIdSchema, textSchema, type Refusal } from './disks.ts';

// CBR vaults (shared/spec/cbr.md §2.5, §3.1). Capacity is GiB on both sides: the cloud reports the
// size in GB but the used space in MB, and the console converts once.

export const VAULT_SIZE_GIB = { min: 10, max: 10_485_760 } as const;
export const MAX_VAULT_RESOURCES_PER_CALL = 256;
export const MAX_VAULT_TAGS = 10;
export const MAX_BIND_RULE_TAGS = 5;
export const VAULT_STATUSES = ['available', 'lock', 'frozen', 'deleting', 'error'] as const;
export const PROTECT_STATUSES = ['available', 'error', 'protecting', 'restoring', 'removing'] as const;

export const ProtectedTypeSchema = z.enum(['server', 'disk'], { error: 'server or disk' });
export type ProtectedType = z.infer<typeof ProtectedTypeSchema>;

// Tag keys ≤36 and values ≤43 characters without control characters or =*<>\,|/ (Table 4-157).
const TAG_SYMBOLS = /[=*<>\\,|/]/;
const TAG_FORBIDDEN = { test: (s: string) => TAG_SYMBOLS.test(s) || [...s].some((ch) => ch.charCodeAt(0) < 32) };
export const VaultTagSchema = z.object({
  key: z.string({ error: 'required' }).trim().min(1, 'a tag key is not empty').max(36, 'a tag key has at most 36 characters').refine((s) => !TAG_FORBIDDEN.test(s), 'no control characters or = * < > \\ , | /'),
  value: z.string({ error: 'a tag value is text' }).trim().max(43, 'a tag value has at most 43 characters').refine((s) => !TAG_FORBIDDEN.test(s), 'no control characters or = * < > \\ , | /'),
});
export type VaultTag = z.infer<typeof VaultTagSchema>;

const uniqueKeys = (tags: VaultTag[]) => new Set(tags.map((t) => t.key)).size === tags.length;
export const VaultTagsSchema = z.array(VaultTagSchema).max(MAX_VAULT_TAGS, `at most ${MAX_VAULT_TAGS} tags`).refine(uniqueKeys, 'each tag key once');
export const BindRulesSchema = z.object({
  /** Servers or disks carrying any of these tags join the vault by themselves (with autoBind). */
  tags: z.array(VaultTagSchema).max(MAX_BIND_RULE_TAGS, `at most ${MAX_BIND_RULE_TAGS} tags`).refine(uniqueKeys, 'each tag key once'),
});

const sizeSchema = z
  .number({ error: 'a whole number of GiB' })
  .int('a whole number of GiB')
  .min(VAULT_SIZE_GIB.min, `a vault has at least ${VAULT_SIZE_GIB.min} GiB`)
  .max(VAULT_SIZE_GIB.max, `a vault has at most ${VAULT_SIZE_GIB.max} GiB`);

export const VaultResourceInputSchema = z.object({
  id: ResourceIdSchema,
  /** Disks of a server that are not backed up. */
  excludeDiskIds: z.array(ResourceIdSchema).max(64).optional(),
});

const resourcesSchema = (min: number, max: number) =>
  z
    .array(VaultResourceInputSchema)
    .min(min, `choose at least ${min}`)
    .max(max, `at most ${max} at a time`)
    .refine((list) => new Set(list.map((r) => r.id)).size === list.length, 'each resource once');

export const CreateVaultSchema = z.object({
  name: textSchema(64).refine((s) => s.length > 0, 'required'),
  description: textSchema(64).optional(),
  protectedType: ProtectedTypeSchema,
  sizeGiB: sizeSchema,
  consistency: z.enum(['crash_consistent', 'app_consistent']).default('crash_consistent'),
  resources: resourcesSchema(0, 255).default([]),
  policyId: ResourceIdSchema.optional(),
  autoBind: z.boolean().default(false),
  bindRules: BindRulesSchema.optional(),
  /** Grow the vault by itself when a backup would not fit (pay-per-use vaults). */
  autoExpand: z.boolean().default(false),
  tags: VaultTagsSchema.default([]),
});
export type CreateVault = z.infer<typeof CreateVaultSchema>;

export const UpdateVaultSchema = z
  .object({
    name: textSchema(64).refine((s) => s.length > 0, 'required').optional(),
    /** The new capacity; at least what the backups already use. */
    sizeGiB: z.number({ error: 'a whole number of GiB' }).int('a whole number of GiB').min(1, 'at least 1 GiB').max(VAULT_SIZE_GIB.max, `a vault has at most ${VAULT_SIZE_GIB.max} GiB`).optional(),
    autoBind: z.boolean().optional(),
    bindRules: BindRulesSchema.optional(),
    autoExpand: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'give something to change' });
export type UpdateVault = z.infer<typeof UpdateVaultSchema>;

export const AddVaultResourcesSchema = z.object({ resources: resourcesSchema(1, MAX_VAULT_RESOURCES_PER_CALL) });
export const RemoveVaultResourcesSchema = z.object({
  resourceIds: z.array(ResourceIdSchema).min(1, 'choose at least 1').max(MAX_VAULT_RESOURCES_PER_CALL, `at most ${MAX_VAULT_RESOURCES_PER_CALL} at a time`),
});
export const SetVaultPolicySchema = z.object({ policyId: ResourceIdSchema });
/** The vault's whole tag set: keys left out are removed. */
export const SetVaultTagsSchema = z.object({ tags: VaultTagsSchema });
export type SetVaultTags = z.infer<typeof SetVaultTagsSchema>;

export const BackupNowSchema = z.object({
  /** Only these of the vault's resources; all of them when left out. */
  resourceIds: z.array(ResourceIdSchema).min(1, 'choose at least 1').max(256, 'at most 256').optional(),
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 letters, digits, "_" or "-"').optional(),
  description: textSchema(255).optional(),
  /** Incremental after the first full backup (the cloud's default). */
  incremental: z.boolean().default(true),
});
export type BackupNow = z.infer<typeof BackupNowSchema>;

export const VaultListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(50),
  offset: z.coerce.number().int().min(0, 'not negative').default(0),
  /** Any vault whose name contains this. */
  name: z.string().max(64).optional(),
  protectedType: ProtectedTypeSchema.optional(),
  status: z.enum(VAULT_STATUSES).optional(),
});
export type VaultListQuery = z.infer<typeof VaultListQuerySchema>;

export const VaultResourceSchema = z.object({
  id: z.string(),
  type: ProtectedTypeSchema,
  name: z.string(),
  /** available, protecting (backing up), restoring, removing or error. */
  protectStatus: z.string(),
  sizeGiB: z.number().optional(),
  backupCount: z.number().optional(),
});

export const VaultSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  protectedType: ProtectedTypeSchema,
  protectType: z.enum(['backup', 'replication']),
  capacity: z.object({ sizeGiB: z.number(), usedGiB: z.number() }),
  resources: z.array(VaultResourceSchema),
  resourceCount: z.number(),
  policy: z.object({ id: z.string(), name: z.string(), enabled: z.boolean() }).nullable(),
  status: z.string(),
  autoBind: z.boolean(),
  bindRules: z.object({ tags: z.array(VaultTagSchema) }),
  autoExpand: z.boolean(),
  tags: z.array(VaultTagSchema),
  createdAt: z.string(),
});
export type Vault = z.infer<typeof VaultSchema>;

export const VaultPageSchema = z.object({ items: z.array(VaultSchema), total: z.number() });
export type VaultPage = z.infer<typeof VaultPageSchema>;

export const VaultTaskResponseSchema = z.object({ task: TaskSchema, vault: VaultSchema.optional() });
export type VaultTaskResponse = z.infer<typeof VaultTaskResponseSchema>;

export const VaultRefusals = { vaultStatus: 'VAULT_STATUS', resourceBusy: 'RESOURCE_BUSY', noPolicy: 'NO_POLICY', wrongType: 'WRONG_RESOURCE_TYPE', notInVault: 'NOT_IN_VAULT' } as const;

/** BackupService.6111/6112/6113: a vault takes changes and backups only while available. */
export function whyNotUseVault(v: Pick<Vault, 'status'>, what: string): Refusal | undefined {
  if (v.status === 'available') return undefined;
  return { code: VaultRefusals.vaultStatus, message: `The vault is ${v.status}; ${what} needs it available` };
}

/** 6111: not while a backup, restore or removal runs in it. */
export function whyNotDeleteVault(v: Pick<Vault, 'status' | 'resources'>): Refusal | undefined {
  if (v.status === 'deleting') return { code: VaultRefusals.vaultStatus, message: 'The vault is already being deleted' };
  const busy = v.resources.filter((r) => r.protectStatus === 'protecting' || r.protectStatus === 'restoring');
  if (busy.length) return { code: VaultRefusals.resourceBusy, message: `${busy.map((r) => r.name || r.id).join(', ')} ${busy.length === 1 ? 'is' : 'are'} being backed up or restored; delete the vault once that has finished` };
  return undefined;
}

/** 6125/6134: a resource is backed up only when at rest in the vault. */
export function whyNotBackUpResource(r: z.infer<typeof VaultResourceSchema>): Refusal | undefined {
  if (r.protectStatus === 'available' || r.protectStatus === 'error') return undefined;
  return { code: VaultRefusals.resourceBusy, message: `${r.name || r.id} is ${r.protectStatus}; back it up once that has finished` };
}

export const vaultApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/vaults', summary: 'Backup vaults (CBR): filter and page', role: 'viewer', query: VaultListQuerySchema, response: VaultPageSchema },
  { method: 'POST', path: '/api/v1/vaults', summary: 'Create a vault, with resources and a policy', role: 'operator', body: CreateVaultSchema, response: VaultTaskResponseSchema, status: 201 },
  { method: 'GET', path: '/api/v1/vaults/:id', summary: 'One vault with its resources and policy', role: 'viewer', response: VaultSchema },
  { method: 'PATCH', path: '/api/v1/vaults/:id', summary: 'Rename, resize (expand) a vault or change its auto-bind and auto-expand', role: 'operator', body: UpdateVaultSchema, response: VaultTaskResponseSchema },
  { method: 'DELETE', path: '/api/v1/vaults/:id', summary: 'Delete a vault and all its backups', role: 'operator', response: VaultTaskResponseSchema, status: 202 },
  { method: 'POST', path: '/api/v1/vaults/:id/resources', summary: 'Add servers or disks to a vault', role: 'operator', body: AddVaultResourcesSchema, response: VaultTaskResponseSchema },
  { method: 'POST', path: '/api/v1/vaults/:id/resources/remove', summary: 'Remove resources from a vault (their backups in it are deleted)', role: 'operator', body: RemoveVaultResourcesSchema, response: VaultTaskResponseSchema },
  { method: 'PUT', path: '/api/v1/vaults/:id/policy', summary: 'Apply a backup policy to a vault (replaces the current one)', role: 'operator', body: SetVaultPolicySchema, response: VaultTaskResponseSchema },
  { method: 'DELETE', path: '/api/v1/vaults/:id/policy', summary: 'Remove the backup policy from a vault', role: 'operator', response: VaultTaskResponseSchema },
  { method: 'PUT', path: '/api/v1/vaults/:id/tags', summary: 'Replace a vault\'s tags (keys left out are removed)', role: 'operator', body: SetVaultTagsSchema, response: VaultTaskResponseSchema },
  { method: 'POST', path: '/api/v1/vaults/:id/backup', summary: 'Back up now: the whole vault or chosen resources, one sub-task each', role: 'operator', body: BackupNowSchema, response: VaultTaskResponseSchema, status: 202 },
];
