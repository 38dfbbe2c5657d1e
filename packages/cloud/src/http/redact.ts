import { CloudError } from '../errors.ts';

const REDACTED = '[redacted]';
/** Very short strings would match by accident and shred unrelated text. */
const MIN_SECRET_LENGTH = 6;

export function usableSecrets(values: readonly (string | undefined)[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_SECRET_LENGTH);
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * An upstream may echo what it was sent (a gateway quoting the access key, an IAM error quoting the
 * user's input); nothing that leaves this package may carry a credential, so messages are scrubbed.
 */
export function scrubError(error: CloudError, secrets: readonly string[]): CloudError {
  const message = scrub(error.message, secrets);
  const details = error.details?.map((d) => ({
    ...d,
    ...(d.message !== undefined ? { message: scrub(d.message, secrets) } : {}),
    ...(d.code !== undefined ? { code: scrub(d.code, secrets) } : {}),
  }));
  const code = scrub(error.code, secrets);
  if (message === error.message && code === error.code && JSON.stringify(details) === JSON.stringify(error.details)) {
    return error;
  }
  return new CloudError({
    service: error.service,
    httpStatus: error.httpStatus,
    code,
    message,
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    retriable: error.retriable,
    kind: error.kind,
    shape: error.shape,
    ...(details !== undefined ? { details } : {}),
  });
}
