import type { ServiceName } from './profile.ts';

/** `http`: the cloud answered with an error status; `timeout`: no answer in time; `network`: no usable answer at all. */
export type CloudErrorKind = 'http' | 'timeout' | 'network';

/**
 * Which upstream body shape an error came in (see shared/spec/auth-and-conventions.md §5.3):
 * - `huawei`: `{"error_code","error_msg"}` (CBR, IMS, and the API gateway's `APIGW.xxxx` with `request_id`);
 * - `error-object`: `{"error":{"code","message","details"?}}` (EVS, ECS, VBS);
 * - `keystone`: `{"error":{"code":401,"title","message"}}` (IAM);
 * - `openstack-fault`: `{"itemNotFound":{"code":404,"message"}}` and the other Nova/Cinder fault wrappers;
 * - `plain`: top-level `{"code","message"}` (ECS job-query failures);
 * - `none`: nothing recognisable (HTML from a proxy, empty body, a transport failure).
 */
export type ErrorShape = 'huawei' | 'error-object' | 'keystone' | 'openstack-fault' | 'plain' | 'none';

export interface ErrorDetail {
  code?: string;
  message?: string;
}

export interface CloudErrorInit {
  service: ServiceName;
  /** 0 when no HTTP response was received (timeouts, network errors). */
  httpStatus: number;
  code: string;
  message: string;
  requestId?: string;
  retriable: boolean;
  kind: CloudErrorKind;
  shape?: ErrorShape;
  details?: ErrorDetail[];
}

/** The single error type every cloud call rejects with, whatever the service's own error shape. */
export class CloudError extends Error {
  override readonly name = 'CloudError';
  readonly service: ServiceName;
  readonly httpStatus: number;
  readonly code: string;
  readonly requestId: string | undefined;
  /** The failure is transient (5xx, 429, timeout, network): trying again later may succeed. */
  readonly retriable: boolean;
  readonly kind: CloudErrorKind;
  readonly shape: ErrorShape;
  readonly details: ErrorDetail[] | undefined;

  constructor(init: CloudErrorInit) {
    super(init.message);
    this.service = init.service;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retriable = init.retriable;
    this.kind = init.kind;
    this.shape = init.shape ?? 'none';
    this.details = init.details;
  }

  toJSON(): CloudErrorInit & { name: string } {
    return {
      name: this.name,
      service: this.service,
      httpStatus: this.httpStatus,
      code: this.code,
      message: this.message,
      ...(this.requestId !== undefined ? { requestId: this.requestId } : {}),
      retriable: this.retriable,
      kind: this.kind,
      shape: this.shape,
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}

export function isCloudError(value: unknown): value is CloudError {
  return value instanceof CloudError;
}

export interface ParsedErrorBody {
  code: string;
  message: string;
  shape: Exclude<ErrorShape, 'none'>;
  details?: ErrorDetail[];
  /** Only the gateway puts one in the body (`request_id`); the header wins when both exist. */
  requestId?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isNumericCode(code: string | undefined): boolean {
  return code !== undefined && /^\d+$/.test(code);
}

function parseDetails(value: unknown): ErrorDetail[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((d) => {
    const detail: ErrorDetail = {};
    const code = asText(d.code);
    const message = asText(d.message);
    if (code !== undefined) detail.code = code;
    if (message !== undefined) detail.message = message;
    return detail;
  });
}

/**
 * Recognises every upstream error body shape. Returns undefined for bodies that are not one of them
 * (non-JSON, arrays, unrelated objects), leaving the fallback to the caller.
 */
export function parseErrorBody(text: string): ParsedErrorBody | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!isObject(body)) return undefined;

  if ('error_code' in body || 'error_msg' in body) {
    const parsed: ParsedErrorBody = {
      code: asText(body.error_code) ?? '',
      message: asText(body.error_msg) ?? '',
      shape: 'huawei',
    };
    const requestId = asText(body.request_id);
    if (requestId) parsed.requestId = requestId;
    return parsed;
  }

  const error = body.error;
  if (isObject(error) && ('code' in error || 'message' in error)) {
    const code = asText(error.code);
    const title = asText(error.title);
    if (title !== undefined) {
      // A numeric Keystone code only repeats the HTTP status; the title names the failure.
      return {
        code: isNumericCode(code) ? title : (code ?? title),
        message: asText(error.message) ?? title,
        shape: 'keystone',
      };
    }
    const parsed: ParsedErrorBody = { code: code ?? '', message: asText(error.message) ?? '', shape: 'error-object' };
    const details = parseDetails(error.details);
    if (details) parsed.details = details;
    return parsed;
  }

  for (const [key, value] of Object.entries(body)) {
    if (isObject(value) && typeof value.message === 'string') {
      // OpenStack faults carry the HTTP status as their code; the wrapper key (itemNotFound, badRequest…) is the real code.
      const code = asText(value.code);
      return { code: isNumericCode(code) || code === undefined ? key : code, message: value.message, shape: 'openstack-fault' };
    }
  }

  if ('code' in body && typeof body.message === 'string') {
    return { code: asText(body.code) ?? '', message: body.message, shape: 'plain' };
  }
  return undefined;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-openstack-request-id', 'x-compute-request-id'] as const;

/** The upstream request id: the gateway's X-Request-Id, else the OpenStack-native one. */
export function pickRequestId(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Statuses worth trying again: the server failed or asked us to slow down. */
export function isRetriableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

const MAX_FALLBACK_MESSAGE = 200;

function fallbackMessage(status: number, statusText: string, text: string): string {
  const flattened = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flattened) return flattened.length > MAX_FALLBACK_MESSAGE ? `${flattened.slice(0, MAX_FALLBACK_MESSAGE)}…` : flattened;
  return `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
}

/** Builds the CloudError for an HTTP error response from its raw body. */
export function errorFromResponse(
  service: ServiceName,
  status: number,
  statusText: string,
  headers: Headers,
  text: string,
): CloudError {
  const parsed = parseErrorBody(text);
  const requestId = pickRequestId(headers) ?? parsed?.requestId;
  const init: CloudErrorInit = {
    service,
    httpStatus: status,
    code: parsed?.code || `HTTP.${status}`,
    message: parsed?.message || fallbackMessage(status, statusText, parsed ? '' : text),
    retriable: isRetriableStatus(status),
    kind: 'http',
    shape: parsed?.shape ?? 'none',
  };
  if (requestId !== undefined) init.requestId = requestId;
  if (parsed?.details) init.details = parsed.details;
  return new CloudError(init);
}
