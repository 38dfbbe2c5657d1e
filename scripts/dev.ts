// `pnpm dev`: the BFF (with the embedded emulator) restarting on change, and Vite with hot reload
// in front of it. Open the Vite URL; /api is proxied to the BFF.
import { spawn, type ChildProcess } from 'node:child_process';

const bffPort = process.env.PORT ?? '8080';
const children: ChildProcess[] = [];

function start(name: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn('pnpm', ['exec', ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    console.log(`[dev] ${name} exited (${code ?? signal}); stopping the rest`);
    stop(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('bff', ['tsx', 'watch', '--clear-screen=false', 'apps/bff/src/main.ts'], { PORT: bffPort });
start('vite', ['vite'], { BFF_PORT: bffPort });
