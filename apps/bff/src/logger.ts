import { pino, type Logger } from 'pino';

/**
 * Paths that may carry credentials anywhere in a logged object. Redaction is a second line of
 * defence: code should never pass a secret to the logger in the first place.
 */
export const redactPaths = [
  'password', '*.password', 'sk', '*.sk', 'secretKey', '*.secretKey', 'securityToken', '*.securityToken',
  'token', '*.token', 'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]',
  'headers.authorization', 'headers["x-auth-token"]', 'headers["x-security-token"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { svc: 'bff' } });
}
