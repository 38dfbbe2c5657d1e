import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { TaskSchema } from './tasks.ts';
import { BatchIdsSchema, ResourceIdSchema, type Disk, type Refusal } from './disks.ts';

// CBR backups, restores and operation logs (shared/spec/cbr.md §1.5, §3.2, §3.5).

export const BACKUP_STATUSES = ['available', 'protecting', 'deleting', 'restoring', 'error', 'waiting_protect', 'waiting_delete', 'waiting_restore'] as const;
export const OPERATION_TYPES = ['backup', 'copy', 'replication', 'restore', 'delete', 'sync', 'vault_delete', 'remove_resource'] as const;
export const OPERATION_STATUSES = ['success', 'skipped', 'failed', 'running', 'timeout', 'waiting'] as const;

export const BackupListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(50),
  offset: z.coerce.number().int().min(0, 'not negative').default(0),
  vaultId: ResourceIdSchema.optional(),
  resourceId: ResourceIdSchema.optional(),
  status: z.enum(BACKUP_STATUSES).optional(),
  /** Made at or after / before these times (ISO 8601). */
  since: z.iso.datetime({ offset: true, error: 'an ISO 8601 time' }).optional(),
  until: z.iso.datetime({ offset: true, error: 'an ISO 8601 time' }).optional(),
  name: z.string().max(64).optional(),
});
export type BackupListQuery = z.infer<typeof BackupListQuerySchema>;

export const DiskBackupSchema = z.object({
  id: z.string(),
  diskId: z.string(),
  diskName: z.string(),
  sizeGiB: z.number(),
  bootable: z.boolean(),
});

export const BackupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  resourceType: z.enum(['server', 'disk']),
  vaultId: z.string(),
  /** Absent when the vault could not be read. */
  vaultName: z.string().optional(),
  checkpointId: z.string(),
  /** backup, or replication (a copy from another region, which cannot be restored). */
  type: z.enum(['backup', 'replication']),
  incremental: z.boolean(),
  autoTriggered: z.boolean(),
  status: z.string(),
  /** 0-100 while the backup runs, from its operation log. */
  progress: z.number().optional(),
  /** GiB of the resource when it was backed up. */
  sizeGiB: z.number(),
  /** Can be restored in place (extend_info.supported_restore_mode is not "na"). */
  restorable: z.boolean(),
  /** A server backup's per-disk backups: what a restore maps onto the server's disks. */
  disks: z.array(DiskBackupSchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type Backup = z.infer<typeof BackupSchema>;

export const BackupPageSchema = z.object({ items: z.array(BackupSchema), total: z.number() });
export type BackupPage = z.infer<typeof BackupPageSchema>;

export const RestoreBackupSchema = z.object({
  /** Disk backups: the disk to overwrite; its own disk when left out. */
  diskId: ResourceIdSchema.optional(),
  /** Server backups: which disk backup goes onto which disk of the server; each disk as it was when left out. */
  mappings: z
    .array(z.object({ backupId: ResourceIdSchema, diskId: ResourceIdSchema }))
    .min(1, 'map at least one disk')
    .refine((m) => new Set(m.map((x) => x.diskId)).size === m.length, 'each target disk once')
    .optional(),
  /** Server backups: start the server when the restore ends. */
  powerOn: z.boolean().default(true),
});
export type RestoreBackup = z.infer<typeof RestoreBackupSchema>;

export const OperationLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(50),
  offset: z.coerce.number().int().min(0, 'not negative').default(0),
  vaultId: ResourceIdSchema.optional(),
  resourceId: ResourceIdSchema.optional(),
  type: z.enum(OPERATION_TYPES).optional(),
  status: z.enum(OPERATION_STATUSES).optional(),
});
export type OperationLogQuery = z.infer<typeof OperationLogQuerySchema>;

export const OperationLogSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  vaultId: z.string(),
  vaultName: z.string(),
  resource: z.object({ id: z.string(), name: z.string(), type: z.string() }).optional(),
  backupId: z.string().optional(),
  backupName: z.string().optional(),
  checkpointId: z.string().optional(),
  policyId: z.string().optional(),
  progress: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
});
export type OperationLog = z.infer<typeof OperationLogSchema>;

export const OperationLogPageSchema = z.object({ items: z.array(OperationLogSchema), total: z.number() });
export type OperationLogPage = z.infer<typeof OperationLogPageSchema>;

export const BackupTaskResponseSchema = z.object({ task: TaskSchema });
export type BackupTaskResponse = z.infer<typeof BackupTaskResponseSchema>;

export const BackupRefusals = { backupStatus: 'BACKUP_STATUS', notRestorable: 'BACKUP_NOT_RESTORABLE', targetDisk: 'RESTORE_TARGET', notShareable: 'BACKUP_NOT_SHAREABLE' } as const;

/** 6201/6216: only available or failed backups are deleted. */
export function whyNotDeleteBackup(b: Pick<Backup, 'status'>): Refusal | undefined {
  if (b.status === 'available' || b.status === 'error') return undefined;
  return { code: BackupRefusals.backupStatus, message: `The backup is ${b.status}; it can be deleted when available or failed` };
}

