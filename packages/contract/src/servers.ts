import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { TaskSchema } from './tasks.ts';
import { DISK_SIZE_GIB, DISK_TYPES, MAX_BATCH_ITEMS, ResourceIdSchema, textSchema, type Refusal } from './disks.ts';
import { ServerTagsSchema } from './servers-tags.ts';

// The cloud's rules for servers (shared/spec/ecs.md), written once for the BFF and the SPA's forms.

/** Server `status` values (Tables 6-38/6-49 plus A-1's UNKNOWN). */
export const SERVER_STATUSES = [
  'ACTIVE', 'BUILD', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'PAUSED', 'REBOOT', 'REBUILD', 'RESIZE', 'REVERT_RESIZE', 'SHUTOFF',
  'SHELVED', 'SHELVED_OFFLOADED', 'SOFT_DELETED', 'SUSPENDED', 'VERIFY_RESIZE', 'UNKNOWN',
] as const;
/** What the list filter accepts (6.2.4); any other value is refused by the cloud. */
export const SERVER_FILTER_STATUSES = [
  'ACTIVE', 'BUILD', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'REBOOT', 'REBUILD', 'RESIZE', 'REVERT_RESIZE', 'SHUTOFF', 'VERIFY_RESIZE',
] as const;

/** i18n keys of the label a screen shows: the operation in progress wins over the stable status. */
export const SERVER_STATUS_TEXTS = [
  'running', 'stopped', 'building', 'error', 'deleted', 'unknown', 'stopping', 'starting', 'deleting', 'rebooting', 'hardRebooting',
  'resizing', 'verifyResize', 'revertingResize', 'rebuilding', 'migrating', 'shelved', 'shelving', 'unshelving', 'paused', 'suspended',
] as const;
export type ServerStatusText = (typeof SERVER_STATUS_TEXTS)[number];

const BY_TASK: [RegExp, ServerStatusText][] = [
  [/^powering-off$/, 'stopping'], [/^powering-on$/, 'starting'], [/^deleting$/, 'deleting'], [/^resize_reverting$/, 'revertingResize'],
  [/^resize_/, 'resizing'], [/^(rebooting|reboot_pending|reboot_started)_hard$|^rebooting_hard$/, 'hardRebooting'], [/^reboot/, 'rebooting'],
  [/^rebuild/, 'rebuilding'], [/^migrating$/, 'migrating'], [/^unshelving$/, 'unshelving'], [/^shelving/, 'shelving'],
  [/^(scheduling|block_device_mapping|networking|spawning)$/, 'building'],
];
const BY_STATUS: Record<string, ServerStatusText> = {
  ACTIVE: 'running', SHUTOFF: 'stopped', BUILD: 'building', ERROR: 'error', DELETED: 'deleted', SOFT_DELETED: 'deleted', REBOOT: 'rebooting',
  HARD_REBOOT: 'hardRebooting', RESIZE: 'resizing', VERIFY_RESIZE: 'verifyResize', REVERT_RESIZE: 'revertingResize', REBUILD: 'rebuilding',
  MIGRATING: 'migrating', SHELVED: 'shelved', SHELVED_OFFLOADED: 'shelved', PAUSED: 'paused', SUSPENDED: 'suspended',
};

/** While stopping the status stays ACTIVE and while starting SHUTOFF: the task state tells (spec §3.3). */
export function serverStatusText(status: string, taskState: string | null): ServerStatusText {
  if (taskState) for (const [re, text] of BY_TASK) if (re.test(taskState)) return text;
  return BY_STATUS[status] ?? 'unknown';
}

/** 5.1.1 names: 1-128 letters, digits, "_", "-", "."; with count > 1 the cloud appends "-0000", so 59. */
export const SERVER_NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const SERVER_NAME_MAX = { single: 128, batch: 59 } as const;
export const MAX_SERVERS_PER_CREATE = 500;
export const MAX_NICS_PER_SERVER = 12;
export const MAX_DATA_DISKS_PER_SERVER = 59;
export const SERVER_DESCRIPTION_MAX_CHARS = 85;
/** adminPass (Table 5-3): 8-26 characters, three of the four classes, not the user name or its reverse. */
export const ADMIN_PASS_LENGTH = { min: 8, max: 26 } as const;
export const ADMIN_PASS_SPECIALS = '!@$%^-_=+[{}]:,./?~#*';

