import type { CallOptions, Client, Json, Reply } from './helpers.ts';

export function cbr(client: Client, method: string, p: string, opts: CallOptions = {}): Promise<Reply> {
  return client.call(method, `/cbr${client.path(p)}`, opts);
}

export const DAILY_2AM = 'FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00';

export async function createVault(client: Client, objectType: 'disk' | 'server', resources: { id: string; type: string }[] = [], extra: Record<string, unknown> = {}): Promise<Json> {
  const r = await cbr(client, 'POST', '/v3/{pid}/vaults', {
    body: { vault: { name: `v-${objectType}`, billing: { consistent_level: 'crash_consistent', object_type: objectType, protect_type: 'backup', size: 100 }, resources, ...extra } },
  });
  if (r.status !== 200) throw new Error(`vault: ${r.status} ${r.text}`);
  return r.body.vault;
}

export async function createPolicy(client: Client, definition: Record<string, unknown>, pattern = [DAILY_2AM]): Promise<Json> {
  const r = await cbr(client, 'POST', '/v3/{pid}/policies', {
    body: { policy: { name: 'daily', operation_type: 'backup', operation_definition: definition, trigger: { properties: { pattern } } } },
  });
  if (r.status !== 200) throw new Error(`policy: ${r.status} ${r.text}`);
  return r.body.policy;
}

export async function backups(client: Client, query: Record<string, string> = {}): Promise<Json[]> {
  const r = await cbr(client, 'GET', '/v3/{pid}/backups', { query });
  if (r.status !== 200) throw new Error(`backups: ${r.status} ${r.text}`);
  return r.body.backups;
}

export function disk(id: string): { id: string; type: string } {
  return { id, type: 'OS::Cinder::Volume' };
}
