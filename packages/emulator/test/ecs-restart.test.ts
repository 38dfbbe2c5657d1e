import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorDefaults } from '../src/index.ts';
import { Client, type Json, type Reply } from './helpers.ts';
import { ecs, serverBody } from './ecs-helpers.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `pnpm emulator` as its own process, so a SIGKILL hits the server itself. */
async function spawnEmulator(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, EMULATOR_PORT: String(port), EMULATOR_SPEED: '10' },
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

async function until(probe: () => Promise<Reply>, done: (v: Reply) => boolean, what: string): Promise<Reply> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('ECS persistence', () => {
  it('kill -9 in the middle of a create: after a restart the servers run with their disks attached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-ecs-'));
    dirs.push(dir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const info = { region: 'cn-north-4', projectId: emulatorDefaults.projectId, ak: emulatorDefaults.ak, domainName: '', userName: '', endpoints: { iam: `${url}/iam`, evs: `${url}/evs` } };
    const client = new Client({ url, port, info, close: async () => {} });
    let child = await spawnEmulator(dir, port);
    const created = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ name: 'survivor', count: 2 }) });
    expect(created.status).toBe(200);
    const job = () => ecs(client, 'GET', `/v1/{pid}/jobs/${created.body.job_id}`);
    await until(job, (r) => r.body.status === 'RUNNING', 'the create job to run');
    await killHard(child);

    child = await spawnEmulator(dir, port);
    const done = await until(job, (r) => r.body.status === 'SUCCESS', 'the create job to finish after the restart');
    expect(done.body.entities.sub_jobs.map((s: Json) => s.status)).toEqual(['SUCCESS', 'SUCCESS']);
    for (const id of created.body.serverIds as string[]) {
      const s = await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}`);
      expect(s.body.server).toMatchObject({ status: 'ACTIVE', name: expect.stringMatching(/^survivor-000[01]$/) });
      const disks = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { server_id: id } });
      expect(disks.body.volumes.map((v: Json) => v.status)).toEqual(['in-use', 'in-use']);
    }
    // The demo servers were seeded on the first start, with the demo disks attached to them.
    const web = await ecs(client, 'GET', '/v2.1/{pid}/servers/c3d3250c-7ce5-42cc-b620-dd2b63d19ca5');
    expect(web.body.server['os-extended-volumes:volumes_attached']).toHaveLength(3);
    await killHard(child);
  }, 60_000);
});