/** What is wrong with an administrator password; empty when the cloud accepts it. */
export function adminPassIssues(pass: string): string[] {
  const out: string[] = [];
  if (pass.length < ADMIN_PASS_LENGTH.min || pass.length > ADMIN_PASS_LENGTH.max) out.push(`${ADMIN_PASS_LENGTH.min} to ${ADMIN_PASS_LENGTH.max} characters`);
  const specials = [...pass].filter((c) => ADMIN_PASS_SPECIALS.includes(c)).length > 0;
  const classes = [/[A-Z]/.test(pass), /[a-z]/.test(pass), /\d/.test(pass), specials].filter(Boolean).length;
  if (classes < 3) out.push(`three of: upper case, lower case, digits, special characters (${ADMIN_PASS_SPECIALS})`);
  if ([...pass].some((c) => !/[A-Za-z0-9]/.test(c) && !ADMIN_PASS_SPECIALS.includes(c))) out.push(`only letters, digits and ${ADMIN_PASS_SPECIALS}`);
  const lower = pass.toLowerCase();
  for (const user of ['root', 'administrator']) {
    if (lower.includes(user) || lower.includes([...user].reverse().join(''))) out.push(`must not contain the user name "${user}" or its reverse`);
  }
  return out;
}

const serverName = (max: number) => z.string({ error: 'required' }).min(1, 'required').max(max, `at most ${max} characters`).regex(SERVER_NAME_PATTERN, 'letters, digits, "_", "-" and "." only');
const DiskTypeSchema = z.enum(DISK_TYPES, { error: `choose one of ${DISK_TYPES.join(', ')}` });
const gib = (min: number, max: number, what: string) =>
  z.number({ error: 'a whole number of GiB' }).int('a whole number of GiB').min(min, `a ${what} is at least ${min} GiB`).max(max, `a ${what} is at most ${max} GiB`);

export const CreateServerSchema = z
  .object({
    name: z.string({ error: 'required' }),
    count: z.number({ error: 'a whole number' }).int('a whole number').min(1, 'at least 1').max(MAX_SERVERS_PER_CREATE, `at most ${MAX_SERVERS_PER_CREATE} at a time`).default(1),
    flavorId: z.string({ error: 'choose a flavor' }).min(1, 'choose a flavor').max(64),
    imageId: ResourceIdSchema,
    availabilityZone: z.string().min(1).max(64).optional(),
    vpcId: ResourceIdSchema,
    nics: z.array(z.object({ subnetId: ResourceIdSchema, ipAddress: z.ipv4('an IPv4 address').optional() }), { error: 'a list of NICs' })
      .min(1, 'at least one NIC').max(MAX_NICS_PER_SERVER, `at most ${MAX_NICS_PER_SERVER} NICs`),
    securityGroupIds: z.array(ResourceIdSchema).max(5, 'at most 5 security groups').default([]),
    rootVolume: z.object({ type: DiskTypeSchema, sizeGiB: gib(DISK_SIZE_GIB.system.min, DISK_SIZE_GIB.system.max, 'system disk').optional() }),
    dataVolumes: z.array(z.object({ type: DiskTypeSchema, sizeGiB: gib(DISK_SIZE_GIB.data.min, DISK_SIZE_GIB.data.max, 'data disk'), shared: z.boolean().default(false) }))
      .max(MAX_DATA_DISKS_PER_SERVER, `at most ${MAX_DATA_DISKS_PER_SERVER} data disks`).default([]),
    adminPass: z.string().optional(),
    keyName: z.string().min(1).max(64).optional(),
    description: textSchema(SERVER_DESCRIPTION_MAX_CHARS).refine((s) => !/[<>]/.test(s), 'no "<" or ">"').optional(),
    tags: ServerTagsSchema.default({}),
  })
  .superRefine((v, ctx) => {
    const max = v.count > 1 ? SERVER_NAME_MAX.batch : SERVER_NAME_MAX.single;
    const name = serverName(max).safeParse(v.name);
    if (!name.success) ctx.addIssue({ code: 'custom', path: ['name'], message: `${name.error.issues[0]!.message}${v.count > 1 ? ' (a suffix -0000… is added per server)' : ''}` });
    if (v.adminPass !== undefined) for (const m of adminPassIssues(v.adminPass)) ctx.addIssue({ code: 'custom', path: ['adminPass'], message: m });
    if (v.adminPass !== undefined && v.keyName !== undefined) ctx.addIssue({ code: 'custom', path: ['keyName'], message: 'log in with a password or a key pair, not both' });
    v.nics.forEach((n, i) => {
      if (n.ipAddress !== undefined && v.count > 1) ctx.addIssue({ code: 'custom', path: ['nics', i, 'ipAddress'], message: 'a fixed address is for a single server' });
    });
  });
