/**
 * The SPA's first page: builds it into a temporary folder and weighs the JavaScript the browser
 * loads before anything else (entry + preloaded modules), gzipped. Budget: 200 KB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error a plain ES module script without types
import { initialJs } from '../../scripts/initial-js.mjs';
import type { BenchRow } from '../types.ts';

export const name = 'bundle';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUDGET_KB = 200;

export async function run(): Promise<BenchRow[]> {
  const out = mkdtempSync(join(tmpdir(), 'spa-bench-'));
  try {
    const build = spawnSync('pnpm', ['exec', 'vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
    const r = initialJs(out) as { rows: { file: string; gzip: number }[]; gzip: number; bytes: number };
    const kb = r.gzip / 1024;
    return [
      {
        name: 'first page JavaScript, gzipped',
        opsPerSec: NaN,
        notes: `${kb.toFixed(1)} KB in ${r.rows.length} files (${(r.bytes / 1024).toFixed(0)} KB raw); budget ${BUDGET_KB} KB: ${kb <= BUDGET_KB ? 'ok' : 'OVER'}`,
      },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
