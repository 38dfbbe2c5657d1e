/**
 * `pnpm bench [filter…]`: runs every bench/suites/*.ts (or those whose file name contains a
 * filter word) and prints one table. Below-target rows are flagged but do not fail
 * the run: speed on shared machines is informative, not a gate.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite } from './types.ts';

const suitesDir = join(fileURLToPath(new URL('.', import.meta.url)), 'suites');
const filters = process.argv.slice(2).map((f) => f.toLowerCase());

interface Line { suite: string; row: BenchRow }

const fmtOps = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : Math.round(n).toLocaleString('en-US'));

function status(row: BenchRow): string {
  if (row.target === undefined || row.baselineOpsPerSec === undefined) return '';
  return row.opsPerSec / row.baselineOpsPerSec >= row.target ? 'ok' : 'BELOW';
}

function printTable(lines: Line[]): void {
  const header = ['suite', 'measurement', 'ops/s', 'baseline', 'baseline ops/s', 'ratio', 'target', 'status', 'notes'];
  const cells = lines.map(({ suite, row }) => [
    suite,
    row.name,
    fmtOps(row.opsPerSec),
    row.baseline ?? '',
    fmtOps(row.baselineOpsPerSec),
    row.baselineOpsPerSec ? `${(row.opsPerSec / row.baselineOpsPerSec).toFixed(2)}x` : '',
    row.target === undefined ? '' : `>=${row.target.toFixed(2)}x`,
    status(row),
    row.notes ?? '',
  ]);
  const numeric = new Set([2, 4, 5, 6]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const render = (c: string[]) => c.map((v, i) => (numeric.has(i) ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join(' | ');
  console.log(render(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const c of cells) console.log(render(c));
}

async function main(): Promise<void> {
  const files = readdirSync(suitesDir).filter((f) => f.endsWith('.ts')).sort();
  // Filtering on file names means unrelated suites are not even imported.
  const selected = files.filter((f) => filters.length === 0 || filters.some((w) => basename(f, '.ts').toLowerCase().includes(w)));
  if (selected.length === 0) {
    console.error(`no suite matches ${filters.join(' ')}; available: ${files.map((f) => basename(f, '.ts')).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const lines: Line[] = [];
  let broken = 0;
  for (const file of selected) {
    let name = basename(file, '.ts');
    try {
      const suite = (await import(pathToFileURL(join(suitesDir, file)).href)) as Partial<BenchSuite>;
      name = suite.name ?? name;
      if (typeof suite.run !== 'function') throw new Error('exports no run() function');
      console.error(`running ${name}…`);
      for (const row of await suite.run()) lines.push({ suite: name, row });
    } catch (err) {
      console.error(`suite ${name} failed:`, err);
      broken++;
    }
  }
  printTable(lines);
  const below = lines.filter(({ row }) => status(row) === 'BELOW');
  if (below.length > 0) {
    console.log(`\n${below.length} row(s) BELOW target (informative only; shared 2-core machines are noisy, compare ratios within one run).`);
  }
  // A suite that crashed is a broken benchmark, not a slow one.
  if (broken > 0) process.exitCode = 1;
}

await main();