export type CreateServer = z.infer<typeof CreateServerSchema>;

export const UpdateServerSchema = z
  .object({
    /** PUT (6.2.2) takes 1-255 characters, more than create allows. */
    name: textSchema(255).refine((s) => s.trim().length > 0, 'required').optional(),
    description: textSchema(255).refine((s) => new TextEncoder().encode(s).length <= 255, 'at most 255 bytes').optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: 'give a name or a description to change' });
export type UpdateServer = z.infer<typeof UpdateServerSchema>;

const ServerIdsSchema = z
  .array(ResourceIdSchema, { error: 'a list of ids' })
  .min(1, 'select at least one')
  .max(MAX_BATCH_ITEMS, `at most ${MAX_BATCH_ITEMS} at a time`)
  .refine((ids) => new Set(ids).size === ids.length, 'each id once');

export const ServerBatchActionSchema = z
  .object({ action: z.enum(['start', 'stop', 'reboot'], { error: 'start, stop or reboot' }), ids: ServerIdsSchema, type: z.enum(['SOFT', 'HARD']).optional() })
  .refine((v) => v.action !== 'start' || v.type === undefined, { path: ['type'], message: 'starting takes no type' });
export type ServerBatchAction = z.infer<typeof ServerBatchActionSchema>;

export const ServerBatchDeleteSchema = z.object({ ids: ServerIdsSchema, deleteVolumes: z.boolean().default(false), deletePublicIp: z.boolean().default(false) });
export type ServerBatchDelete = z.infer<typeof ServerBatchDeleteSchema>;

export const ResizeServerSchema = z.object({ flavorId: z.string({ error: 'choose a flavor' }).min(1, 'choose a flavor').max(64) });
export const AttachVolumeSchema = z.object({ diskId: ResourceIdSchema, device: z.string().regex(/^\/dev\/(vd|sd|xvd)[b-z]$/, 'a data disk device such as /dev/vdb').optional() });
export type AttachVolume = z.infer<typeof AttachVolumeSchema>;
export const ConsoleLogQuerySchema = z.object({ lines: z.coerce.number().int().min(-1, '-1 for all, or a number of lines').max(10_000).default(200) });

export const ServerListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(50),
  /** Continue after this server (the previous page's `nextMarker`). */
  marker: ResourceIdSchema.optional(),
  /** Any name containing this text. */
  name: z.string().max(255).optional(),
  status: z.enum(SERVER_FILTER_STATUSES).optional(),
  /** Flavor id, or part of it. */
  flavor: z.string().max(64).optional(),
  availabilityZone: z.string().max(64).optional(),
  /** Part of a private IPv4 address. */
  ip: z.string().regex(/^[0-9.]{1,15}$/, 'digits and dots of an IPv4 address').optional(),
  /** `key=value`, or `key` for any value. */
  tag: z.string().regex(/^[^=,]{1,80}(=[^,]{0,80})?$/, 'key=value or key, without commas').optional(),
});
export type ServerListQuery = z.infer<typeof ServerListQuerySchema>;

export const FlavorListQuerySchema = z.object({
  availabilityZone: z.string().max(64).optional(),
  vcpus: z.coerce.number().int().positive().optional(),
  ramMiB: z.coerce.number().int().positive().optional(),
});
export type FlavorListQuery = z.infer<typeof FlavorListQuerySchema>;

// ---- responses -----------------------------------------------------------------------------------

