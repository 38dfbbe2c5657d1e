import { defineConfig } from 'vitest/config';

// The emulator's suites start servers and child processes; the default 5 s per test is too tight
// on a loaded 2-core machine.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
