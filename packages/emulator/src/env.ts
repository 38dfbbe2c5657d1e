import { parseSpeed } from './clock/clock.ts';
import { emulatorDefaults, type EmulatorOptions } from './config.ts';

/**
 * The emulator's settings from the environment, shared by `pnpm emulator` and the console that
 * embeds it, so both read the same variables the same way.
 */
export function emulatorOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EmulatorOptions & { port: number; sk: string } {
  const port = env.EMULATOR_PORT === undefined || env.EMULATOR_PORT === '' ? 9000 : Number(env.EMULATOR_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`EMULATOR_PORT must be a port number, got "${env.EMULATOR_PORT}"`);
  }
  return {
    host: env.EMULATOR_HOST || '127.0.0.1',
    port,
    dataDir: env.DATA_DIR || './data',
    speed: parseSpeed(env.EMULATOR_SPEED) ?? 'realistic',
    region: env.EMULATOR_REGION || emulatorDefaults.region,
    projectId: env.EMULATOR_PROJECT_ID || emulatorDefaults.projectId,
    ak: env.EMULATOR_AK || emulatorDefaults.ak,
    sk: env.EMULATOR_SK || emulatorDefaults.sk,
    seed: 'if-empty',
    quiet: true,
  };
}
