import fs from 'node:fs';
import { z } from 'zod';
import { makeCredentials, serviceNames, type CloudProfile, type ServiceName } from './types.ts';

export const defaultEndpointTemplate = 'https://{service}.{region}.myhuaweicloud.com';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

// Secrets may be given inline or, better, by the name of an environment variable holding them.
const FileProfileSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(80).optional(),
    region: z.string().regex(/^[a-z0-9-]+$/, 'a region id such as cn-north-4'),
    projectId: z.string().regex(/^[0-9a-f]{32}$/, '32 lower-case hex digits'),
    ak: z.string().min(1),
    sk: z.string().min(1).optional(),
    skEnv: z.string().min(1).optional(),
    securityToken: z.string().min(1).optional(),
    securityTokenEnv: z.string().min(1).optional(),
    endpointTemplate: z.string().includes('{service}').optional(),
    endpoints: z.partialRecord(z.enum(serviceNames), z.url()).optional(),
    allowedUsers: z.array(z.string()).optional(),
  })
  .refine((p) => p.sk !== undefined || p.skEnv !== undefined, { message: 'give sk or skEnv', path: ['sk'] });

const FileSchema = z.object({ profiles: z.array(FileProfileSchema) });

export function endpointsFor(region: string, template: string, overrides: Partial<Record<ServiceName, string>> = {}) {
  const endpoints = {} as Record<ServiceName, string>;
  for (const service of serviceNames) {
    endpoints[service] = (overrides[service] ?? template.replaceAll('{service}', service).replaceAll('{region}', region)).replace(/\/+$/, '');
  }
  return endpoints;
}

function secretFrom(inline: string | undefined, envName: string | undefined, env: NodeJS.ProcessEnv, what: string): string | undefined {
  if (inline) return inline;
  if (!envName) return undefined;
  const v = env[envName];
  if (!v) throw new Error(`${what}: environment variable ${envName} is not set`);
  return v;
}

export function profilesFromFile(file: string, env: NodeJS.ProcessEnv): CloudProfile[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the profiles file ${file}: ${(err as Error).message}`, { cause: err });
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid profiles file ${file}: ${why}`);
  }
  return parsed.data.profiles.map((p) => ({
    id: p.id,
    name: p.name ?? p.id,
    region: p.region,
    projectId: p.projectId,
    credentials: makeCredentials(
      p.ak,
      secretFrom(p.sk, p.skEnv, env, `profile ${p.id}`)!,
      secretFrom(p.securityToken, p.securityTokenEnv, env, `profile ${p.id}`),
    ),
    endpoints: endpointsFor(p.region, p.endpointTemplate ?? defaultEndpointTemplate, p.endpoints),
    emulator: false,
    ...(p.allowedUsers ? { allowedUsers: p.allowedUsers } : {}),
  }));
}

/** One profile from CLOUD_* variables, for the simplest real-cloud set-up. */
export function profileFromEnv(env: NodeJS.ProcessEnv): CloudProfile | undefined {
  if (!env.CLOUD_AK) return undefined;
  const missing = ['CLOUD_SK', 'CLOUD_REGION', 'CLOUD_PROJECT_ID'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`CLOUD_AK is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not`);
  const region = env.CLOUD_REGION!;
  return {
    id: env.CLOUD_PROFILE_ID ?? 'cloud',
    name: env.CLOUD_PROFILE_NAME ?? `Huawei Cloud ${region}`,
    region,
    projectId: env.CLOUD_PROJECT_ID!,
    credentials: makeCredentials(env.CLOUD_AK, env.CLOUD_SK!, env.CLOUD_SECURITY_TOKEN || undefined),
    endpoints: endpointsFor(region, env.CLOUD_ENDPOINT_TEMPLATE ?? defaultEndpointTemplate),
    emulator: false,
  };
}
