/**
 * The disk list in Chromium, with 10,000 disks in the cloud against 100 (the baseline, same run):
 * - time until the list is interactive: from navigation start to the first page of rows shown
 *   with the search box usable, taken from the browser's own clock;
 * - time a filter change takes to show its results: from the Enter key in the search box to the
 *   table showing only matching rows.
 * The SPA is built fresh; BFF and emulator run in this process, the browser in its own.
 */
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { createLogger } from '../../apps/bff/src/logger.ts';
import { emulatorDefaults, startEmulator } from '../../packages/emulator/src/index.ts';
import { createApp } from '../../apps/bff/src/app.ts';
import { createContext } from '../../apps/bff/src/context.ts';
import { bootstrapAdmin } from '../../apps/bff/src/auth/users.ts';
import { emulatorProfile } from '../../apps/bff/src/profiles/index.ts';
import { openDb } from '../../apps/bff/src/store/db.ts';
import type { BenchRow } from '../types.ts';

export const name = 'ui';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'bench-password-123';
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Navigation start to rows on screen and a usable search box, in the page's own milliseconds. */
async function timeToInteractive(page: Page): Promise<number> {
  await page.goto('/disks', { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const rows = document.querySelectorAll('table tbody tr a[href^="/disks/"]').length;
      const search = document.querySelector<HTMLInputElement>('input[type="search"]');
      return rows > 0 && search !== null && !search.disabled ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** From pressing Enter with a name typed to the table holding only the rows that match it. */
async function filterChange(page: Page, term: string): Promise<number> {
  const box = page.getByRole('searchbox');
  await box.fill(term);
  const started = await page.evaluate(() => performance.now());
  await box.press('Enter');
  const handle = await page.waitForFunction(
    (t) => {
      const links = [...document.querySelectorAll('table tbody tr a[href^="/disks/"]')];
      return links.length > 0 && links.every((a) => a.textContent?.includes(t)) ? performance.now() : false;
    },
    term,
    { polling: 'raf', timeout: 60_000 },
  );
  const ended = (await handle.jsonValue()) as number;
  await box.fill('');
  await box.press('Enter');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  return ended - started;
}

async function measure(page: Page, term: string): Promise<{ tti: number; filter: number }> {
  const tti: number[] = [];
  const filter: number[] = [];
  await timeToInteractive(page); // warm: caches, JIT, the emulator's statements
  for (let i = 0; i < RUNS; i++) {
    tti.push(await timeToInteractive(page));
    filter.push(await filterChange(page, term));
  }
  return { tti: median(tti), filter: median(filter) };
}

export async function run(): Promise<BenchRow[]> {
  const dist = mkdtempSync(join(tmpdir(), 'spa-ui-bench-'));
  const build = spawnSync('pnpm', ['exec', 'vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);

  const emulator = await startEmulator({ port: 0, dbPath: ':memory:', speed: 'instant', seed: 'none', quiet: true });
  const seed = (n: number) => fetch(`${emulator.url}/__emulator/seed?disks=${n}`, { method: 'POST' });
  const { region, projectId, ak } = emulator.info;
  const profile = emulatorProfile({ url: emulator.url, region, projectId, ak, sk: emulatorDefaults.sk });
  const db = openDb(':memory:');
  const ctx = createContext({ db, log: createLogger('silent'), profiles: [profile] });
  await bootstrapAdmin(ctx.users, PASSWORD);
  const server = http.createServer(createApp(ctx, { webDist: dist }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
    const login = await context.request.post('/api/v1/session', { data: { username: 'admin', password: PASSWORD } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();

    await (await seed(100)).text();
    // Scale names are scale-<type>-<six digits>; one number matches a single disk in either set.
    const small = await measure(page, '000042');
    await (await seed(9_900)).text();
    const large = await measure(page, '004242');
    return [
      {
        name: 'disk list interactive, 10,000 disks',
        opsPerSec: 1000 / large.tti,
        baseline: 'same, 100 disks',
        baselineOpsPerSec: 1000 / small.tti,
        target: 1 / 1.5,
        notes: `median ${large.tti.toFixed(0)} ms vs ${small.tti.toFixed(0)} ms from navigation start`,
      },
      {
        name: 'disk list filter change, 10,000 disks',
        opsPerSec: 1000 / large.filter,
        baseline: 'same, 100 disks',
        baselineOpsPerSec: 1000 / small.filter,
        target: 1 / 1.5,
        notes: `median ${large.filter.toFixed(0)} ms vs ${small.filter.toFixed(0)} ms from Enter to rows`,
      },
    ];
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    await emulator.close();
    db.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
