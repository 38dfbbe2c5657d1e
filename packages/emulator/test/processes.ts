import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { emulatorDefaults } from '../src/index.ts';
import { Client } from './helpers.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** An emulator process the test can kill and start again; its client works across restarts. */
export interface CrashableEmulator {
  client: Client;
  /** SIGKILL: the process gets no chance to flush or close anything. */
  crash(): Promise<void>;
  /** Starts the emulator again on the same store and port. */
  restart(): Promise<void>;
}

/**
 * The emulator as separate processes, for restart tests: spawned like `pnpm emulator` (node with
 * tsx's loader, so a SIGKILL hits the server itself, not a wrapper) at the given clock speed,
 * killed hard, started again on the same store. Everything is cleaned up after the file's tests.
 */
export function emulatorProcesses(speed: string) {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function tempDir(): string {
    const d = mkdtempSync(join(tmpdir(), 'emulator-test-'));
    dirs.push(d);
    return d;
  }

  function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
  }

  async function spawnEmulator(dataDir: string, port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, EMULATOR_PORT: String(port), EMULATOR_SPEED: speed },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
    });
    return child;
  }

  function killHard(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  function clientFor(port: number): Client {
    const url = `http://127.0.0.1:${port}`;
    const info = { region: 'cn-north-4', projectId: emulatorDefaults.projectId, ak: emulatorDefaults.ak, domainName: '', userName: '', endpoints: { iam: `${url}/iam`, evs: `${url}/evs` } };
    return new Client({ url, port, info, close: async () => {} });
  }

  return {
    /** A store directory removed after the file's tests. */
    tempDir,

    /** An emulator process on a fresh store and port. */
    async start(): Promise<CrashableEmulator> {
      const dir = tempDir();
      const port = await freePort();
      let child = await spawnEmulator(dir, port);
      return {
        client: clientFor(port),
        crash: () => killHard(child),
        restart: async () => {
          child = await spawnEmulator(dir, port);
        },
      };
    },
  };
}

/** Polls until `done` holds (about 10 s at most). */
export async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}
