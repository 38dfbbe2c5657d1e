import { ApiError } from '../../server/errors.ts';
import type { ServiceDef } from '../../server/types.ts';

/**
 * IMS error codes. No IMS reference is in shared/spec: the body is IMS's `{"error": {"code", "message"}}`
 * and the codes follow its `IMG.xxxx` numbering.
 */
const CODES = {
  'IMG.0001': [400, 'Invalid request parameter.'],
  'IMG.0002': [500, 'Internal error.'],
  'IMG.0003': [403, 'The project in the request is not the caller\'s project.'],
  'IMG.0027': [404, 'The image does not exist.'],
  'IMG.0032': [400, 'The server cannot be made into an image.'],
  'IMG.0033': [404, 'The job does not exist.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ImsCode = keyof typeof CODES;

export function imsError(code: ImsCode, detail?: string): ApiError {
  const [status, message] = CODES[code];
  return new ApiError(status, code, detail ? `${message} (${detail})` : message);
}

export const imsService: ServiceDef = {
  name: 'ims',
  prefix: '/ims',
  errorShape: 'evs',
  malformedBody: (detail) => imsError('IMG.0001', detail ?? 'the body is not valid JSON'),
  malformedUrl: (detail) => imsError('IMG.0001', detail ?? 'malformed URL'),
  forbidden: () => imsError('IMG.0003'),
  internal: () => imsError('IMG.0002'),
};
