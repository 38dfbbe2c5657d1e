import { z } from 'zod';

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  profileId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  /** Request parameters with every secret replaced by "[redacted]". */
  params: z.unknown(),
  result: z.enum(['ok', 'error']),
  httpStatus: z.number(),
  errorCode: z.string().nullable(),
  upstreamRequestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  username: z.string().max(64).optional(),
  action: z.string().max(128).optional(),
  result: z.enum(['ok', 'error']).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** Entries with an id below this one (the next page of a newest-first list). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
