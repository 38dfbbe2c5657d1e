import { z } from 'zod';
import { EmulatorStatusSchema } from './emulator.ts';

export const TaskStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'partially_failed']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
export const openTaskStatuses: readonly TaskStatus[] = ['queued', 'running'];

export const ResourceRefSchema = z.object({
  type: z.enum(['disk', 'snapshot', 'server', 'vault', 'policy', 'backup', 'user', 'profile']),
  id: z.string(),
  name: z.string().optional(),
});
export type ResourceRef = z.infer<typeof ResourceRefSchema>;

export const TaskErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  service: z.string().optional(),
  requestId: z.string().optional(),
});
export type TaskError = z.infer<typeof TaskErrorSchema>;

export const SubtaskSchema = z.object({
  id: z.string(),
  target: ResourceRefSchema.optional(),
  status: TaskStatusSchema,
  progress: z.number().min(0).max(100),
  upstreamJobId: z.string().optional(),
  error: TaskErrorSchema.optional(),
});
export type Subtask = z.infer<typeof SubtaskSchema>;

export const TaskSchema = z.object({
  id: z.string(),
  kind: z.string(),
  profileId: z.string(),
  username: z.string(),
  status: TaskStatusSchema,
  progress: z.number().min(0).max(100),
  targets: z.array(ResourceRefSchema),
  subtasks: z.array(SubtaskSchema),
  upstream: z.object({ service: z.string(), jobId: z.string().optional(), requestId: z.string().optional() }).optional(),
  error: TaskErrorSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskQuerySchema = z.object({
  status: z.union([TaskStatusSchema, z.literal('open')]).optional(),
  kind: z.string().max(64).optional(),
  username: z.string().max(64).optional(),
  resourceId: z.string().max(128).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TaskQuery = z.infer<typeof TaskQuerySchema>;

export const TaskPageSchema = z.object({ items: z.array(TaskSchema), nextBefore: z.string().nullable() });
export type TaskPage = z.infer<typeof TaskPageSchema>;

/** What GET /api/v1/events streams; `id` is the SSE event id, increasing across restarts. */
export const ConsoleEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('task'), task: TaskSchema }),
  z.object({
    type: z.literal('resource'),
    resource: ResourceRefSchema,
    /** The upstream status after the change, or "deleted". */
    status: z.string(),
  }),
  /** Everything the browser shows of this profile may be stale (e.g. the emulator was reset): refetch. */
  z.object({ type: z.literal('reset'), reason: z.string() }),
  /** The emulator's clock or faults changed (control panel, header badge). */
  z.object({ type: z.literal('emulator'), status: EmulatorStatusSchema }),
]);
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;

/**
 * Every kind of task the console creates. The BFF can start no other, and the SPA names each in
 * both languages (a type check fails when one has no words).
 */
export const TASK_KINDS = [
  'disk.create',
  'disk.update',
  'disk.delete',
  'disk.expand',
  'disk.qos',
  'disk.tags',
  'snapshot.create',
  'snapshot.update',
  'snapshot.delete',
  'snapshot.rollback',
  'server.create',
  'server.update',
  'server.start',
  'server.stop',
  'server.reboot',
  'server.delete',
  'server.resize',
  'server.confirm-resize',
  'server.revert-resize',
  'server.lock',
  'server.unlock',
  'server.attach-disk',
  'server.detach-disk',
  'server.reinstall',
  'server.change-os',
  'server.tags',
  'vault.create',
  'vault.update',
  'vault.delete',
  'vault.add-resources',
  'vault.remove-resources',
  'vault.set-policy',
  'vault.remove-policy',
  'vault.backup',
  'vault.tags',
  'policy.create',
  'policy.update',
  'policy.delete',
  'backup.delete',
  'backup.restore',
  'backup.share',
  'backup.unshare',
  'vbs.backup.create',
  'vbs.backup.restore',
  'vbs.backup.delete',
  'vbs.policy.create',
  'vbs.policy.update',
  'vbs.policy.delete',
  'vbs.policy.bind',
  'vbs.policy.unbind',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export function isTaskKind(kind: string): kind is TaskKind {
  return (TASK_KINDS as readonly string[]).includes(kind);
}
