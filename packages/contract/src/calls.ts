import { z } from 'zod';

/** One upstream call the BFF made, as the API-call inspector shows it. Secrets are redacted. */
export const CallEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  profileId: z.string(),
  service: z.string(),
  method: z.string(),
  path: z.string(),
  /** The path template, e.g. /v2/{project_id}/cloudvolumes/{volume_id} */
  route: z.string(),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  status: z.number(),
  durationMs: z.number(),
  attempts: z.number(),
  requestId: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  taskId: z.string().nullable(),
  /** The console user whose request or task made the call. */
  username: z.string().nullable(),
});
export type CallEntry = z.infer<typeof CallEntrySchema>;

export const CallDetailSchema = CallEntrySchema.extend({
  requestBody: z.unknown().optional(),
  responseBody: z.unknown().optional(),
});
export type CallDetail = z.infer<typeof CallDetailSchema>;

export const CallQuerySchema = z.object({
  service: z.string().max(16).optional(),
  result: z.enum(['ok', 'error']).optional(),
  /** 2xx…5xx by HTTP status; `none` for calls that got no answer (network failure, timeout). */
  statusClass: z.enum(['2xx', '3xx', '4xx', '5xx', 'none']).optional(),
  /** Matches the path, the upstream request id or the error code. */
  search: z.string().max(256).optional(),
  taskId: z.string().max(64).optional(),
  /** `user`: made for a console user's request or task; `background`: the console's own (the backup watch). */
  origin: z.enum(['user', 'background']).optional(),
  /** The console user the calls were made for. */
  username: z.string().max(64).optional(),
  requestId: z.string().max(128).optional(),
  path: z.string().max(256).optional(),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CallQuery = z.infer<typeof CallQuerySchema>;

export const CallPageSchema = z.object({ items: z.array(CallEntrySchema), nextBefore: z.number().nullable() });
export type CallPage = z.infer<typeof CallPageSchema>;
