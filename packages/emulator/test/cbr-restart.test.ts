import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorDefaults } from '../src/index.ts';
import { AZ, Client, control } from './helpers.ts';
import { backups, cbr, createVault, disk } from './cbr-helpers.ts';

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

/** The emulator as its own process at realistic speed, so a SIGKILL hits it in the middle of the work. */
async function spawnEmulator(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, EMULATOR_PORT: String(port), EMULATOR_SPEED: 'realistic' },
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

describe('CBR persistence', () => {
  it('kill -9 in the middle of a backup: after a restart the backup completes and its task succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cbr-'));
    dirs.push(dir);
    const port = await freePort();
    let child = await spawnEmulator(dir, port);
    const client = clientFor(port);
    // A frozen clock makes "the middle of the backup" exact: nothing moves until the test advances it.
    await control(client, 'POST', '/clock/freeze');
    const created = await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SSD', size: 10, name: 'precious' } } });
    const diskId = created.body.volume.id as string;
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const vault = await createVault(client, 'disk', [disk(diskId)]);
    const cp = await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { name: 'before_crash' } } } });
    expect(cp.body.checkpoint.status).toBe('protecting');
    await control(client, 'POST', '/clock/advance', { seconds: 10 });
    expect((await backups(client, { vault_id: vault.id }))[0].status).toBe('protecting');
    await killHard(child);

    child = await spawnEmulator(dir, port);
    expect((await backups(client, { vault_id: vault.id }))[0].status).toBe('protecting');
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const [done] = await backups(client, { vault_id: vault.id });
    expect(done).toMatchObject({ name: 'before_crash', status: 'available', checkpoint_id: cp.body.checkpoint.id });
    const logs = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { vault_id: vault.id, operation_type: 'backup' } });
    expect(logs.body.operation_logs).toMatchObject([{ status: 'success', extra_info: { backup: { backup_id: done.id } } }]);
    expect((await cbr(client, 'GET', `/v3/{pid}/checkpoints/${cp.body.checkpoint.id}`)).body.checkpoint.status).toBe('available');
    await killHard(child);
  }, 60_000);
});
