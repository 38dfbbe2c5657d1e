import { ApiErrorSchema, type ApiError } from '@console/contract';

/** Anything with a zod-style `parse`: the contract's schemas validate what the BFF answers. */
export interface Parser<T> {
  parse(data: unknown): T;
}

export type FieldError = NonNullable<ApiError['error']['fields']>[number];
export type UpstreamError = NonNullable<ApiError['error']['upstream']>;

/** Codes the SPA produces itself, for failures that never reached a BFF answer. */
export const ClientErrorCodes = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;

/** A refused or failed call, carrying the BFF's one error shape in typed form. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly upstream: UpstreamError | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldError[] | undefined;
    upstream?: UpstreamError | undefined;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.upstream = init.upstream;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * A 401 is an expected answer here (the login form, the session probe) rather than a session
   * that ran out, so it is thrown to the caller instead of sending the user to the login page.
   */
  expectUnauthenticated?: boolean;
}

type UnauthenticatedHandler = () => void;

/** Mutating calls must echo the session's CSRF token, which the BFF hands out with the session. */
let csrfToken: string | undefined;
const safeMethods = new Set(['GET', 'HEAD']);

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Without a router (tests, early boot) a full page load to the login page is the safe default. */
let onUnauthenticated: UnauthenticatedHandler = () => {
  window.location.assign(loginPath(currentPath()));
};

/** The app installs a handler that navigates inside the SPA instead of reloading it. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/** `/login?next=…`, leaving out a `next` that would only point back at the login page or home. */
export function loginPath(next: string): string {
  const target = safeNextPath(next);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

/**
 * Only same-origin absolute paths are followed after login: `//host` or `/\host` would let a
 * crafted link send a freshly signed-in user to another site.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

/** Turns any error body into the typed error; bodies that are not the contract shape still get a status. */
export function toApiRequestError(status: number, body: unknown, statusText = ''): ApiRequestError {
  const parsed = ApiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, upstream } = parsed.data.error;
    return new ApiRequestError({ status, code, message, fields, upstream });
  }
  return new ApiRequestError({
    status,
    code: ClientErrorCodes.badResponse,
    message: statusText || `HTTP ${status}`,
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one way the SPA talks to the BFF: JSON in and out, the session cookie sent same-origin,
 * errors thrown as ApiRequestError. Pass `parser` to validate the answer against the contract;
 * `null` for answers without a body (204).
 */
export async function apiRequest<T>(
  path: string,
  parser: Parser<T> | null,
  options: RequestOptions = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (!safeMethods.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers,
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({
      status: 0,
      code: ClientErrorCodes.network,
      message: cause instanceof Error ? cause.message : String(cause),
    });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const error = toApiRequestError(response.status, body, response.statusText);
    if (response.status === 401 && !options.expectUnauthenticated) onUnauthenticated();
    throw error;
  }
  if (parser === null) return undefined as T;
  try {
    return parser.parse(body);
  } catch {
    throw new ApiRequestError({
      status: response.status,
      code: ClientErrorCodes.badResponse,
      message: `Unexpected answer from ${path}`,
    });
  }
}
