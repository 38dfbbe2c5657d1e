/** Every cloud service the console talks to; each has its own base URL, as in a real region. */
export const SERVICE_NAMES = ['iam', 'evs', 'ecs', 'cbr', 'vbs', 'ims', 'vpc'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface CloudCredentials {
  ak: string;
  sk: string;
  /** Present only for temporary (STS) credentials; sent as X-Security-Token and signed. */
  securityToken?: string;
}

/**
 * Where and as whom to call the cloud. A base URL may carry a path prefix
 * (`http://127.0.0.1:9000/evs` for the emulator); the prefix is part of the signed path.
 */
export interface CloudProfile {
  region: string;
  projectId: string;
  credentials: CloudCredentials;
  endpoints: Record<ServiceName, string>;
}

/** Public Huawei Cloud endpoints of a region (`https://{service}.{region}.myhuaweicloud.com`). */
export function huaweiCloudEndpoints(region: string): Record<ServiceName, string> {
  const endpoints = {} as Record<ServiceName, string>;
  for (const service of SERVICE_NAMES) endpoints[service] = `https://${service}.${region}.myhuaweicloud.com`;
  return endpoints;
}
