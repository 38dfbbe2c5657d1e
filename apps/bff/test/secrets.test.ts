import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { apiRoutes } from '@console/contract';
import { loadConfig } from '../src/config.ts';
import { startConsole, type RunningConsole } from '../src/server.ts';
import { SseClient } from './sse.ts';
import { redactPaths } from '../src/logger.ts';

// Distinctive values: if any of them shows up anywhere outside the BFF's memory, the scan finds it.
const secrets = {
  EMULATOR_SK: 'EmuSecretKey-SCAN-7f3a9c1e5b2d4f60a8c7e9b1d3f5a7c9',
  CLOUD_SK: 'CloudSecretKey-SCAN-1b2c3d4e5f60718293a4b5c6d7e8f90a',
  CLOUD_SECURITY_TOKEN: 'SecurityToken-SCAN-0f9e8d7c6b5a49382716f5e4d3c2b1a0',
};
const adminPassword = 'admin-password-SCAN-5e6f7a8b';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let running: RunningConsole;
const logLines: string[] = [];
const seen: string[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-secrets-'));
  Object.assign(process.env, secrets, {
    EMULATOR_PORT: '0',
    EMULATOR_SPEED: 'instant',
    CLOUD_AK: 'CLOUDAKSCAN',
    CLOUD_REGION: 'cn-north-4',
    CLOUD_PROJECT_ID: 'c'.repeat(32),
    CLOUD_ENDPOINT_TEMPLATE: 'http://127.0.0.1:9/{service}',
  });
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const log = pino({ level: 'trace', redact: { paths: redactPaths, censor: '[redacted]' } }, sink);
  const config = { ...loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, CONSOLE_ADMIN_PASSWORD: adminPassword }), webDist: '/nonexistent' };
  running = await startConsole(config, log);
}, 60_000);

afterAll(async () => {
  await running?.close();
  process.env = saved;
});

function scan(label: string, text: string) {
  for (const [name, value] of Object.entries(secrets)) expect(text.includes(value), `${name} leaked in ${label}`).toBe(false);
}

describe('secret custody', () => {
  it('keeps the secret keys and tokens out of every response, the event stream and the logs', async () => {
    const agent = request.agent(running.url);
    const login = await agent.post('/api/v1/session').send({ username: 'admin', password: adminPassword }).expect(200);
    const csrf = login.body.csrfToken as string;
    seen.push(JSON.stringify(login.body), JSON.stringify(login.headers));
    await agent.post('/api/v1/session').send({ username: 'admin', password: 'wrong' }).expect(401);

    for (const profileId of ['emulator', 'cloud', 'emulator']) {
      const r = await agent.put('/api/v1/me/profile').set('X-CSRF-Token', csrf).send({ profileId });
      seen.push(JSON.stringify(r.body), JSON.stringify(r.headers));
      for (const route of apiRoutes.filter((x) => x.method === 'GET' && !x.stream)) {
        const res = await agent.get(route.path.replace(/:(\w+)/g, 'x'));
        seen.push(`${route.path} ${res.status} ${res.text} ${JSON.stringify(res.headers)}`);
      }
    }
    const r = await agent.post('/api/v1/users').set('X-CSRF-Token', csrf).send({ username: 'scan', role: 'viewer', password: 'scan-password-123' });
    seen.push(r.text);

    const cookie = (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const sse = await SseClient.open(running.url, cookie, '0');
    await new Promise((res) => setTimeout(res, 500));
    sse.close();
    seen.push(JSON.stringify(sse.messages));

    expect(seen.length).toBeGreaterThan(20);
    scan('API responses and events', seen.join('\n'));
    expect(logLines.length).toBeGreaterThan(0);
    scan('logs', logLines.join('\n'));
    expect(logLines.join('\n')).not.toContain(adminPassword);
  });

  it('keeps them out of the built SPA bundle', () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-bundle-'));
    const build = spawnSync('pnpm', ['exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: repoRoot,
      env: { ...process.env, ...secrets, VITE_CLOUD_SK: secrets.CLOUD_SK },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    const files = fs.readdirSync(outDir, { recursive: true }).map(String).filter((f) => /\.(js|html|css|map)$/.test(f));
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    for (const f of files) scan(`bundle file ${f}`, fs.readFileSync(path.join(outDir, f), 'utf8'));
  }, 120_000);
});
