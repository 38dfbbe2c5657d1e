/**
 * The BFF's own costs, each against a baseline from the same run:
 * - a 1,000-disk list through the console API versus the same upstream call made directly with
 *   the signed cloud client (target: the console takes at most 1.3x as long), next to the floor
 *   that any second HTTP hop carrying the same JSON page has on this machine, and the same pair with
 *   the emulator answering 50 ms later, as a real cloud would;
 * - event latency from the moment a change is known to 1,000 connected SSE clients (p50, p99);
 * - upstream polls per task with 50 browsers watching (must be one per interval).
 * Emulator, BFF and clients share this process, so the figures are relative, not capacity.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../apps/bff/src/logger.ts';
import { emulatorDefaults, startEmulator } from '../../packages/emulator/src/index.ts';
import { createApp } from '../../apps/bff/src/app.ts';
import { createContext } from '../../apps/bff/src/context.ts';
import { bootstrapAdmin } from '../../apps/bff/src/auth/users.ts';
import { emulatorProfile } from '../../apps/bff/src/profiles/index.ts';
import { openDb } from '../../apps/bff/src/store/db.ts';
import type { Probe } from '../../apps/bff/src/tasks/types.ts';
import type { BenchRow } from '../types.ts';

export const name = 'bff';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function medianMs(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const UPSTREAM_LATENCY_MS = 50;

async function listOverhead(): Promise<BenchRow[]> {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:', speed: 'instant', seed: 'none', quiet: true });
  await fetch(`${emulator.url}/__emulator/seed?disks=1000`, { method: 'POST' });
  const { region, projectId, ak } = emulator.info;
  const profile = emulatorProfile({ url: emulator.url, region, projectId, ak, sk: emulatorDefaults.sk });
  const db = openDb(':memory:');
  const ctx = createContext({ db, log: createLogger('silent'), profiles: [profile] });
  await bootstrapAdmin(ctx.users, 'bench-password-123');
  const server = http.createServer(createApp(ctx));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-password-123' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const evs = ctx.cloud.forProfile(profile).evs;

  const direct = () => evs.listDisks({ limit: 1000 });
  const viaBff = async () => {
    const res = await fetch(`${url}/api/v1/disks?limit=1000`, { headers: { cookie } });
    const body = (await res.json()) as { items: unknown[] };
    if (body.items.length !== 1000) throw new Error(`expected 1000 disks, got ${body.items.length}`);
  };
  // The floor of any second hop: the console's finished page, already serialised, served by a bare
  // node:http server and parsed by the client. No mapping, middleware or upstream call.
  const page = await (await fetch(`${url}/api/v1/disks?limit=1000`, { headers: { cookie } })).text();
  const bare = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(page));
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const hop = async () => ((await (await fetch(bareUrl)).json()) as { items: unknown[] }).items.length;

  for (let i = 0; i < 5; i++) await Promise.all([direct(), viaBff(), hop()]);
  // alternate them so all see the same machine load
  let d = Infinity, b = Infinity, h = Infinity;
  for (let round = 0; round < 4; round++) {
    d = Math.min(d, await medianMs(direct, 15));
    b = Math.min(b, await medianMs(viaBff, 15));
    h = Math.min(h, await medianMs(hop, 15));
  }
  // The same pair with the cloud answering 50 ms later, as a modest real EVS would for 1,000 disks:
  // what the console's fixed cost weighs once the upstream call is not in-process.
  const slow = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'latency', service: 'evs', fixedMs: UPSTREAM_LATENCY_MS }) });
  if (slow.status !== 201) throw new Error(`latency fault refused: ${slow.status}`);
  let ds = Infinity, bs = Infinity;
  for (let round = 0; round < 2; round++) {
    ds = Math.min(ds, await medianMs(direct, 7));
    bs = Math.min(bs, await medianMs(viaBff, 7));
  }
  server.closeAllConnections();
  server.close();
  bare.close();
  await emulator.close();
  db.close();
  return [
    {
      name: '1,000-disk list through the console API',
      opsPerSec: 1000 / b,
      baseline: 'same EVS list, signed client direct',
      baselineOpsPerSec: 1000 / d,
      target: 1 / 1.3,
      notes: `median ${b.toFixed(1)} ms vs ${d.toFixed(1)} ms; console's own part ${(b - d - h).toFixed(1)} ms`,
    },
    {
      name: 'floor: direct call + bare hop of the same page',
      opsPerSec: 1000 / (d + h),
      baseline: 'same EVS list, signed client direct',
      baselineOpsPerSec: 1000 / d,
      notes: `${(page.length / 1024).toFixed(0)} KiB page over bare node:http + JSON.parse: ${h.toFixed(1)} ms`,
    },
    {
      name: `same list, the cloud answering ${UPSTREAM_LATENCY_MS} ms later`,
      opsPerSec: 1000 / bs,
      baseline: `same EVS list, signed client direct, +${UPSTREAM_LATENCY_MS} ms`,
      baselineOpsPerSec: 1000 / ds,
      notes: `median ${bs.toFixed(1)} ms vs ${ds.toFixed(1)} ms (injected latency fault; not the target's baseline)`,
    },
  ];
}

async function eventFanOut(): Promise<BenchRow[]> {
  let polls = 0;
  let answer: 'running' | 'succeeded' = 'running';
  const probe: Probe = async () => {
    polls++;
    return answer === 'running' ? { state: 'running' } : { state: 'succeeded' };
  };
  const profile = emulatorProfile({ url: 'http://127.0.0.1:9', region: 'cn-north-4', projectId: 'b'.repeat(32), ak: 'AK', sk: 'SK-bench' });
  const db = openDb(':memory:');
  const interval = 50;
  const ctx = createContext({ db, log: createLogger('silent'), profiles: [profile], probe, pollTiming: { firstMs: interval, factor: 1, maxMs: interval } });
  await bootstrapAdmin(ctx.users, 'bench-password-123');
  const server = http.createServer(createApp(ctx));
  server.maxConnections = 5000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-password-123' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  const open = (onEvent: (id: string) => void) =>
    new Promise<http.ClientRequest>((resolve) => {
      const req = http.get({ port, host: '127.0.0.1', path: '/api/v1/events', headers: { cookie }, agent }, (res) => {
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const m = /"id":"(bench-\d+)"/.exec(block);
            if (m) onEvent(m[1]!);
          }
        });
        resolve(req);
      });
    });
  const clients: http.ClientRequest[] = [];
  for (let i = 0; i < 1000; i++) {
    clients.push(await open((id) => {
      const t = sentAt.get(id);
      if (t !== undefined) latencies.push(performance.now() - t);
    }));
  }
  for (let n = 0; n < 20; n++) {
    const id = `bench-${n}`;
    sentAt.set(id, performance.now());
    ctx.bus.publish(profile.id, { type: 'resource', resource: { type: 'disk', id }, status: 'available' });
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  const sorted = latencies.sort((a, b) => a - b);
  const deliveries = latencies.length;

  // 50 browsers watch one task; the tracker must still poll once per interval.
  for (const c of clients.splice(50)) c.destroy();
  ctx.tracker.start();
  polls = 0;
  const started = performance.now();
  const task = ctx.tasks.start({ kind: 'disk.create', profileId: profile.id, username: 'admin', targets: [], subtasks: [{ tracking: { mode: 'job', service: 'evs', jobId: 'j' } }] });
  await new Promise((r) => setTimeout(r, interval * 20));
  answer = 'succeeded';
  while (ctx.taskStore.get(task.id)!.task.status === 'running') await new Promise((r) => setTimeout(r, 10));
  const elapsed = performance.now() - started;
  const intervals = elapsed / interval;
  await ctx.tracker.stop();
  for (const c of clients) c.destroy();
  agent.destroy();
  server.closeAllConnections();
  server.close();
  db.close();
  return [
    {
      name: 'event to 1,000 SSE clients',
      opsPerSec: NaN,
      notes: `${deliveries}/${20 * 1000} delivered; latency p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
    },
    {
      name: 'upstream polls of one task, 50 watchers',
      opsPerSec: NaN,
      notes: `${polls} polls in ${intervals.toFixed(1)} intervals of ${interval} ms (${(polls / intervals).toFixed(2)} per interval; must be <= 1)`,
    },
  ];
}

export async function run(): Promise<BenchRow[]> {
  return [...(await listOverhead()), ...(await eventFanOut())];
}
