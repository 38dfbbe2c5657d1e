import type { z } from 'zod';
import { ApiErrorSchema } from './errors.ts';
import { CallDetailSchema, CallPageSchema, CallQuerySchema } from './calls.ts';
import { AddFaultSchema, ClockActionSchema, EmulatorQuotasSchema, EmulatorStatusSchema, FaultSchema, SeedRequestSchema, SetEmulatorQuotasSchema } from './emulator.ts';
import { AuditPageSchema, AuditQuerySchema } from './audit.ts';
import { ProfileListSchema, SwitchProfileSchema } from './profiles.ts';
import { HealthResponseSchema, LoginRequestSchema, MeResponseSchema, ReadinessResponseSchema, type Role } from './session.ts';
import { ConsoleEventSchema, TaskPageSchema, TaskQuerySchema, TaskSchema } from './tasks.ts';
import { ChangeOwnPasswordSchema, CreateUserSchema, UpdateUserSchema, UserListSchema, UserSchema } from './users.ts';
import { diskApiRoutes } from './disks.ts';
import { snapshotApiRoutes } from './snapshots.ts';
import { serverApiRoutes } from './servers.ts';
import { serverExtraApiRoutes } from './servers-extras.ts';
import { vaultApiRoutes } from './vaults.ts';
import { policyApiRoutes } from './policies.ts';
import { backupApiRoutes } from './backups.ts';
import { vbsApiRoutes } from './vbs.ts';
import { overviewApiRoutes } from './overview.ts';
import { searchApiRoutes } from './search.ts';
import { networkApiRoutes } from './network.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of the console API: the BFF serves it, the SPA calls it, OpenAPI documents it. */
export interface ApiRoute {
  method: HttpMethod;
  /** Express-style path, e.g. /api/v1/users/:username */
  path: string;
  summary: string;
  /** The least role that may call it; "public" needs no session. */
  role: Role | 'public';
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Success status when not 200. */
  status?: number;
  /** Server-Sent Events rather than one JSON body. */
  stream?: z.ZodType;
}

export const apiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/health', summary: 'Liveness and version', role: 'public', response: HealthResponseSchema },
  { method: 'GET', path: '/api/ready', summary: 'Readiness: the store works and the default profile\'s cloud answers (503 otherwise)', role: 'public', response: ReadinessResponseSchema },
  { method: 'POST', path: '/api/v1/session', summary: 'Log in', role: 'public', body: LoginRequestSchema, response: MeResponseSchema },
  { method: 'DELETE', path: '/api/v1/session', summary: 'Log out', role: 'viewer', status: 204 },
  { method: 'GET', path: '/api/v1/me', summary: 'The logged-in user, active profile and CSRF token', role: 'viewer', response: MeResponseSchema },
  { method: 'PUT', path: '/api/v1/me/profile', summary: 'Switch the active cloud profile', role: 'viewer', body: SwitchProfileSchema, response: MeResponseSchema },
  { method: 'PUT', path: '/api/v1/me/password', summary: 'Change the own password', role: 'viewer', body: ChangeOwnPasswordSchema, status: 204 },
  { method: 'GET', path: '/api/v1/profiles', summary: 'Cloud profiles open to the user', role: 'viewer', response: ProfileListSchema },
  { method: 'GET', path: '/api/v1/users', summary: 'Console users', role: 'admin', response: UserListSchema },
  { method: 'POST', path: '/api/v1/users', summary: 'Create a console user', role: 'admin', body: CreateUserSchema, response: UserSchema, status: 201 },
  { method: 'PATCH', path: '/api/v1/users/:username', summary: 'Change a user\'s role or password', role: 'admin', body: UpdateUserSchema, response: UserSchema },
  { method: 'DELETE', path: '/api/v1/users/:username', summary: 'Delete a console user', role: 'admin', status: 204 },
  { method: 'GET', path: '/api/v1/audit', summary: 'Audit log, newest first', role: 'admin', query: AuditQuerySchema, response: AuditPageSchema },
  { method: 'GET', path: '/api/v1/tasks', summary: 'Tasks, newest first', role: 'viewer', query: TaskQuerySchema, response: TaskPageSchema },
  { method: 'GET', path: '/api/v1/tasks/:id', summary: 'One task with its sub-tasks', role: 'viewer', response: TaskSchema },
  { method: 'GET', path: '/api/v1/events', summary: 'Task and resource changes (Server-Sent Events; replay with Last-Event-ID)', role: 'viewer', stream: ConsoleEventSchema },
  { method: 'GET', path: '/api/v1/openapi.json', summary: 'This API as an OpenAPI 3.1 document', role: 'viewer' },
  { method: 'GET', path: '/api/v1/calls', summary: 'Upstream calls the console made, newest first (secrets redacted)', role: 'operator', query: CallQuerySchema, response: CallPageSchema },
  { method: 'GET', path: '/api/v1/emulator', summary: 'The embedded emulator\'s clock and active faults', role: 'operator', response: EmulatorStatusSchema },
  { method: 'POST', path: '/api/v1/emulator/faults', summary: 'Inject a fault into the emulator', role: 'operator', body: AddFaultSchema, response: FaultSchema, status: 201 },
  { method: 'DELETE', path: '/api/v1/emulator/faults', summary: 'Remove every fault', role: 'operator', response: EmulatorStatusSchema },
  { method: 'DELETE', path: '/api/v1/emulator/faults/:id', summary: 'Remove one fault', role: 'operator', response: EmulatorStatusSchema },
  { method: 'POST', path: '/api/v1/emulator/clock', summary: 'Freeze, resume, advance or re-speed the emulator clock', role: 'operator', body: ClockActionSchema, response: EmulatorStatusSchema },
  { method: 'POST', path: '/api/v1/emulator/seed', summary: 'Reseed the demo set or add a scale set', role: 'operator', body: SeedRequestSchema },
  { method: 'POST', path: '/api/v1/emulator/reset', summary: 'Empty the emulator', role: 'operator', response: EmulatorStatusSchema },
  { method: 'GET', path: '/api/v1/emulator/quotas', summary: 'The emulator\'s EVS quota limits and usage', role: 'operator', response: EmulatorQuotasSchema },
  { method: 'PUT', path: '/api/v1/emulator/quotas', summary: 'Set the emulator\'s EVS quota limits (-1 = no limit)', role: 'operator', body: SetEmulatorQuotasSchema, response: EmulatorQuotasSchema },
  { method: 'GET', path: '/api/v1/calls/:id', summary: 'One upstream call with its redacted bodies', role: 'operator', response: CallDetailSchema },
  ...diskApiRoutes,
  ...snapshotApiRoutes,
  ...serverApiRoutes,
  ...serverExtraApiRoutes,
  ...vaultApiRoutes,
  ...policyApiRoutes,
  ...backupApiRoutes,
  ...vbsApiRoutes,
  ...overviewApiRoutes,
  ...searchApiRoutes,
  ...networkApiRoutes,
];

export { ApiErrorSchema };
