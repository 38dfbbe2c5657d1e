/**
 * Keys whose values never leave the BFF in an audit entry, a call record or a log line:
 * passwords (including ECS adminPass and user_data, which may hold one), keys and tokens.
 */
const secretKey = /pass(word)?|secret|^sk$|token|authorization|^user_data$|cookie/i;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = secretKey.test(k) ? '[redacted]' : redactSecrets(v, depth + 1);
    return out;
  }
  return value;
}
