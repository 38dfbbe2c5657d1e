import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiRequestError } from '../../lib/api.ts';

/**
 * What the reader sees for each rule a field broke, keyed by the zod issue code that zodResolver
 * puts in `error.type` ("too_small", "invalid_format"…). The contract's schemas carry English
 * messages; forms say the rule again in the reader's language, with the contract's numbers.
 */
export type IssueHints = Partial<Record<string, string>>;

/** Errors whose message is already in words for the reader (the BFF's, or a check the form made). */
export const wordedErrorType = 'worded';

export function fieldErrorText(error: FieldError | undefined, t: TFunction, hints: IssueHints = {}): string | undefined {
  if (!error) return undefined;
  const type = String(error.type);
  if (type === wordedErrorType) return error.message;
  const hint = hints[type];
  if (hint) return hint;
  return type === 'invalid_type' || type === 'too_small' ? t('validation.required') : t('validation.invalid');
}

/**
 * Puts the field errors of a BFF refusal under the fields they name (the BFF's path may carry a
 * prefix such as "body."). `wording` may replace the BFF's English for cases the form knows.
 * Returns whether any field took an error, so the caller can skip the general notice.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  wording: (field: Path<T>, message: string) => string = (_field, message) => message,
): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  let placed = false;
  for (const { path, message } of error.fields) {
    const field = fields.find((candidate) => path === candidate || path.endsWith(`.${candidate}`));
    if (!field) continue;
    setError(field, { type: wordedErrorType, message: wording(field, message) }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
