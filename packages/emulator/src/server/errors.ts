/**
 * Error bodies. Each service answers in its own shape (see shared/spec/auth-and-conventions.md §5.3):
 * - `evs`: `{"error": {"message", "code"}}` — every EVS API in the seed, custom and Cinder alike;
 * - `apig`: the API gateway's `{"error_code", "error_msg", "request_id"}` (APIGW.* codes);
 * - `keystone`: IAM's `{"error": {"code": <number>, "message", "title"}}`;
 * - `openstack`: native fault wrappers such as `{"badRequest": {"message", "code": 400}}`;
 * - `huawei`: `{"error_code", "error_msg"}`.
 */
export type ErrorShape = 'evs' | 'apig' | 'keystone' | 'openstack' | 'huawei';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Overrides the service's own shape, e.g. gateway errors raised on a service route. */
  readonly shape: ErrorShape | undefined;

  constructor(status: number, code: string, message: string, shape?: ErrorShape) {
    super(message);
    this.status = status;
    this.code = code;
    this.shape = shape;
  }
}

const OPENSTACK_FAULTS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  500: 'computeFault',
  503: 'serviceUnavailable',
};

const KEYSTONE_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(shape: ErrorShape, status: number, code: string, message: string, requestId: string): unknown {
  switch (shape) {
    case 'evs':
      return { error: { message, code } };
    case 'apig':
      return { error_code: code, error_msg: message, request_id: requestId };
    case 'keystone':
      return { error: { code: status, message, title: KEYSTONE_TITLES[status] ?? 'Error' } };
    case 'openstack':
      return { [OPENSTACK_FAULTS[status] ?? 'computeFault']: { message, code: status } };
    case 'huawei':
      return { error_code: code, error_msg: message };
  }
}

/** The gateway's answer for a path or method no API is published under. */
export function apiNotFound(): ApiError {
  return new ApiError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment', 'apig');
}

export function unauthorized(detail: string): ApiError {
  return new ApiError(401, 'APIGW.0301', `Incorrect IAM authentication information: ${detail}`, 'apig');
}

export function entityTooLarge(limit: number): ApiError {
  return new ApiError(413, 'APIGW.0201', `Request entity too large: the body exceeds ${limit} bytes`, 'apig');
}
