import { defineConfig, devices } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.E2E_PORT ?? 8181);
// A non-default port gets its own build and data directory, so two suites can run side by side.
const suffix = process.env.E2E_PORT ? `-${port}` : '';
export const e2eAdminPassword = 'e2e-admin-password';
export const secondRegion = 'cn-south-1';

// The walkthroughs start the console exactly as a user does (`pnpm start`), on its own port and
// data directory, and drive it in Debian's Chromium: Playwright never downloads a browser.
export default defineConfig({
  testDir: './e2e',
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  outputDir: `test-results${suffix}`,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
  webServer: [{
    command: 'pnpm start',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: `.e2e-data${suffix}`,
      WEB_DIST: fileURLToPath(new URL(`./apps/web/dist${suffix}`, import.meta.url)),
      CONSOLE_ADMIN_PASSWORD: e2eAdminPassword,
      EMULATOR_PORT: String(port + 1),
      // backups made by policies are looked for every 2 s rather than 30, so walkthroughs need not wait
      BACKUP_WATCH_SECONDS: '2',
      // request lines (a refused /me is a warning) would drown the test report; errors still show
      LOG_LEVEL: 'error',
      // A second profile, as a real-cloud one is configured, on a second emulator standing in for
      // another region: profile switching is walked through in the browser.
      CLOUD_PROFILE_ID: 'second',
      CLOUD_PROFILE_NAME: 'Second region',
      CLOUD_AK: 'EMULATORAK0000000001',
      CLOUD_SK: 'EmulatorSecretKey000000000000000000000001',
      CLOUD_REGION: secondRegion,
      CLOUD_PROJECT_ID: '2f0c8a6e4b1d4c3e9a7f5b2d8c6e0a41',
      CLOUD_ENDPOINT_TEMPLATE: `http://127.0.0.1:${port + 2}/{service}`,
    },
  }, {
    command: 'pnpm emulator',
    url: `http://127.0.0.1:${port + 2}/__emulator/info`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      EMULATOR_PORT: String(port + 2),
      DATA_DIR: `.e2e-data${suffix}/second`,
      EMULATOR_REGION: secondRegion,
      EMULATOR_PROJECT_ID: '2f0c8a6e4b1d4c3e9a7f5b2d8c6e0a41',
      EMULATOR_SPEED: 'instant',
    },
  }],
});
