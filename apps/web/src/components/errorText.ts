import type { TFunction } from 'i18next';
import { ErrorCodes, type TaskError } from '@console/contract';
import { ApiRequestError, ClientErrorCodes } from '../lib/api.ts';

/** Says in the reader's language why a call failed; the BFF's own words are the last resort. */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiRequestError)) {
    return error instanceof Error ? error.message : String(error);
  }
  if (error.upstream) {
    return t('errors.upstream', {
      service: error.upstream.service.toUpperCase(),
      code: error.upstream.code,
      message: error.upstream.message,
    });
  }
  switch (error.code) {
    case ClientErrorCodes.network:
      return t('errors.network');
    case ClientErrorCodes.badResponse:
      return t('errors.badResponse', { status: error.status });
    case ErrorCodes.unauthenticated:
      return t('errors.unauthenticated');
    case ErrorCodes.forbidden:
      return t('errors.forbidden');
    case ErrorCodes.csrf:
      return t('errors.csrf');
    case ErrorCodes.rateLimited:
      return t('errors.rateLimited');
    case ErrorCodes.notFound:
      return t('errors.notFound');
    default:
      return error.message;
  }
}

/** The cloud's codes mostly name their service already (EVS.2024); others get it in front. */
export function qualifiedCode(error: TaskError): string {
  const service = error.service?.toUpperCase();
  return service && !error.code.toUpperCase().startsWith(`${service}.`) ? `${service} ${error.code}` : error.code;
}
