import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const dirs = ['apps/bff', 'apps/web', ...readdirSync('packages').map((d) => `packages/${d}`)];

// One run over every workspace package, one summary. Each package is a project that inherits the
// timeouts below: suites start servers and child processes, and the default 5 s per test is too
// tight on a loaded 2-core machine (speed belongs in benchmarks, not in test timeouts).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: dirs.map((root) => ({ extends: true, test: { name: `@console/${root.split('/')[1]}`, root, include: ['test/**/*.test.ts'] } })),
  },
});
