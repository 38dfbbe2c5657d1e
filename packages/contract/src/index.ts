export * from './errors.ts';
export * from './session.ts';
export * from './users.ts';
export * from './profiles.ts';
export * from './audit.ts';
export * from './tasks.ts';
export * from './api.ts';
