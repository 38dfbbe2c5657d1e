import { z } from 'zod';

export const RoleSchema = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export const LoginRequestSchema = z.object({
  username: z.string({ error: 'required' }).trim().min(1, 'required').max(64, 'at most 64 characters'),
  password: z.string({ error: 'required' }).min(1, 'required').max(256, 'at most 256 characters'),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** What the browser may know about a cloud profile: never a key or a token. */
export const ProfileSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  projectId: z.string(),
  emulator: z.boolean(),
  /** Where the calls go: the embedded emulator, or the cloud's endpoint for the first service. */
  endpointHint: z.string(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const MeResponseSchema = z.object({
  user: z.object({ username: z.string(), role: RoleSchema }),
  profile: ProfileSummarySchema,
  /** Sent back as the X-CSRF-Token header on every mutating call of this session. */
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const ReadinessResponseSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  /** The default profile, whose cloud endpoint was checked. */
  profileId: z.string(),
  checks: z.object({ store: z.string(), upstream: z.string() }),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponseSchema>;
