import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorDefaults, startEmulator, type RunningEmulator } from '../src/index.ts';
import { AZ, Client, type Json } from './helpers.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
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

/** `pnpm emulator` as a separate process (node with tsx's loader, so a SIGKILL hits the server itself). */
async function spawnEmulator(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, EMULATOR_PORT: String(port), EMULATOR_SPEED: '2' },
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

async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('persistence', () => {
  it('kill -9 in the middle of a create: after a restart the disk is available and the job SUCCESS', async () => {
    const dir = tempDir();
    const port = await freePort();
    let child = await spawnEmulator(dir, port);
    const client = clientFor(port);
    const created = await client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SSD', size: 10, name: 'survivor', count: 2 } } });
    expect(created.status).toBe(202);
    const job = () => client.evs('GET', `/v1/{pid}/jobs/${created.body.job_id}`);
    await until(job, (r) => r.body.status === 'RUNNING', 'the job to run');
    await killHard(child);

    child = await spawnEmulator(dir, port);
    const done = await until(job, (r) => r.body.status === 'SUCCESS', 'the job to finish after the restart');
    expect(done.body.entities.sub_jobs.map((s: Json) => s.status)).toEqual(['SUCCESS', 'SUCCESS']);
    for (const id of created.body.volume_ids) {
      const v = await client.evs('GET', `/v2/{pid}/cloudvolumes/${id}`);
      expect(v.body.volume).toMatchObject({ status: 'available', name: expect.stringMatching(/^survivor-000[12]$/) });
    }
    // The demo set was seeded on the first start only.
    const names = (await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { name: 'web-01-data' } })).body.volumes;
    expect(names).toHaveLength(1);
    await killHard(child);
  }, 60_000);

  it('keeps everything acknowledged across a clean restart, tokens included', async () => {
    const dir = tempDir();
    let emulator: RunningEmulator = await startEmulator({ port: 0, dataDir: dir, speed: 'instant', quiet: true });
    let client = new Client(emulator);
    const token = await client.token();
    const r = await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.b, volume_type: 'GPSSD', size: 30, name: 'kept' } } });
    const id = r.body.volume.id;
    await client.evs('POST', `/v2/{pid}/volumes/${id}/metadata`, { body: { metadata: { owner: 'qa' } } });
    await emulator.close();

    emulator = await startEmulator({ port: 0, dataDir: dir, speed: 'instant', quiet: true });
    client = new Client(emulator);
    const v = await client.evs('GET', `/v2/{pid}/volumes/${id}`, { auth: 'none', headers: { 'X-Auth-Token': token } });
    expect(v.status).toBe(200);
    expect(v.body.volume).toMatchObject({ name: 'kept', status: 'available', metadata: { owner: 'qa' } });
    await emulator.close();
  });
});
