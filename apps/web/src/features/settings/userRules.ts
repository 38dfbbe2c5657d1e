import './catalogue.ts';
import type { TFunction } from 'i18next';
import { ErrorCodes, NewPasswordSchema, type User } from '@console/contract';
import type { IssueHints } from '../../components/form/fieldErrors.ts';
import type { TranslationKey } from '../../i18n/keys.ts';
import { ApiRequestError } from '../../lib/api.ts';

/** The contract's password rule, said in the reader's language with the contract's numbers. */
export function newPasswordHints(t: TFunction): IssueHints {
  return {
    too_small: t('validation.tooShort', { min: NewPasswordSchema.minLength ?? 0 }),
    too_big: t('validation.tooLong', { max: NewPasswordSchema.maxLength ?? 0 }),
  };
}

export function usernameHints(t: TFunction): IssueHints {
  return { invalid_format: t('settings.users.usernameRule'), invalid_type: t('validation.required') };
}

export interface UserContext {
  /** Who is signed in: nobody may delete their own account. */
  self: string;
  users: readonly User[];
}

const adminCount = (users: readonly User[]) => users.filter((user) => user.role === 'admin').length;

/** Why `user` cannot be deleted, as the BFF would refuse it, before anything is sent. */
export function whyNotDelete(user: User, context: UserContext): TranslationKey | undefined {
  if (user.username === context.self) return 'settings.users.reasons.self';
  if (user.role === 'admin' && adminCount(context.users) <= 1) return 'settings.users.reasons.lastAdmin';
  return undefined;
}

/** Why `user` cannot take `role`: the console must keep one admin. */
export function whyNotChangeRole(user: User, role: User['role'], context: UserContext): TranslationKey | undefined {
  if (user.role === 'admin' && role !== 'admin' && adminCount(context.users) <= 1) return 'settings.users.reasons.lastAdmin';
  return undefined;
}

export type UserAction = 'create' | 'update' | 'delete';

/**
 * The BFF's 409s, in words: a taken name on create; on change or delete, the last admin or the
 * own account. Other refusals fall back to the general wording (undefined).
 */
export function describeUserConflict(error: unknown, action: UserAction, username: string, context: Pick<UserContext, 'self'>, t: TFunction): string | undefined {
  if (!(error instanceof ApiRequestError) || error.code !== ErrorCodes.conflict) return undefined;
  if (action === 'create') return t('settings.users.errors.exists', { username });
  if (action === 'delete' && username === context.self) return t('settings.users.reasons.self');
  return t('settings.users.reasons.lastAdmin');
}
