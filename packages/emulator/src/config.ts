import type { Speed } from './clock/clock.ts';

/**
 * The identity an emulator instance serves. These are documented defaults for local use, not
 * secrets: override them with EMULATOR_AK / EMULATOR_SK / EMULATOR_PROJECT_ID.
 */
export const emulatorDefaults = {
  region: 'cn-north-4',
  projectId: '0b7c4d1e9a2f4e6c8d3b5a7f1e0c2d4b',
  ak: 'EMULATORAK0000000001',
  sk: 'EmulatorSecretKey000000000000000000000001',
  domainName: 'emulator-account',
  userName: 'emulator-user',
  password: 'Emulator@2024',
};

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 = an ephemeral port. Default 9000. */
  port?: number;
  /** Directory of the store (emulator.db inside); created when missing. Default ./data. */
  dataDir?: string;
  /** Overrides dataDir, e.g. ':memory:'. */
  dbPath?: string;
  /** How long transitions take: realistic (default), instant, or a multiplier (10 = ten times faster). */
  speed?: Speed;
  /** demo: wipe and seed the demo set; if-empty: seed it the first time the store is used; none (default). */
  seed?: 'demo' | 'none' | 'if-empty';
  region?: string;
  projectId?: string;
  ak?: string;
  sk?: string;
  /** No log lines. */
  quiet?: boolean;
}

export interface EmulatorInfo {
  region: string;
  projectId: string;
  ak: string;
  domainName: string;
  userName: string;
  /** Base URL of each service; the official SDKs accept them as endpoints. */
  endpoints: Record<'iam' | 'evs', string> & { ecs?: string; cbr?: string; vbs?: string; ims?: string; vpc?: string };
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  info: EmulatorInfo;
  close(): Promise<void>;
}
