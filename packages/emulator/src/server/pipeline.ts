import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/authenticate.ts';
import type { Scheduler } from '../clock/scheduler.ts';
import type { Faults } from '../faults/faults.ts';
import { ApiError, apiNotFound, entityTooLarge, errorBody } from './errors.ts';
import { hex32, uuid } from './ids.ts';
import type { Router } from './router.ts';
import { sleep } from './time.ts';
import type { Identity, Reply, RequestContext, Route, ServiceDef } from './types.ts';

export interface PipelineDeps {
  router: Router;
  authenticator: Authenticator;
  /** The account's project id: a URL naming any other project is refused. */
  projectId: string;
  scheduler: Scheduler;
  faults: Faults;
  /** Bodies above this are refused by the gateway (AK/SK requests are limited to 12 MB). */
  bodyLimit: number;
  onError(err: unknown): void;
}

/** Services whose routes are not subject to fault injection. */
const CONTROL_SERVICE = 'control';

class Context implements RequestContext {
  private parsedQuery: URLSearchParams | undefined;
  private parsedBody: unknown;
  private bodyParsed = false;
  identity: Identity | undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly rawQuery: string,
    readonly params: Record<string, string>,
    readonly headers: IncomingHttpHeaders,
    readonly rawBody: Buffer | undefined,
    readonly requestId: string,
    readonly route: Route,
  ) {}

  get query(): URLSearchParams {
    return (this.parsedQuery ??= new URLSearchParams(this.rawQuery));
  }

  json(): unknown {
    if (!this.bodyParsed) {
      if (!this.rawBody || this.rawBody.length === 0) throw this.route.service.malformedBody('the request has no body');
      try {
        this.parsedBody = JSON.parse(this.rawBody.toString('utf8'));
      } catch (err) {
        throw this.route.service.malformedBody(`the body is not valid JSON (${(err as Error).message})`);
      }
      this.bodyParsed = true;
    }
    return this.parsedBody;
  }
}

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const fail = (res: ServerResponse) => (err: unknown) => {
    deps.onError(err);
    if (!res.headersSent) writeJson(res, 500, { error: { code: 'Emulator.Internal', message: 'internal error' } }, hex32(), false);
    else res.destroy();
  };
  return (req, res) => {
    try {
      const pending = handle(deps, req, res);
      if (pending) pending.catch(fail(res));
    } catch (err) {
      fail(res)(err);
    }
  };
}

/**
 * One request. It runs synchronously unless it must wait (for a body, an injected latency or an
 * asynchronous handler): answering in the same tick as the request keeps the hot paths as cheap
 * as a bare node:http handler.
 */
function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
  const requestId = hex32();
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const method = req.method ?? 'GET';
  const match = deps.router.find(method, path);
  if (match.kind === 'not_found') {
    req.resume();
    sendError(res, apiNotFound(), 'apig', requestId, false);
    return undefined;
  }
  const route = match.route;
  deps.scheduler.tick();
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  if (!hasBody(req.headers)) return proceed(deps, req, res, { method, url, path, rawQuery, params: match.params, route, requestId, body: undefined });
  return readBody(req, deps.bodyLimit).then((read) => {
    if (read === 'too_large') return sendError(res, entityTooLarge(deps.bodyLimit), 'apig', requestId, route.openstack === true);
    return proceed(deps, req, res, { method, url, path, rawQuery, params: match.params, route, requestId, body: read });
  });
}

interface Incoming {
  method: string;
  url: string;
  path: string;
  rawQuery: string;
  params: Record<string, string>;
  route: Route;
  requestId: string;
  body: Buffer | undefined;
}

function proceed(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse, r: Incoming): Promise<void> | undefined {
  const { route } = r;
  const service = route.service;
  const openstack = route.openstack === true;
  const onError = (err: unknown) => {
    if (err instanceof ApiError) return sendError(res, err, err.shape ?? service.errorShape, r.requestId, openstack);
    deps.onError(err);
    sendError(res, service.internal(), service.errorShape, r.requestId, openstack);
  };
  try {
    const ctx = new Context(r.method, r.path, r.rawQuery, decodeParams(r.params, service), req.headers, r.body, r.requestId, route);
    const faulty = service.name !== CONTROL_SERVICE && !deps.faults.empty;
    const delay = faulty ? deps.faults.latencyMs(service.name, route.operation) : 0;
    const run = () => {
      admit(deps, req, r, ctx);
      if (faulty) {
        const fault = deps.faults.pickError(service.name, route.operation);
        if (fault) throw new ApiError(fault.status, fault.code, fault.message);
      }
      const reply = route.handler(ctx);
      const done = (value: Reply) => {
        // Work the handler scheduled with zero delay (instant speed) is applied before answering.
        deps.scheduler.tick();
        sendReply(res, value, r.requestId, openstack);
      };
      if (reply instanceof Promise) return reply.then(done, onError);
      done(reply);
      return undefined;
    };
    if (delay > 0) return sleep(delay).then(run).catch(onError);
    return run();
  } catch (err) {
    onError(err);
    return undefined;
  }
}

/** Authentication and the project check, as the gateway performs them before the service sees the call. */
function admit(deps: PipelineDeps, req: IncomingMessage, r: Incoming, ctx: Context): void {
  const { route } = r;
  if (route.auth === 'none') return;
  const service = route.service;
  const who = deps.authenticator.authenticate({ method: r.method, url: r.url, headers: req.headers, body: r.body });
  if (who instanceof ApiError) {
    if (route.auth !== 'optional' || req.headers['x-auth-token'] !== undefined || req.headers.authorization !== undefined) {
      throw service.authErrorShape ? new ApiError(who.status, who.code, who.message, service.authErrorShape) : who;
    }
  } else {
    ctx.identity = who;
  }
  const projectId = ctx.params.project_id;
  if (projectId !== undefined && (projectId !== deps.projectId || (ctx.identity !== undefined && ctx.identity.projectId !== projectId))) {
    throw service.forbidden();
  }
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  if (length !== undefined) return length !== '0';
  return headers['transfer-encoding'] !== undefined;
}

/** Reads the whole body; past the limit it keeps draining (so the client sees the answer) but keeps nothing. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) return;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function decodeParams(raw: Record<string, string>, service: ServiceDef): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in raw) {
    const value = raw[key]!;
    if (value.indexOf('%') < 0) {
      out[key] = value;
      continue;
    }
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      throw service.malformedUrl(`path parameter ${key} is not valid percent-encoding`);
    }
  }
  return out;
}

function sendReply(res: ServerResponse, reply: Reply, requestId: string, openstack: boolean): void {
  if (reply.json !== undefined) return writeJson(res, reply.status, undefined, requestId, openstack, reply.headers, reply.json);
  if (reply.body === undefined) {
    const headers: Record<string, string | number> = { 'X-Request-Id': requestId, 'Content-Length': 0, ...reply.headers };
    if (openstack) headers['X-Openstack-Request-Id'] = `req-${uuid()}`;
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  writeJson(res, reply.status, reply.body, requestId, openstack, reply.headers);
}

function sendError(res: ServerResponse, err: ApiError, shape: ApiError['shape'] & string, requestId: string, openstack: boolean): void {
  writeJson(res, err.status, errorBody(shape, err.status, err.code, err.message, requestId), requestId, openstack);
}

function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  openstack: boolean,
  extra?: Record<string, string>,
  serialised?: string,
): void {
  const payload = serialised ?? JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(payload),
    'X-Request-Id': requestId,
    ...extra,
  };
  if (openstack) headers['X-Openstack-Request-Id'] = `req-${uuid()}`;
  res.writeHead(status, headers);
  res.end(payload);
}
