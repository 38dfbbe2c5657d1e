import { defineConfig } from 'vitest/config';

// One run over every workspace package, one summary.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/bff', 'apps/web'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
