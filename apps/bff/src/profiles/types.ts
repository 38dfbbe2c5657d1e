import type { ProfileSummary } from '@console/contract';
import type { CloudCredentials, CloudProfile as ClientProfile } from '@console/cloud';

export { SERVICE_NAMES as serviceNames, type ServiceName } from '@console/cloud';

/** A cloud account the console can act on. Lives only inside the BFF. */
export interface CloudProfile extends ClientProfile {
  id: string;
  name: string;
  emulator: boolean;
  /** For the embedded emulator: its base URL, where its control API lives. */
  emulatorUrl?: string;
  /** When set, only these users (and admins) may use the profile. */
  allowedUsers?: string[];
}

/** The secret key and token are non-enumerable: JSON.stringify, loggers and util.inspect do not see them. */
export function makeCredentials(ak: string, sk: string, securityToken?: string): CloudCredentials {
  const creds = { ak } as CloudCredentials;
  Object.defineProperty(creds, 'sk', { value: sk, enumerable: false });
  if (securityToken) Object.defineProperty(creds, 'securityToken', { value: securityToken, enumerable: false });
  return creds;
}

export function summarize(p: CloudProfile): ProfileSummary {
  return {
    id: p.id,
    name: p.name,
    region: p.region,
    projectId: p.projectId,
    emulator: p.emulator,
    endpointHint: p.emulator ? 'embedded emulator' : p.endpoints.evs,
  };
}
