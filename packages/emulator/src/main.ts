import { parseSpeed } from './clock/clock.ts';
import { startEmulator } from './app.ts';
import { emulatorDefaults } from './config.ts';

/** `pnpm emulator`: the emulator on its own, configured from the environment. */
const env = process.env;
const port = env.EMULATOR_PORT === undefined ? 9000 : Number(env.EMULATOR_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`EMULATOR_PORT must be a port number, got "${env.EMULATOR_PORT}"`);
  process.exit(2);
}

const emulator = await startEmulator({
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
});

const { info } = emulator;
console.log(`Cloud emulator listening on ${emulator.url}`);
console.log(`  region      ${info.region}`);
console.log(`  project id  ${info.projectId}`);
console.log(`  AK          ${info.ak}   (SK: see EMULATOR_SK or packages/emulator/README.md)`);
for (const [name, url] of Object.entries(info.endpoints)) console.log(`  ${name.padEnd(11)} ${url}`);
console.log(`  control     ${emulator.url}/__emulator/info`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  emulator.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
