export type * from './types-vault.ts';
export type * from './types-backup.ts';
export type * from './types-policy.ts';
export type * from './types-member.ts';