export const ServerDiskSchema = z.object({
  diskId: z.string(),
  /** Known on the detail and volume views. */
  device: z.string().optional(),
  /** 0 = the disk the server boots from. */
  bootIndex: z.number().nullable().optional(),
  system: z.boolean().optional(),
  sizeGiB: z.number().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  status: z.string().optional(),
});
export type ServerDisk = z.infer<typeof ServerDiskSchema>;

export const ServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The cloud's status, verbatim. */
  status: z.string(),
  /** The operation in progress (OS-EXT-STS:task_state), null when idle. */
  taskState: z.string().nullable(),
  statusText: z.enum(SERVER_STATUS_TEXTS),
  flavor: z.object({ id: z.string(), name: z.string(), vcpus: z.number().optional(), ramMiB: z.number().optional() }),
  image: z.object({ id: z.string(), name: z.string().optional() }).nullable(),
  addresses: z.object({ private: z.array(z.string()), public: z.array(z.string()) }),
  availabilityZone: z.string(),
  disks: z.array(ServerDiskSchema),
  diskCount: z.number(),
  /** 1D tags: `key=value` becomes key → value, a bare `key` key → "". */
  tags: z.record(z.string(), z.string()),
  metadata: z.record(z.string(), z.string()),
  locked: z.boolean(),
  keyName: z.string().nullable(),
  fault: z.object({ code: z.number().optional(), message: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Server = z.infer<typeof ServerSchema>;

export const ServerPageSchema = z.object({
  items: z.array(ServerSchema),
  /** Pass as `marker` for the next page; null on the last page. The cloud gives no total. */
  nextMarker: z.string().nullable(),
  /** Filters the cloud cannot apply; the console applied them itself, scanning further. */
  unsupported: z.array(z.string()).optional(),
});
export type ServerPage = z.infer<typeof ServerPageSchema>;

export const ServerTaskResponseSchema = z.object({ task: TaskSchema, server: ServerSchema.optional() });
export type ServerTaskResponse = z.infer<typeof ServerTaskResponseSchema>;
export const ServerVolumesSchema = z.object({ items: z.array(ServerDiskSchema) });
export const ConsoleLogSchema = z.object({ output: z.string() });

export const FLAVOR_SALE_STATUSES = ['normal', 'sellout', 'obt', 'obt_sellout', 'promotion', 'abandon'] as const;
export const FlavorSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: z.number(),
  ramMiB: z.number(),
  performanceType: z.string().optional(),
  generation: z.string().optional(),
  /** Region-wide sale status; `sellout` and `obt_sellout` cannot be bought. */
  status: z.string(),
  /** Per-AZ overrides of the status (`cond:operation:az`). */
  statusByZone: z.record(z.string(), z.string()),
});
export type Flavor = z.infer<typeof FlavorSchema>;
export const FlavorListSchema = z.object({ items: z.array(FlavorSchema) });

const usage = z.object({ limit: z.number().nullable(), used: z.number() });
export const EcsQuotasSchema = z.object({ instances: usage, cores: usage, ramMiB: usage, serverGroups: usage.optional() });
export type EcsQuotas = z.infer<typeof EcsQuotasSchema>;

// ---- what the cloud refuses, said per item -------------------------------------------------------

export const ServerRefusalCodes = {
  locked: 'SERVER_LOCKED',
  busy: 'SERVER_BUSY',
  status: 'SERVER_STATUS',
  systemDisk: 'SYSTEM_DISK_ATTACHED',
  notFound: 'NOT_FOUND',
} as const;

type ServerState = Pick<Server, 'name' | 'status' | 'taskState' | 'locked' | 'statusText'>;

/** Ecs.0605 (locked) and Ecs.0603 (an operation in progress) come before any status rule. */
function guard(s: ServerState): Refusal | undefined {
  if (s.locked) return { code: ServerRefusalCodes.locked, message: `${s.name} is locked; unlock it first` };
  if (s.taskState) return { code: ServerRefusalCodes.busy, message: `${s.name} is ${s.statusText}; try again once that has finished` };
  return undefined;
}

