import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { TaskSchema } from './tasks.ts';
import {
  DescriptionSchema, NAME_MAX_CHARS, RefusalCodes, ResourceIdSchema, TRANSITIONAL_DISK_STATUSES, BatchIdsSchema, textSchema,
  type Disk, type Refusal,
} from './disks.ts';

/** Appendix A.4. */
export const SNAPSHOT_STATUSES = ['creating', 'available', 'error', 'deleting', 'error_deleting', 'rollbacking', 'backing-up'] as const;
export const SnapshotStatusSchema = z.enum(SNAPSHOT_STATUSES, { error: 'not a snapshot status' });

/** Snapshots taken by server backups carry this prefix; they cannot be deleted or rolled back (7.2). */
export const BACKUP_SNAPSHOT_PREFIX = 'autobk_snapshot_';

export const SnapshotNameSchema = textSchema(NAME_MAX_CHARS).refine(
  (s) => !s.startsWith(BACKUP_SNAPSHOT_PREFIX),
  `names starting with ${BACKUP_SNAPSHOT_PREFIX} are reserved for snapshots taken by backups`,
);

export const CreateSnapshotSchema = z.object({
  diskId: ResourceIdSchema,
  name: SnapshotNameSchema.optional(),
  description: DescriptionSchema.optional(),
  /** Needed to snapshot a disk that is still attaching. */
  force: z.boolean().default(false),
});
export type CreateSnapshot = z.infer<typeof CreateSnapshotSchema>;

export const UpdateSnapshotSchema = z
  .object({ name: SnapshotNameSchema.optional(), description: DescriptionSchema.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: 'give a name or a description to change' });
export type UpdateSnapshot = z.infer<typeof UpdateSnapshotSchema>;

export const RollbackSnapshotSchema = z.object({
  /** Only the snapshot's own disk is possible; defaults to it. */
  diskId: ResourceIdSchema.optional(),
  /** Sent as rollback.name, "the name of the disk to be rolled back" (6.2.6); the emulator renames the disk to it. */
  name: textSchema(NAME_MAX_CHARS).optional(),
});
export type RollbackSnapshot = z.infer<typeof RollbackSnapshotSchema>;

export const SnapshotListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(50),
  offset: z.coerce.number().int().min(0, 'not negative').default(0),
  diskId: ResourceIdSchema.optional(),
  /** The exact name. */
  name: z.string().max(NAME_MAX_CHARS).optional(),
  status: SnapshotStatusSchema.optional(),
});
export type SnapshotListQuery = z.infer<typeof SnapshotListQuerySchema>;

export const SnapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The cloud's status, verbatim (appendix A.4). */
  status: z.string(),
  diskId: z.string(),
  /** Absent when the disk could not be read. */
  diskName: z.string().optional(),
  sizeGiB: z.number(),
  /** Taken by a server backup: cannot be deleted or rolled back here. */
  createdByBackup: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const SnapshotPageSchema = z.object({ items: z.array(SnapshotSchema), total: z.number() });
export type SnapshotPage = z.infer<typeof SnapshotPageSchema>;

export const SnapshotTaskResponseSchema = z.object({ task: TaskSchema, snapshot: SnapshotSchema.optional() });
export type SnapshotTaskResponse = z.infer<typeof SnapshotTaskResponseSchema>;

/** EVS.1047/2019: available or error only; backup snapshots never. */
export function whyNotDeleteSnapshot(s: Snapshot): Refusal | undefined {
  if (s.createdByBackup) return { code: RefusalCodes.snapshotFromBackup, message: 'This snapshot belongs to a server backup; it goes when the backup is deleted' };
  if (s.status === 'available' || s.status === 'error') return undefined;
  if (s.status === 'error_deleting') return { code: RefusalCodes.snapshotBusy, message: 'An earlier deletion of this snapshot failed (error_deleting); the cloud refuses another' };
  return { code: RefusalCodes.snapshotBusy, message: `The snapshot is ${s.status}; it can be deleted when available or in error` };
}

/** 6.2.6: an available snapshot, onto its own disk, which must be available or error_rollbacking. */
export function whyNotRollback(s: Snapshot, d: Disk): Refusal | undefined {
  if (s.createdByBackup) return { code: RefusalCodes.snapshotFromBackup, message: 'Snapshots of server backups cannot be rolled back; restore the backup instead' };
  if (s.status !== 'available') return { code: RefusalCodes.snapshotBusy, message: `The snapshot is ${s.status}; only an available snapshot can be rolled back` };
  if (d.status === 'available' || d.status === 'error_rollbacking') return undefined;
  if (d.status === 'in-use' || d.attachments.length > 0) {
    const where = d.attachments.map((a) => a.serverName ?? a.serverId).join(', ');
    return { code: RefusalCodes.diskInUse, message: `The disk is attached${where ? ` to ${where}` : ''}; detach it before rolling back` };
  }
  if (TRANSITIONAL_DISK_STATUSES.includes(d.status)) return { code: RefusalCodes.diskBusy, message: `The disk is ${d.status}; roll back once that has finished` };
  return { code: RefusalCodes.diskStatus, message: `The disk is ${d.status}; a rollback needs it available` };
}

export const snapshotApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/snapshots', summary: 'Snapshots: filter and page', role: 'viewer', query: SnapshotListQuerySchema, response: SnapshotPageSchema },
  { method: 'POST', path: '/api/v1/snapshots', summary: 'Snapshot a disk', role: 'operator', body: CreateSnapshotSchema, response: SnapshotTaskResponseSchema, status: 202 },
  { method: 'POST', path: '/api/v1/snapshots/batch-delete', summary: 'Delete several snapshots; refused items fail with their reason', role: 'operator', body: BatchIdsSchema, response: SnapshotTaskResponseSchema, status: 202 },
  { method: 'GET', path: '/api/v1/snapshots/:id', summary: 'One snapshot', role: 'viewer', response: SnapshotSchema },
  { method: 'PATCH', path: '/api/v1/snapshots/:id', summary: 'Rename a snapshot or change its description', role: 'operator', body: UpdateSnapshotSchema, response: SnapshotTaskResponseSchema, status: 202 },
  { method: 'DELETE', path: '/api/v1/snapshots/:id', summary: 'Delete a snapshot', role: 'operator', response: SnapshotTaskResponseSchema, status: 202 },
  { method: 'POST', path: '/api/v1/snapshots/:id/rollback', summary: 'Roll a disk back to this snapshot', role: 'operator', body: RollbackSnapshotSchema, response: SnapshotTaskResponseSchema, status: 202 },
];