/** 2004/2005: an available backup, not a replica, that supports restoring in place. */
export function whyNotRestore(b: Pick<Backup, 'status' | 'type' | 'restorable'>): Refusal | undefined {
  if (b.type === 'replication') return { code: BackupRefusals.notRestorable, message: 'A replica from another region cannot be restored here' };
  if (!b.restorable) return { code: BackupRefusals.notRestorable, message: 'This backup does not support restoring in place' };
  if (b.status !== 'available') return { code: BackupRefusals.backupStatus, message: `The backup is ${b.status}; only an available backup can be restored` };
  return undefined;
}

/** 2001/2010/2011: the target disk is at rest and at least as large as what was backed up. */
export function whyNotRestoreOnto(d: Pick<Disk, 'id' | 'name' | 'status' | 'sizeGiB'>, backupSizeGiB: number): Refusal | undefined {
  const name = d.name || d.id;
  if (d.status === 'restoring-backup') return { code: BackupRefusals.targetDisk, message: `${name} is already being restored` };
  if (d.status !== 'available' && d.status !== 'in-use') return { code: BackupRefusals.targetDisk, message: `${name} is ${d.status}; a restore needs it available or in-use` };
  if (d.sizeGiB < backupSizeGiB) return { code: BackupRefusals.targetDisk, message: `${name} has ${d.sizeGiB} GiB, the backup needs ${backupSizeGiB} GiB; expand the disk first` };
  return undefined;
}

/** A project (32 hex characters) that a backup is shared with, and whether it took the share. */
export const BackupMemberSchema = z.object({
  projectId: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  /** The recipient's vault, once accepted. */
  vaultId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BackupMember = z.infer<typeof BackupMemberSchema>;
export const BackupMemberListSchema = z.object({ items: z.array(BackupMemberSchema), total: z.number() });
export type BackupMemberList = z.infer<typeof BackupMemberListSchema>;

export const ProjectIdSchema = z.string({ error: 'required' }).regex(/^[0-9a-f]{32}$/, 'a project id: 32 lowercase hex characters');
export const AddBackupMembersSchema = z.object({
  projectIds: z.array(ProjectIdSchema).min(1, 'at least one project').max(10, 'at most 10 projects at a time').refine((ids) => new Set(ids).size === ids.length, 'each project once'),
});
export type AddBackupMembers = z.infer<typeof AddBackupMembersSchema>;
export const BackupMembersResponseSchema = z.object({ task: TaskSchema, members: z.array(BackupMemberSchema) });
export type BackupMembersResponse = z.infer<typeof BackupMembersResponseSchema>;

/** 6700/6702: only available backups of whole servers are shared. */
export function whyNotShare(b: Pick<Backup, 'status' | 'resourceType' | 'type'>): Refusal | undefined {
  if (b.resourceType !== 'server' || b.type !== 'backup') return { code: BackupRefusals.notShareable, message: 'Only backups of servers can be shared' };
  if (b.status !== 'available') return { code: BackupRefusals.backupStatus, message: `The backup is ${b.status}; only an available backup can be shared` };
  return undefined;
}

export const backupApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/backups', summary: 'Backups across vaults (CBR), with vault and resource names', role: 'viewer', query: BackupListQuerySchema, response: BackupPageSchema },
  { method: 'POST', path: '/api/v1/backups/batch-delete', summary: 'Delete several backups; refused items fail with their reason', role: 'operator', body: BatchIdsSchema, response: BackupTaskResponseSchema, status: 202 },
  { method: 'GET', path: '/api/v1/backups/:id', summary: 'One backup with its per-disk backups', role: 'viewer', response: BackupSchema },
  { method: 'DELETE', path: '/api/v1/backups/:id', summary: 'Delete a backup', role: 'operator', response: BackupTaskResponseSchema, status: 202 },
  { method: 'POST', path: '/api/v1/backups/:id/restore', summary: 'Restore a disk backup onto its disk, or a server backup onto the server\'s disks', role: 'operator', body: RestoreBackupSchema, response: BackupTaskResponseSchema, status: 202 },
  { method: 'GET', path: '/api/v1/backups/:id/members', summary: 'The projects a server backup is shared with', role: 'viewer', response: BackupMemberListSchema },
  { method: 'POST', path: '/api/v1/backups/:id/members', summary: 'Share a server backup with other projects (each accepts it on its side)', role: 'operator', body: AddBackupMembersSchema, response: BackupMembersResponseSchema },
  { method: 'DELETE', path: '/api/v1/backups/:id/members/:projectId', summary: 'Stop sharing a backup with a project', role: 'operator', response: BackupMembersResponseSchema },
  { method: 'GET', path: '/api/v1/operation-logs', summary: 'CBR\'s own task list (operation logs), newest first', role: 'viewer', query: OperationLogQuerySchema, response: OperationLogPageSchema },
];
