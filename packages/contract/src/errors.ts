import { z } from 'zod';

/** The one error shape every /api route answers with. */
export const UpstreamErrorSchema = z.object({
  service: z.string(),
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
});

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For validation errors: which field and why. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    upstream: UpstreamErrorSchema.optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ErrorCodes = {
  validation: 'VALIDATION_FAILED',
  unauthenticated: 'UNAUTHENTICATED',
  badCredentials: 'BAD_CREDENTIALS',
  forbidden: 'FORBIDDEN',
  csrf: 'CSRF_FAILED',
  conflict: 'CONFLICT',
  notFound: 'NOT_FOUND',
  rateLimited: 'RATE_LIMITED',
  internal: 'INTERNAL',
} as const;