export function serverNeeds(s: ServerState, allowed: string[], what: string): Refusal | undefined {
  const g = guard(s);
  if (g) return g;
  if (allowed.includes(s.status)) return undefined;
  return { code: ServerRefusalCodes.status, message: `${s.name} is ${s.status}; ${what} needs it ${allowed.join(' or ')}` };
}

export const whyNotStartServer = (s: ServerState) => serverNeeds(s, ['SHUTOFF'], 'starting');
export const whyNotStopServer = (s: ServerState) => serverNeeds(s, ['ACTIVE'], 'stopping');
export const whyNotRebootServer = (s: ServerState) => serverNeeds(s, ['ACTIVE'], 'rebooting');
/** A stopped server is resized by a job; a running one is stopped, resized and then waits for confirmation. */
export const whyNotResizeServer = (s: ServerState) => serverNeeds(s, ['SHUTOFF', 'ACTIVE'], 'resizing');
export const whyNotConfirmResize = (s: ServerState) => serverNeeds(s, ['VERIFY_RESIZE'], 'confirming a resize');
export const whyNotAttachDisk = (s: ServerState) => serverNeeds(s, ['ACTIVE', 'SHUTOFF'], 'attaching a disk');
export const whyNotDeleteServer = (s: ServerState) => guard(s);

/** 6.8.4: the system disk leaves only a stopped server; data disks any server at rest. */
export function whyNotDetachDisk(s: ServerState, system: boolean): Refusal | undefined {
  const g = serverNeeds(s, ['ACTIVE', 'SHUTOFF', 'ERROR'], 'detaching a disk');
  if (g) return g;
  if (system && s.status !== 'SHUTOFF') return { code: ServerRefusalCodes.systemDisk, message: `The system disk detaches only from a stopped server; ${s.name} is ${s.status}, stop it first` };
  return undefined;
}

const taskAnswer = { response: ServerTaskResponseSchema, status: 202 } as const;
export const serverApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/servers', summary: 'Servers: filter and page', role: 'viewer', query: ServerListQuerySchema, response: ServerPageSchema },
  { method: 'POST', path: '/api/v1/servers', summary: 'Create servers (count 1-500)', role: 'operator', body: CreateServerSchema, ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/batch-action', summary: 'Start, stop or reboot several servers; refused items fail with their reason', role: 'operator', body: ServerBatchActionSchema, ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/batch-delete', summary: 'Delete several servers, optionally with their data disks', role: 'operator', body: ServerBatchDeleteSchema, ...taskAnswer },
  { method: 'GET', path: '/api/v1/servers/:id', summary: 'One server with its disks', role: 'viewer', response: ServerSchema },
  { method: 'PATCH', path: '/api/v1/servers/:id', summary: 'Rename a server or change its description', role: 'operator', body: UpdateServerSchema, ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/:id/resize', summary: 'Change the flavor (a running server then waits for confirmation)', role: 'operator', body: ResizeServerSchema, ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/:id/confirm-resize', summary: 'Keep the new flavor', role: 'operator', ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/:id/revert-resize', summary: 'Go back to the old flavor', role: 'operator', ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/:id/lock', summary: 'Lock a server against management operations', role: 'operator', ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/:id/unlock', summary: 'Unlock a server', role: 'operator', ...taskAnswer },
  { method: 'GET', path: '/api/v1/servers/:id/volumes', summary: 'Disks attached to a server', role: 'viewer', response: ServerVolumesSchema },
  { method: 'POST', path: '/api/v1/servers/:id/volumes', summary: 'Attach a disk', role: 'operator', body: AttachVolumeSchema, ...taskAnswer },
  { method: 'DELETE', path: '/api/v1/servers/:id/volumes/:diskId', summary: 'Detach a disk', role: 'operator', ...taskAnswer },
  { method: 'GET', path: '/api/v1/servers/:id/console-log', summary: 'The last lines of the server\'s console output', role: 'viewer', query: ConsoleLogQuerySchema, response: ConsoleLogSchema },
  { method: 'GET', path: '/api/v1/flavors', summary: 'Flavors with their sale status', role: 'viewer', query: FlavorListQuerySchema, response: FlavorListSchema },
  { method: 'GET', path: '/api/v1/quotas/ecs', summary: 'Server, vCPU and RAM quotas with usage', role: 'viewer', response: EcsQuotasSchema },
];
