import { expect } from 'vitest';
import { control, type CallOptions, type Client, type Json, type Reply } from './helpers.ts';
import { createServers } from './ecs-helpers.ts';

export function cbr(client: Client, method: string, p: string, opts: CallOptions = {}): Promise<Reply> {
  return client.call(method, `/cbr${client.path(p)}`, opts);
}

/** The older VBS API that CBR replaces; both see the same disks. */
export function vbs(client: Client, method: string, p: string, opts: CallOptions = {}): Promise<Reply> {
  return client.call(method, `/vbs${client.path(p)}`, opts);
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

/** A server vault with one available backup of a new server (system disk + data disk); the clock must be frozen at realistic speed. */
export async function serverBackup(client: Client): Promise<{ vault: Json; backup: Json; serverId: string }> {
  const { ids } = await createServers(client);
  await control(client, 'POST', '/clock/advance', { seconds: 60 });
  const vault = await createVault(client, 'server', [{ id: ids[0]!, type: 'OS::Nova::Server' }]);
  await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { name: 'srv_backup' } } } });
  await control(client, 'POST', '/clock/advance', { seconds: 60 });
  const [backup] = await backups(client, { vault_id: vault.id });
  expect(backup.status).toBe('available');
  return { vault, backup, serverId: ids[0]! };
}
