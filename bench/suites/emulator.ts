/**
 * Emulator throughput over real HTTP on loopback: requests per second for a disk detail and for a
 * 100-disk page of a 10,000-disk list, each against a bare node:http server answering a constant
 * JSON body in the same run. Servers run in their own processes (as they do in use), autocannon in
 * this one; every emulator request carries an SDK-HMAC-SHA256 signature that the emulator verifies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from '../../packages/signer/src/index.ts';
import { emulatorDefaults } from '../../packages/emulator/src/config.ts';
import type { BenchRow } from '../types.ts';

export const name = 'emulator';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'packages/emulator/src/main.ts');
// autocannon is a devDependency of the emulator package, not of the workspace root.
const requireFromEmulator = createRequire(join(ROOT, 'packages/emulator/package.json'));

interface CannonResult {
  requests: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
}
type Cannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<CannonResult>;
const autocannon = requireFromEmulator('autocannon') as Cannon;

const CONNECTIONS = 50;
const SECONDS = 3;
const ROUNDS = 3;

const BARE_SERVER = `
const body = JSON.stringify({ volume: { id: '591ac654-26d8-41be-bb77-4f90699d2d41', name: 'constant', status: 'available', size: 40 } });
const server = require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
`;

function startProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on \S+/.test(output)) resolve({ child, output });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function post(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

function getJson(url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function rate(url: string, headers?: Record<string, string>): Promise<number> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...(headers ? { headers } : {}) });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return r.requests.total / r.duration;
}

/** Signed once: X-Sdk-Date stays inside the 15-minute window for the whole run, and the emulator verifies it on every request. */
function signedHeaders(url: string): Record<string, string> {
  return sign({ method: 'GET', url }, { ak: emulatorDefaults.ak, sk: emulatorDefaults.sk, projectId: emulatorDefaults.projectId });
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'emulator-bench-'));
  const children: ChildProcess[] = [];
  try {
    const bare = await startProcess(['-e', BARE_SERVER], {});
    children.push(bare.child);
    const barePort = /listening on (\d+)/.exec(bare.output)![1];
    const emu = await startProcess(['--import', 'tsx', MAIN], { DATA_DIR: dataDir, EMULATOR_PORT: '0', EMULATOR_SPEED: 'instant' });
    children.push(emu.child);
    const base = /listening on (http:\/\/\S+)/.exec(emu.output)![1]!;
    if ((await post(`${base}/__emulator/seed?disks=10000`)) !== 201) throw new Error('seeding 10,000 disks failed');

    const pid = emulatorDefaults.projectId;
    const listUrl = `${base}/evs/v2/${pid}/cloudvolumes/detail?limit=100&offset=5000`;
    const listHeaders = signedHeaders(listUrl);
    const page = await getJson(listUrl, listHeaders);
    const pageBody = page.body as { count: number; volumes: { id: string }[] };
    if (page.status !== 200 || pageBody.count < 10_000 || pageBody.volumes.length !== 100) throw new Error(`unexpected list answer ${page.status}`);
    const detailUrl = `${base}/evs/v2/${pid}/cloudvolumes/${pageBody.volumes[0]!.id}`;
    const detailHeaders = signedHeaders(detailUrl);
    const bareUrl = `http://127.0.0.1:${barePort}/`;

    // Alternating rounds, best of each: other load on a shared machine only ever slows a round down.
    const best = { bare: 0, detail: 0, list: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      best.bare = Math.max(best.bare, await rate(bareUrl));
      best.detail = Math.max(best.detail, await rate(detailUrl, detailHeaders));
      best.list = Math.max(best.list, await rate(listUrl, listHeaders));
    }
    const baseline = `bare node:http, constant JSON (${CONNECTIONS} connections)`;
    return [
      { name: 'GET disk detail, AK/SK signed', opsPerSec: best.detail, baseline, baselineOpsPerSec: best.bare, target: 0.4 },
      { name: 'GET 100-disk page of 10,000, AK/SK signed', opsPerSec: best.list, baseline, baselineOpsPerSec: best.bare },
    ];
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
