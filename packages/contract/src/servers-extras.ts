import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { ResourceIdSchema, type Refusal } from './disks.ts';
import { SecurityGroupListSchema } from './network.ts';
import { adminPassIssues, serverNeeds, ServerTaskResponseSchema, type Server } from './servers.ts';
import { SetServerTagsSchema } from './servers-tags.ts';

// What the server detail page shows besides the server object, and the OS operations (5.2.1, 5.2.2).

/**
 * How the new system logs people in: a key pair or a password, not both. Neither keeps the current
 * key pair (the cloud's reinstall takes the server's own when none is named).
 */
const LoginSchema = z.object({
  keyName: z.string().min(1, 'choose a key pair').max(64).optional(),
  adminPass: z.string().optional(),
});
function loginRules(v: z.infer<typeof LoginSchema>, ctx: z.RefinementCtx) {
  if (v.adminPass !== undefined) for (const m of adminPassIssues(v.adminPass)) ctx.addIssue({ code: 'custom', path: ['adminPass'], message: m });
  if (v.adminPass !== undefined && v.keyName !== undefined) ctx.addIssue({ code: 'custom', path: ['keyName'], message: 'log in with a password or a key pair, not both' });
}

export const ReinstallServerSchema = LoginSchema.superRefine(loginRules);
export type ReinstallServer = z.infer<typeof ReinstallServerSchema>;
export const ChangeServerOsSchema = LoginSchema.extend({ imageId: ResourceIdSchema }).superRefine(loginRules);
export type ChangeServerOs = z.infer<typeof ChangeServerOsSchema>;

/** 5.2.1/5.2.2: a stopped server, or one whose last reinstall failed (ERROR). */
export const whyNotReinstallServer = (s: Pick<Server, 'name' | 'status' | 'taskState' | 'locked' | 'statusText'>): Refusal | undefined =>
  serverNeeds(s, ['SHUTOFF', 'ERROR'], 'reinstalling or changing the OS');

export const ServerNicSchema = z.object({
  portId: z.string(),
  networkId: z.string(),
  subnetId: z.string().optional(),
  ipAddress: z.string(),
  mac: z.string(),
  /** ACTIVE, DOWN or BUILD. */
  state: z.string(),
});
export type ServerNic = z.infer<typeof ServerNicSchema>;
export const ServerNicListSchema = z.object({ items: z.array(ServerNicSchema) });

/** One entry of the server's operation history (6.13.1), newest first. */
export const ServerOperationSchema = z.object({
  action: z.string(),
  requestId: z.string(),
  startedAt: z.string(),
  message: z.string().nullable(),
  userId: z.string().optional(),
});
export type ServerOperation = z.infer<typeof ServerOperationSchema>;
export const ServerOperationListSchema = z.object({ items: z.array(ServerOperationSchema) });

export const KeyPairSchema = z.object({ name: z.string(), fingerprint: z.string(), type: z.string() });
export type KeyPair = z.infer<typeof KeyPairSchema>;
export const KeyPairListSchema = z.object({ items: z.array(KeyPairSchema) });

const taskAnswer = { response: ServerTaskResponseSchema, status: 202 } as const;
export const serverExtraApiRoutes: ApiRoute[] = [
  { method: 'POST', path: '/api/v1/servers/:id/reinstall', summary: 'Reinstall the OS of a stopped server from its image', role: 'operator', body: ReinstallServerSchema, ...taskAnswer },
  { method: 'POST', path: '/api/v1/servers/:id/change-os', summary: 'Change the OS of a stopped server to another image', role: 'operator', body: ChangeServerOsSchema, ...taskAnswer },
  { method: 'PUT', path: '/api/v1/servers/:id/tags', summary: 'Set the complete tag set of a server', role: 'operator', body: SetServerTagsSchema, ...taskAnswer },
  { method: 'GET', path: '/api/v1/servers/:id/nics', summary: 'The server\'s network interfaces', role: 'viewer', response: ServerNicListSchema },
  { method: 'GET', path: '/api/v1/servers/:id/security-groups', summary: 'Security groups of the server, with their rules', role: 'viewer', response: SecurityGroupListSchema },
  { method: 'GET', path: '/api/v1/servers/:id/operations', summary: 'The server\'s operation history, newest first', role: 'viewer', response: ServerOperationListSchema },
  { method: 'GET', path: '/api/v1/keypairs', summary: 'SSH key pairs servers can log in with', role: 'viewer', response: KeyPairListSchema },
];
