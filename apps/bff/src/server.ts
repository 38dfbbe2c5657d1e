import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { loadProfiles, type EmbeddedEmulator } from './profiles/index.ts';
import { emulatorOptionsFromEnv, startEmulator, type RunningEmulator } from '@console/emulator';
import { createApp } from './app.ts';
import type { ConsoleConfig } from './config.ts';
import { bootstrapAdmin } from './auth/users.ts';
import { openDb } from './store/db.ts';
import { createContext } from './context.ts';

export interface RunningConsole {
  url: string;
  close(): Promise<void>;
}

/** Opens the store, makes sure an admin exists, and serves the API and the SPA on one port. */
export async function startConsole(config: ConsoleConfig, log: Logger): Promise<RunningConsole> {
  const db = openDb(path.join(config.dataDir, 'console.db'));

  const emulator = config.embeddedEmulator ? await startEmbeddedEmulator(config.dataDir) : undefined;
  const profiles = loadProfiles(process.env, config.dataDir, emulator?.profile);

  const ctx = createContext({ db, log, profiles, sessionIdleMinutes: config.sessionIdleMinutes, backupWatchMs: config.backupWatchSeconds * 1000 });
  const boot = await bootstrapAdmin(ctx.users, config.adminPassword);
  const app = createApp(ctx, { webDist: config.webDist, secureCookies: config.secureCookies, metricsToken: config.metricsToken });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;

  ctx.tracker.start();
  ctx.backupWatch.start();
  const purge = setInterval(() => {
    ctx.sessions.purgeExpired();
    ctx.bus.prune();
  }, 3600_000);
  purge.unref();

  printBanner(url, boot, config.dataDir, emulator?.running.url);
  log.info({ url, dataDir: config.dataDir }, 'console listening');

  return {
    url,
    close: async () => {
      clearInterval(purge);
      await ctx.tracker.stop();
      await ctx.backupWatch.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      await emulator?.running.close();
    },
  };
}

/** The emulator in this process, on its own port, with its store next to the console's. */
async function startEmbeddedEmulator(dataDir: string): Promise<{ running: RunningEmulator; profile: EmbeddedEmulator }> {
  const options = emulatorOptionsFromEnv(process.env);
  const running = await startEmulator({ ...options, dataDir });
  const { region, projectId, ak } = running.info;
  return { running, profile: { url: running.url, region, projectId, ak, sk: options.sk } };
}

// Written to stdout directly rather than through the logger: the generated password is shown
// exactly once, to the person starting the console, and never stored in any log sink.
function printBanner(url: string, boot: Awaited<ReturnType<typeof bootstrapAdmin>>, dataDir: string, emulatorUrl?: string): void {
  const lines = [``, `  Cloud console is running at ${url}`, `  Data directory: ${dataDir}`];
  if (emulatorUrl) lines.push(`  Embedded cloud emulator (with demo data): ${emulatorUrl}`);
  if (boot.kind === 'generated') {
    lines.push(`  Log in as "admin" with the generated password: ${boot.password}`);
    lines.push(`  It is shown only this once (stored as a hash); set CONSOLE_ADMIN_PASSWORD to choose your own.`);
  } else if (boot.kind === 'from-env') {
    lines.push(`  Log in as "admin" with the password from CONSOLE_ADMIN_PASSWORD.`);
  } else {
    lines.push(`  Log in as "admin" with the password you set at first start (or set CONSOLE_ADMIN_PASSWORD to reset it).`);
  }
  lines.push(`  Press Ctrl-C to stop.`, ``);
  process.stdout.write(lines.join('\n') + '\n');
}
