import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiError } from '@console/contract';
import { ErrorCodes } from '@console/contract';
import type { ZodError } from 'zod';
import type { Logger } from 'pino';
import { isCloudError, type CloudError } from '@console/cloud';

/** The one error a route throws; the error middleware turns it into the ApiError body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: { path: string; message: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  upstream: { service: string; code: string; message: string; requestId?: string } | undefined;

  toBody(): ApiError {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.upstream ? { upstream: this.upstream } : {}),
      },
    };
  }
}

export function validationError(err: ZodError): HttpError {
  const fields = err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new HttpError(400, ErrorCodes.validation, `Invalid request: ${summary}`, fields);
}

export const apiNotFound: RequestHandler = (req) => {
  throw new HttpError(404, ErrorCodes.notFound, `No such API route: ${req.method} ${req.path}`);
};

/**
 * The cloud refused or failed: keep its status where it means the same to the browser (400, 403,
 * 404, 409, 429), but never pass on a 401 (the browser would think its own session ended), and
 * answer 502/504 for upstream failures.
 */
export function fromCloudError(err: CloudError): HttpError {
  const status =
    err.kind === 'timeout' ? 504
    : err.kind === 'network' ? 502
    : [400, 403, 404, 409, 413, 429].includes(err.httpStatus) ? err.httpStatus
    : 502;
  const what = err.kind === 'http' ? `${err.service.toUpperCase()} answered ${err.httpStatus} ${err.code}` : `${err.service.toUpperCase()} did not answer (${err.kind})`;
  const e = new HttpError(status, status === 504 ? 'UPSTREAM_TIMEOUT' : status >= 500 ? 'UPSTREAM_FAILED' : 'UPSTREAM_REFUSED', `${what}: ${err.message}`);
  e.upstream = { service: err.service, code: err.code, message: err.message, ...(err.requestId ? { requestId: err.requestId } : {}) };
  return e;
}

interface BodyParserError { type?: string; status?: number; message?: string }

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let httpErr: HttpError;
    const parserErr = err as BodyParserError;
    if (err instanceof HttpError) httpErr = err;
    else if (isCloudError(err)) httpErr = fromCloudError(err);
    else if (parserErr?.type === 'entity.parse.failed') httpErr = new HttpError(400, ErrorCodes.validation, 'Malformed JSON body');
    else if (parserErr?.type === 'entity.too.large') httpErr = new HttpError(413, ErrorCodes.validation, 'Request body too large');
    else if (parserErr?.type && parserErr.status && parserErr.status < 500)
      httpErr = new HttpError(parserErr.status, ErrorCodes.validation, parserErr.message ?? 'Bad request');
    else {
      log.error({ err, method: req.method, path: req.path }, 'unhandled error');
      httpErr = new HttpError(500, ErrorCodes.internal, 'Internal error; see the console server log');
    }
    if (httpErr.headers) res.set(httpErr.headers);
    res.locals.errorCode = httpErr.upstream ? `${httpErr.upstream.service}:${httpErr.upstream.code}` : httpErr.code;
    if (httpErr.upstream?.requestId) res.locals.upstreamRequestId = httpErr.upstream.requestId;
    res.status(httpErr.status).json(httpErr.toBody());
  };
}
