import type { CloudErrorKind } from '../errors.ts';
import type { ServiceName } from '../profile.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryScalar = string | number | boolean;
/** Arrays become repeated keys (`status=a&status=b`); undefined and null are left out. */
export type QueryValue = QueryScalar | readonly QueryScalar[] | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** What a single call may override; every client method accepts it as its last argument. */
export interface CallOptions {
  /** Per-attempt timeout; defaults to the service's timeout. */
  timeoutMs?: number;
  /** Cancels the call (and any pending retry); the call then rejects with code ABORTED. */
  signal?: AbortSignal;
  /** Extra request headers; they are signed like the others. */
  headers?: Record<string, string>;
  /** Free-form labels copied into the onCall record (e.g. the console request id). */
  context?: Record<string, string>;
}

export interface CloudRequest extends CallOptions {
  service: ServiceName;
  method: HttpMethod;
  /** Path template below the service base URL, e.g. `/v2/{project_id}/cloudvolumes/{volume_id}`. */
  path: string;
  /** Values for the template's placeholders other than `{project_id}` (filled from the profile). */
  pathParams?: Record<string, string>;
  query?: QueryParams;
  /** Serialised to JSON once; exactly those bytes are signed and sent. */
  body?: unknown;
  /** Safe to repeat. Defaults to true for GET and HEAD only; only idempotent calls are retried after they may have reached the server. */
  idempotent?: boolean;
  /** Extra values to keep out of errors and records (e.g. a password in the body). */
  sensitive?: readonly string[];
}

export interface CloudResponse<T> {
  status: number;
  /** Parsed JSON body; undefined when the body is empty or not JSON (204, 202 without body). */
  data: T;
  requestId: string | undefined;
  headers: Headers;
}

/** One finished call (after all its attempts), as observers see it. Never carries credentials or bodies. */
export interface CallRecord {
  service: ServiceName;
  method: HttpMethod;
  /** Path actually called, below the service base URL. */
  path: string;
  /** The path template, for grouping calls in metrics. */
  route: string;
  query: Record<string, string | string[]>;
  /** 0 when no response came back. */
  status: number;
  durationMs: number;
  attempts: number;
  requestId: string | undefined;
  error?: { code: string; message: string; kind: CloudErrorKind };
  context?: Record<string, string>;
  /** With `captureBodies`: the JSON sent and received, secrets redacted and size bounded. */
  requestBody?: unknown;
  responseBody?: unknown;
}

export interface RetryOptions {
  /** Attempts in total, the first included. Default 3. */
  maxAttempts?: number;
  /** Backoff base: the ceiling of the n-th retry's delay is base·2^(n-1). Default 200 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 3000 ms. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for; the 429/503 is returned instead. Default 10 s. */
  maxRetryAfterMs?: number;
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number;
  /** Injectable for tests; must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CloudHttpOptions {
  /** Default per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  /** Per-service per-attempt timeouts. */
  timeouts?: Partial<Record<ServiceName, number>>;
  retry?: RetryOptions;
  onCall?: (record: CallRecord) => void;
  /** Put the (redacted, size-bounded) request and response bodies into call records. */
  captureBodies?: boolean;
  /** Clock for X-Sdk-Date; injectable for tests. */
  now?: () => Date;
  /** Defaults to the global fetch (undici). */
  fetch?: typeof fetch;
}
