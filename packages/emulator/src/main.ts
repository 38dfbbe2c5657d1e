import { startEmulator } from './app.ts';
import { emulatorOptionsFromEnv } from './env.ts';

/** `pnpm emulator`: the emulator on its own, configured from the environment. */
let options;
try {
  options = emulatorOptionsFromEnv(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const emulator = await startEmulator(options);

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
