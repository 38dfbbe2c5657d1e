export type * from './types-disk.ts';
export type * from './types-snapshot.ts';
export type * from './types-misc.ts';
