import { AZ, type Client, type Json, type Reply } from './helpers.ts';

export const IMAGE = '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01';
export const VPC = '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60';
export const SUBNET = '8a1f2e3d-4c5b-4a69-8e7d-6c5b4a392811';

export function ecs(client: Client, method: string, p: string, opts: Parameters<Client['call']>[2] = {}): Promise<Reply> {
  return client.call(method, `/ecs${client.path(p)}`, opts);
}

export function vpc(client: Client, method: string, p: string, body?: unknown): Promise<Reply> {
  return client.call(method, `/vpc${client.path(p)}`, body === undefined ? {} : { body });
}

export function serverBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    server: {
      imageRef: IMAGE, flavorRef: 's3.large.2', name: 'app', vpcid: VPC, nics: [{ subnet_id: SUBNET }], availability_zone: AZ.a,
      root_volume: { volumetype: 'SSD', size: 40 }, data_volumes: [{ volumetype: 'SSD', size: 20 }], ...extra,
    },
  };
}

/** Creates servers (instant speed: running by the time the answer arrives) and returns their ids. */
export async function createServers(client: Client, extra: Record<string, unknown> = {}): Promise<{ jobId: string; ids: string[] }> {
  const r = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody(extra) });
  if (r.status !== 200) throw new Error(`create: ${r.status} ${r.text}`);
  return { jobId: r.body.job_id, ids: r.body.serverIds };
}

export async function server(client: Client, id: string, version = '2.26'): Promise<Json> {
  const r = await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}`, { headers: { 'X-OpenStack-Nova-API-Version': version } });
  if (r.status !== 200) throw new Error(`show: ${r.status} ${r.text}`);
  return r.body.server;
}

export async function job(client: Client, id: string): Promise<Json> {
  const r = await ecs(client, 'GET', `/v1/{pid}/jobs/${id}`);
  if (r.status !== 200) throw new Error(`job: ${r.status} ${r.text}`);
  return r.body;
}
