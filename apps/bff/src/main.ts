import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startConsole } from './server.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);

startConsole(config, log).then(
  (running) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping');
      running.close().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'error while stopping');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  },
  (err: unknown) => {
    log.fatal({ err }, 'the console could not start');
    process.exit(1);
  },
);
