import type { z } from 'zod';
import { validationError } from './errors.ts';

/** Parse a request part with a shared contract schema; a failure becomes a 400 naming each field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(result.error);
  return result.data;
}
