export type * from './types-server.ts';
export type * from './types-ops.ts';
export type * from './types-os.ts';
