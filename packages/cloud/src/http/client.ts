import { sign } from '@console/signer';
import { CloudError, errorFromResponse, pickRequestId } from '../errors.ts';
import type { CloudProfile, ServiceName } from '../profile.ts';
import { redactBody, scrubError, usableSecrets } from './redact.ts';
import { backoffDelay, mayRetry, networkCodeOf, parseRetryAfter, resolveRetryPolicy, type RetryPolicy } from './retry.ts';
import type { CallRecord, CloudHttpOptions, CloudRequest, CloudResponse } from './types.ts';
import { buildQueryString, fillPath, joinUrl, normaliseQuery } from './url.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
const encoder = new TextEncoder();

interface AttemptOutcome {
  response?: { status: number; headers: Headers; data: unknown; bytes: number };
  error?: CloudError;
  retryAfterMs?: number;
}

/**
 * The one HTTP core under every service client: builds the URL from the profile, signs each attempt
 * with SDK-HMAC-SHA256, applies timeouts and retries, turns every failure into a CloudError and
 * reports each finished call to the observer.
 */
export class CloudHttp {
  readonly profile: CloudProfile;
  private readonly options: CloudHttpOptions;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;

  constructor(profile: CloudProfile, options: CloudHttpOptions = {}) {
    this.profile = profile;
    this.options = options;
    this.retry = resolveRetryPolicy(options.retry);
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
  }

  async request<T>(req: CloudRequest): Promise<CloudResponse<T>> {
    const started = performance.now();
    const base = this.profile.endpoints[req.service];
    if (!base) throw new TypeError(`no endpoint configured for service "${req.service}"`);
    const path = fillPath(req.path, { ...req.pathParams, project_id: this.profile.projectId });
    const query = normaliseQuery(req.query);
    const url = joinUrl(base, path, buildQueryString(query));
    // Serialised once: the signature covers exactly the bytes that go on the wire.
    const body = req.body === undefined ? undefined : encoder.encode(JSON.stringify(req.body));
    const idempotent = req.idempotent ?? (req.method === 'GET' || req.method === 'HEAD');
    const { credentials } = this.profile;
    const secrets = usableSecrets([credentials.sk, credentials.securityToken, credentials.ak, ...(req.sensitive ?? [])]);

    let attempts = 0;
    for (;;) {
      attempts += 1;
      const outcome = await this.attempt(req, url, body);
      const requestId = outcome.response ? pickRequestId(outcome.response.headers) : outcome.error?.requestId;
      if (outcome.response) {
        const response: CloudResponse<T> = {
          status: outcome.response.status,
          data: outcome.response.data as T,
          requestId,
          headers: outcome.response.headers,
        };
        this.report(req, path, query, started, attempts, response.status, requestId, undefined, { value: response.data, bytes: outcome.response.bytes }, secrets);
        return response;
      }
      const error = scrubError(outcome.error as CloudError, secrets);
      const wait = attempts < this.retry.maxAttempts && mayRetry(error, idempotent) ? this.retryDelay(outcome, attempts) : undefined;
      if (wait === undefined) {
        this.report(req, path, query, started, attempts, error.httpStatus, error.requestId, error, undefined, secrets);
        throw error;
      }
      try {
        await this.retry.sleep(wait, req.signal);
      } catch {
        const aborted = abortedError(req.service, error.requestId);
        this.report(req, path, query, started, attempts, 0, aborted.requestId, aborted);
        throw aborted;
      }
    }
  }

  private retryDelay(outcome: AttemptOutcome, attempts: number): number | undefined {
    const retryAfter = outcome.retryAfterMs;
    if (retryAfter === undefined) return backoffDelay(this.retry, attempts);
    // The server said when to come back; waiting longer than we allow means giving up now.
    return retryAfter <= this.retry.maxRetryAfterMs ? retryAfter : undefined;
  }

