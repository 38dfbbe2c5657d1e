import path from 'node:path';

export interface ConsoleConfig {
  host: string;
  port: number;
  dataDir: string;
  /** When set, the admin's password is (re)set to it at every start. */
  adminPassword: string | undefined;
  /** Mark the session cookie Secure (set when the console is served over HTTPS). */
  secureCookies: boolean;
  /** Absolute path of the built SPA; served when it exists. */
  webDist: string;
  logLevel: string;
  sessionIdleMinutes: number;
  /** Run the cloud emulator in this process and offer it as the `emulator` profile. */
  embeddedEmulator: boolean;
  metricsToken: string | undefined;
  /** Seconds between looks for backups made outside the console (policies, other tools); 0 = never. */
  backupWatchSeconds: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be an integer between 0 and 65535, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFrom(env.PORT, 8080, 'PORT'),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    adminPassword: env.CONSOLE_ADMIN_PASSWORD || undefined,
    secureCookies: env.COOKIE_SECURE === 'true',
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 12 * 60, 'SESSION_IDLE_MINUTES'),
    embeddedEmulator: env.EMULATOR !== 'off',
    metricsToken: env.METRICS_TOKEN || undefined,
    backupWatchSeconds: intFrom(env.BACKUP_WATCH_SECONDS, 30, 'BACKUP_WATCH_SECONDS'),
  };
}
