import fs from 'node:fs';
import path from 'node:path';
import { profileFromEnv, profilesFromFile, endpointsFor } from './load.ts';
import { makeCredentials, type CloudProfile } from './types.ts';

export interface EmbeddedEmulator {
  url: string;
  region: string;
  projectId: string;
  ak: string;
  sk: string;
}

export function emulatorProfile(e: EmbeddedEmulator): CloudProfile {
  return {
    id: 'emulator',
    name: 'Embedded emulator',
    region: e.region,
    projectId: e.projectId,
    credentials: makeCredentials(e.ak, e.sk),
    endpoints: endpointsFor(e.region, `${e.url}/{service}`),
    emulator: true,
    emulatorUrl: e.url,
  };
}

/**
 * The embedded emulator first (when running), then the profiles file (CLOUD_PROFILES_FILE, or
 * profiles.json in the data directory when present), then one profile from CLOUD_* variables.
 */
export function loadProfiles(env: NodeJS.ProcessEnv, dataDir: string, emulator?: EmbeddedEmulator): CloudProfile[] {
  const out: CloudProfile[] = [];
  if (emulator) out.push(emulatorProfile(emulator));
  const file = env.CLOUD_PROFILES_FILE ?? path.join(dataDir, 'profiles.json');
  if (env.CLOUD_PROFILES_FILE || fs.existsSync(file)) out.push(...profilesFromFile(file, env));
  const fromEnv = profileFromEnv(env);
  if (fromEnv) out.push(fromEnv);
  return out;
}
