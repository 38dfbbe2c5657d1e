import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('production start', () => {
  it('runs the bundled server with plain node: ready, serving, and stopping cleanly on SIGTERM', async () => {
    const bundle = path.join(repoRoot, 'apps/bff/dist', `server-test-${process.pid}.mjs`);
    const built = spawnSync('node', ['scripts/build-server.mjs', bundle], { cwd: repoRoot, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-prod-'));
    // started from another directory: nothing may depend on the repository being the cwd
    const child = spawn('node', [bundle], {
      cwd: os.tmpdir(),
      env: { ...process.env, PORT: '0', EMULATOR_PORT: '0', DATA_DIR: dataDir, CONSOLE_ADMIN_PASSWORD: 'prod-test-password', LOG_LEVEL: 'warn' },
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start banner: ${out}`)), 30_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /running at (http:\/\/[\d.:]+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const ready = await fetch(`${url}/api/ready`);
      expect(ready.status).toBe(200);
      const login = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'prod-test-password' }),
      });
      expect(login.status).toBe(200);
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(bundle, { force: true });
      fs.rmSync(`${bundle}.map`, { force: true });
    }
  }, 90_000);
});
