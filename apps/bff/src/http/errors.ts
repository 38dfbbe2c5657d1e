import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiError } from '@console/contract';
import { ErrorCodes } from '@console/contract';
import type { ZodError } from 'zod';
import type { Logger } from 'pino';

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

  toBody(): ApiError {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
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

interface BodyParserError { type?: string; status?: number; message?: string }

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let httpErr: HttpError;
    const parserErr = err as BodyParserError;
    if (err instanceof HttpError) httpErr = err;
    else if (parserErr?.type === 'entity.parse.failed') httpErr = new HttpError(400, ErrorCodes.validation, 'Malformed JSON body');
    else if (parserErr?.type === 'entity.too.large') httpErr = new HttpError(413, ErrorCodes.validation, 'Request body too large');
    else if (parserErr?.type && parserErr.status && parserErr.status < 500)
      httpErr = new HttpError(parserErr.status, ErrorCodes.validation, parserErr.message ?? 'Bad request');
    else {
      log.error({ err, method: req.method, path: req.path }, 'unhandled error');
      httpErr = new HttpError(500, ErrorCodes.internal, 'Internal error; see the console server log');
    }
    if (httpErr.headers) res.set(httpErr.headers);
    res.locals.errorCode = httpErr.code;
    res.status(httpErr.status).json(httpErr.toBody());
  };
}
