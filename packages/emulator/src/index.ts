export { startEmulator } from './app.ts';
export { emulatorDefaults } from './config.ts';
export type { EmulatorInfo, EmulatorOptions, RunningEmulator } from './config.ts';
export type { Speed } from './clock/clock.ts';
export { DEMO_SERVERS } from './seed/demo.ts';
export { emulatorOptionsFromEnv } from './env.ts';
