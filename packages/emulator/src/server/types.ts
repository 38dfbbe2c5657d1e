import type { IncomingHttpHeaders } from 'node:http';
import type { ApiError, ErrorShape } from './errors.ts';

/** Who is calling, once the gateway layer has accepted a token or an AK/SK signature. */
export interface Identity {
  method: 'token' | 'aksk';
  userId: string;
  userName: string;
  domainId: string;
  domainName: string;
  /** null for a domain-scoped token: such a caller may use IAM but no project-scoped service. */
  projectId: string | null;
  ak?: string;
}

/** A cloud service mounted under its own base path, as each service has its own endpoint in a region. */
export interface ServiceDef {
  name: string;
  prefix: string;
  errorShape: ErrorShape;
  /** Shape of authentication failures; default the gateway's (APIGW.0301). */
  authErrorShape?: ErrorShape;
  malformedBody(detail?: string): ApiError;
  malformedUrl(detail?: string): ApiError;
  /** A call for another project than the caller's. */
  forbidden(): ApiError;
  internal(): ApiError;
}

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly params: Record<string, string>;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer | undefined;
  readonly requestId: string;
  readonly identity: Identity | undefined;
  readonly route: Route;
  /** The parsed JSON body; a malformed or missing body raises the service's 400. */
  json(): unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** The body already serialised as JSON (hot paths assemble it from cached parts). */
  json?: string;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  path: string;
  /** Operation name used by fault injection and logs, after the official SDKs' names. */
  operation: string;
  handler: Handler;
  /** 'required' by default. */
  auth?: 'required' | 'optional' | 'none';
  /** OpenStack-native routes also answer with X-Openstack-Request-Id. */
  openstack?: boolean;
}

export interface Route extends RouteSpec {
  service: ServiceDef;
}