  private timeoutFor(req: CloudRequest): number {
    return req.timeoutMs ?? this.options.timeouts?.[req.service] ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private signedHeaders(req: CloudRequest, url: string, body: Uint8Array | undefined): Record<string, string> {
    const { credentials, projectId } = this.profile;
    const given = req.headers ?? {};
    const hasContentType = Object.keys(given).some((name) => name.toLowerCase() === 'content-type');
    const headers: Record<string, string> = hasContentType ? { ...given } : { 'Content-Type': 'application/json', ...given };
    // IAM is a global service: its calls are scoped by domain, so no project header is signed for it.
    const scope = req.service === 'iam' ? {} : { projectId };
    const creds = {
      ak: credentials.ak,
      sk: credentials.sk,
      ...scope,
      ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
    };
    const signed = sign({ method: req.method, url, headers, ...(body ? { body } : {}), date: this.now() }, creds);
    const wire: Record<string, string> = {};
    // fetch derives Host from the URL (the same value the signer used) and refuses to take it from us.
    for (const [name, value] of Object.entries(signed)) if (name.toLowerCase() !== 'host') wire[name] = value;
    return wire;
  }

  private async attempt(req: CloudRequest, url: string, body: Uint8Array | undefined): Promise<AttemptOutcome> {
    const timeoutMs = this.timeoutFor(req);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
    // Outside the try: a signing failure is a programming error, not a transport failure to retry.
    const headers = this.signedHeaders(req, url, body);
    try {
      const res = await this.fetchImpl(url, {
        method: req.method,
        headers,
        ...(body ? { body } : {}),
        signal,
        // A redirect would carry the signature to wherever the Location points.
        redirect: 'manual',
      });
      const text = await res.text();
      if (res.status >= 200 && res.status < 300) {
        return this.success(req.service, res, text);
      }
      const error = errorFromResponse(req.service, res.status, res.statusText, res.headers, text);
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
      return retryAfterMs === undefined ? { error } : { error, retryAfterMs };
    } catch (cause) {
      if (cause instanceof CloudError) return { error: cause };
      if (req.signal?.aborted) return { error: abortedError(req.service) };
      if (timeout.aborted) {
        return {
          error: new CloudError({
            service: req.service,
            httpStatus: 0,
            code: 'TIMEOUT',
            message: `${req.method} ${new URL(url).pathname}: no response within ${timeoutMs} ms`,
            retriable: true,
            kind: 'timeout',
          }),
        };
      }
      return { error: networkError(req.service, req.method, url, cause) };
    }
  }

  private success(service: ServiceName, res: Response, text: string): AttemptOutcome {
    const requestId = pickRequestId(res.headers);
    const contentType = res.headers.get('content-type') ?? '';
    const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(text);
    if (!text.trim() || !looksJson) return { response: { status: res.status, headers: res.headers, data: undefined, bytes: text.length } };
    try {
      return { response: { status: res.status, headers: res.headers, data: JSON.parse(text) as unknown, bytes: text.length } };
    } catch {
      return {
        error: new CloudError({
          service,
          httpStatus: res.status,
          code: 'INVALID_RESPONSE',
          message: `the ${service} response body is not valid JSON`,
          ...(requestId !== undefined ? { requestId } : {}),
          retriable: false,
          kind: 'http',
        }),
      };
    }
  }

  private report(
    req: CloudRequest,
    path: string,
    query: Record<string, string | string[]>,
    started: number,
    attempts: number,
    status: number,
    requestId: string | undefined,
    error?: CloudError,
    responseBody?: { value: unknown; bytes: number },
    secrets: readonly string[] = [],
  ): void {
    const onCall = this.options.onCall;
    if (!onCall) return;
    const bodies = this.options.captureBodies
      ? {
          ...(req.body !== undefined ? { requestBody: redactBody(req.body, secrets) } : {}),
          ...(responseBody?.value !== undefined ? { responseBody: redactBody(responseBody.value, secrets, responseBody.bytes) } : {}),
        }
      : {};
    const record: CallRecord = {
      service: req.service,
      method: req.method,
      path,
      route: req.path,
      query,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      attempts,
      requestId,
      ...(error ? { error: { code: error.code, message: error.message, kind: error.kind } } : {}),
      ...(req.context ? { context: { ...req.context } } : {}),
      ...bodies,
    };
    try {
      onCall(record);
    } catch {
      // An observer's failure must not turn a successful cloud call into a failed one.
    }
  }
}

function abortedError(service: ServiceName, requestId?: string): CloudError {
  return new CloudError({
    service,
    httpStatus: 0,
    code: 'ABORTED',
    message: 'the call was cancelled',
    ...(requestId !== undefined ? { requestId } : {}),
    retriable: false,
    kind: 'network',
  });
}

function networkError(service: ServiceName, method: string, url: string, cause: unknown): CloudError {
  const code = networkCodeOf(cause) ?? 'NETWORK_ERROR';
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : undefined;
  const reason = inner || (cause instanceof Error ? cause.message : String(cause));
  return new CloudError({
    service,
    httpStatus: 0,
    code,
    message: `${method} ${new URL(url).pathname}: ${reason}`,
    retriable: true,
    kind: 'network',
  });
}
