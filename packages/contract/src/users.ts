import { z } from 'zod';
import { RoleSchema } from './session.ts';

const usernamePattern = /^[a-z][a-z0-9._-]{1,31}$/;

export const UsernameSchema = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .regex(usernamePattern, '2–32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter');

/** At least 12 characters: long passphrases beat composition rules. */
export const NewPasswordSchema = z
  .string({ error: 'required' })
  .min(12, 'at least 12 characters')
  .max(256, 'at most 256 characters');

export const UserSchema = z.object({
  username: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema) });
export type UserList = z.infer<typeof UserListSchema>;

export const CreateUserSchema = z.object({
  username: UsernameSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({ role: RoleSchema.optional(), password: NewPasswordSchema.optional() })
  .refine((v) => v.role !== undefined || v.password !== undefined, { message: 'give a role or a password to change' });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ChangeOwnPasswordSchema = z.object({
  currentPassword: z.string({ error: 'required' }).min(1, 'required'),
  newPassword: NewPasswordSchema,
});
export type ChangeOwnPassword = z.infer<typeof ChangeOwnPasswordSchema>;
