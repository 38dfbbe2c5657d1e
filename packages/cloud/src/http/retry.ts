import { setTimeout as delay } from 'node:timers/promises';
import type { CloudError } from '../errors.ts';
import type { RetryOptions } from './types.ts';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 3)),
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 3000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {})),
  };
}

/**
 * Full-jitter exponential backoff: uniform in [0, min(cap, base·2^(retry-1))). Full jitter spreads
 * the retries of many clients that failed together instead of having them hit the server in waves.
 */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(policy.random() * ceiling);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Failures where the connection was never established, so the server cannot have seen the request. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Transport failures worth repeating for a call that is safe to repeat. */
const TRANSIENT_CODES = new Set([
  ...NOT_SENT_CODES,
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
]);

export function isTransientNetworkCode(code: string): boolean {
  return TRANSIENT_CODES.has(code) || code.startsWith('UND_ERR_');
}

/** Finds the system/undici error code behind a fetch failure (`TypeError: fetch failed` → cause → code). */
export function networkCodeOf(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    queue.push((current as { cause?: unknown }).cause);
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested)) queue.push(...nested);
  }
  return undefined;
}

/**
 * Whether a failed attempt may be repeated. A call that is not idempotent is repeated only when the
 * connection was refused before anything was sent; once the request may have reached the server a
 * repeat could create a second disk or start a second job.
 */
export function mayRetry(error: CloudError, idempotent: boolean): boolean {
  if (error.code === 'ABORTED') return false;
  if (error.kind === 'network') return idempotent ? isTransientNetworkCode(error.code) : NOT_SENT_CODES.has(error.code);
  if (!idempotent) return false;
  if (error.kind === 'timeout') return true;
  return error.retriable;
}
