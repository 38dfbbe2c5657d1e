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

/**
 * Keys whose values are never shown in a call record's bodies: passwords (ECS `adminPass`, and
 * `user_data`, which may carry one), keys and tokens, wherever they are nested.
 */
const SECRET_KEY = /pass(word)?|secret|^sk$|token|authorization|^user_data$|private_key/i;
/** Bodies bigger than this are summarised rather than kept whole. */
const MAX_BODY_CHARS = 32 * 1024;

function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redactValue(v, secrets, depth + 1);
  return out;
}

/** What a large body holds at its top level: array sizes and scalar values, secrets redacted. */
function outline(value: unknown, secrets: readonly string[]): unknown {
  if (Array.isArray(value)) return `array(${value.length})`;
  if (value === null || typeof value !== 'object') return redactValue(value, secrets, 0);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? REDACTED : Array.isArray(v) ? `array(${v.length})` : v !== null && typeof v === 'object' ? 'object' : redactValue(v, secrets, 0);
  }
  return out;
}

/**
 * A body as an inspector may show it: secrets replaced, size bounded. A large body (its size
 * known from the wire, or measured) is kept as an outline only, without walking all of it: a
 * 1,000-disk page must not cost the call that carries it.
 */
export function redactBody(value: unknown, secrets: readonly string[], bytes?: number): unknown {
  if (value === undefined) return undefined;
  const size = bytes ?? (JSON.stringify(value) ?? '').length;
  if (size > MAX_BODY_CHARS) return { truncated: true, bytes: size, outline: outline(value, secrets) };
  return redactValue(value, secrets, 0);
}
