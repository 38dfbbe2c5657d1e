import type { ProfileSummary } from '@console/contract';

export const serviceNames = ['iam', 'evs', 'ecs', 'cbr', 'vbs', 'ims', 'vpc'] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface CloudCredentials {
  ak: string;
  /** Non-enumerable: JSON.stringify, loggers and util.inspect do not see it. */
  readonly sk: string;
  readonly securityToken?: string;
}

/** A cloud account the console can act on. Lives only inside the BFF. */
export interface CloudProfile {
  id: string;
  name: string;
  region: string;
  projectId: string;
  credentials: CloudCredentials;
  endpoints: Record<ServiceName, string>;
  emulator: boolean;
  /** When set, only these users (and admins) may use the profile. */
  allowedUsers?: string[];
}

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
