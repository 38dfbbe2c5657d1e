import type { TFunction } from 'i18next';
import { ErrorCodes, LoginRequestSchema, type LoginRequest } from '@console/contract';
import { ApiRequestError } from '../../lib/api.ts';
import { errorText } from '../../components/errorText.ts';

export type LoginField = keyof LoginRequest;
export type LoginFieldErrors = Partial<Record<LoginField, string>>;

const loginFields: readonly LoginField[] = ['username', 'password'];

/** The parts of a zod issue this form reads; zod's own issue types are assignable to it. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

function isLoginField(value: unknown): value is LoginField {
  return loginFields.includes(value as LoginField);
}

/** Says a schema rule in the reader's language instead of the schema's English message. */
export function issueText(issue: IssueLike, t: TFunction): string {
  if (issue.code === 'too_small' && 'minimum' in issue && Number(issue.minimum) <= 1) return t('validation.required');
  if (issue.code === 'too_big' && 'maximum' in issue) return t('validation.tooLong', { max: Number(issue.maximum) });
  return t('validation.invalid');
}

export type LoginValidation =
  | { ok: true; data: LoginRequest }
  | { ok: false; errors: LoginFieldErrors };

/** Runs the same schema the BFF applies, so most mistakes are caught before a request is sent. */
export function validateLogin(values: LoginRequest, t: TFunction): LoginValidation {
  const result = LoginRequestSchema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrorsFromIssues(result.error.issues, t) };
}

export function fieldErrorsFromIssues(issues: readonly IssueLike[], t: TFunction): LoginFieldErrors {
  const errors: LoginFieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    // The first problem per field is the one to fix first; more would only crowd the form.
    if (isLoginField(field) && errors[field] === undefined) errors[field] = issueText(issue, t);
  }
  return errors;
}

export interface LoginRefusal {
  /** Shown above the form. */
  message?: string;
  /** Shown under the fields the BFF named. */
  fields: LoginFieldErrors;
}

/** Turns the BFF's refusal of a login into words for the form. */
export function describeLoginError(error: unknown, t: TFunction): LoginRefusal {
  if (error instanceof ApiRequestError) {
    if (error.code === ErrorCodes.badCredentials) return { message: t('login.badCredentials'), fields: {} };
    if (error.code === ErrorCodes.rateLimited) return { message: t('login.rateLimited'), fields: {} };
    if (error.code === ErrorCodes.validation && error.fields.length > 0) {
      const fields: LoginFieldErrors = {};
      for (const { path, message } of error.fields) {
        const field = path.split('.').at(-1);
        if (isLoginField(field) && fields[field] === undefined) fields[field] = message;
      }
      if (Object.keys(fields).length > 0) return { fields };
    }
  }
  return { message: t('login.failed', { reason: errorText(error, t) }), fields: {} };
}
