// The one test command: type-check, lint, unit and integration tests, then the Playwright
// walkthroughs in Debian's Chromium. Ends with the line "N passed, N failed" and exits non-zero
// on any failure. `--no-e2e` skips the browser part while developing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = [];

function run(label, cmd, cmdArgs, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${cmdArgs.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${label}: ${r.status === 0 ? 'ok' : `failed (exit ${r.status ?? r.signal})`} in ${seconds}s`);
  return r.status === 0;
}

function ensureChromium() {
  if (existsSync(chromium)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`\nChromium is missing at ${chromium}. Install Debian's package, then run the tests again:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to an existing Chromium binary)`);
    return false;
  }
  console.log(`\nChromium is missing at ${chromium}; installing Debian's chromium package with apt.`);
  return run('apt-get update', 'apt-get', ['update', '-qq']) &&
    run('install chromium', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

results.push({ name: 'type-check', ok: run('type-check', 'pnpm', ['run', '--silent', 'typecheck']) });
results.push({ name: 'lint', ok: run('lint', 'pnpm', ['run', '--silent', 'lint']) });

run('unit and integration tests', 'pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'], { NO_COLOR: '1' });
const vitest = readJson('reports/vitest.json');

let e2e = null;
if (args.has('--no-e2e')) {
  console.log('\n=== Playwright: skipped (--no-e2e)');
} else if (ensureChromium()) {
  rmSync('.e2e-data', { recursive: true, force: true });
  run('Playwright in Chromium', 'pnpm', ['exec', 'playwright', 'test', '--reporter=list,json,html'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: 'reports/e2e.json',
    // the HTML report keeps each walkthrough's screenshots (Chinese and dark included) for a person to look at
    PLAYWRIGHT_HTML_OUTPUT_DIR: 'reports/e2e-html',
    PLAYWRIGHT_HTML_OPEN: 'never',
  });
  e2e = readJson('reports/e2e.json');
}

let passed = 0, failed = 0, skipped = 0;
for (const r of results) {
  if (r.ok) passed++;
  else failed++;
}
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // a suite that fails to load (syntax error, missing module) has no tests to count
  if (!vitest.success && vitest.numFailedTests === 0) failed += 1;
} else failed += 1;
if (!args.has('--no-e2e')) {
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
    skipped += e2e.stats.skipped;
    if ((e2e.errors ?? []).length > 0 && e2e.stats.unexpected === 0) failed += 1;
  } else failed += 1;
}

for (const r of results) if (!r.ok) console.log(`failed check: ${r.name}`);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed ? 1 : 0);
