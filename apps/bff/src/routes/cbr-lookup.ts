import { isCloudError, type CbrTypes, type CloudClients } from '@console/cloud';
import type { Backup, Policy, ResourceRef, Vault } from '@console/contract';
import { policiesByVault, toBackup, toPolicy, toVault } from './cbr-map.ts';
import { rethrowNotFound } from './evs-lookup.ts';

/** Where a CBR change came from, for the task's upstream field. */

export const vaultRef = (v: Pick<Vault, 'id' | 'name'>): ResourceRef => ({ type: 'vault', id: v.id, ...(v.name ? { name: v.name } : {}) });
export const policyRef = (p: Pick<Policy, 'id' | 'name'>): ResourceRef => ({ type: 'policy', id: p.id, ...(p.name ? { name: p.name } : {}) });
export const backupRef = (b: Pick<Backup, 'id' | 'name'>): ResourceRef => ({ type: 'backup', id: b.id, ...(b.name ? { name: b.name } : {}) });
export const protectedRef = (r: { id: string; type: 'server' | 'disk'; name?: string }): ResourceRef => ({ type: r.type, id: r.id, ...(r.name ? { name: r.name } : {}) });

/** A vault with the policy it runs: one vault read and one policy list (filtered by the vault). */
export async function readVault(clients: CloudClients, id: string): Promise<Vault> {
  try {
    const [v, p] = await Promise.all([clients.cbr.showVault(id), clients.cbr.listPolicies({ vault_id: id, operation_type: 'backup' })]);
    return toVault(v.data.vault, policiesByVault(p.data.policies ?? []));
  } catch (err) {
    return rethrowNotFound(err, `vault ${id}`);
  }
}

export async function readPolicy(clients: CloudClients, id: string): Promise<Policy> {
  try {
    return toPolicy((await clients.cbr.showPolicy(id)).data.policy);
  } catch (err) {
    return rethrowNotFound(err, `policy ${id}`);
  }
}

export async function readBackup(clients: CloudClients, id: string): Promise<Backup> {
  try {
    const b = (await clients.cbr.showBackup(id)).data.backup;
    const [name, progress] = await Promise.all([vaultName(clients, b.vault_id), runningProgress(clients, [b])]);
    return toBackup(b, name, progress.get(b.id));
  } catch (err) {
    return rethrowNotFound(err, `backup ${id}`);
  }
}

async function vaultName(clients: CloudClients, id: string): Promise<string | undefined> {
  try {
    return (await clients.cbr.showVault(id)).data.vault.name;
  } catch (err) {
    // The name is a nicety: a vault that is being deleted may already be gone.
    if (isCloudError(err)) return undefined;
    throw err;
  }
}

/** Vault names by id for a page of backups: one vault list covers every vault of a project. */
export async function vaultNames(clients: CloudClients): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const r = await clients.cbr.listVaults({ limit: 1000 });
  for (const v of r.data.vaults ?? []) out.set(v.id, v.name);
  return out;
}

/**
 * Progress of the backups still being made: only their `backup` operation logs carry it. One call
 * for a whole page, and none when nothing runs; progress is a nicety, so a failed read leaves it out.
 */
export async function runningProgress(clients: CloudClients, backups: CbrTypes.Backup[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!backups.some((b) => b.status === 'protecting')) return out;
  try {
    const r = await clients.cbr.listOperationLogs({ operation_type: 'backup', status: 'running', limit: 1000 });
    for (const o of r.data.operation_logs ?? []) {
      const id = o.extra_info?.backup?.backup_id;
      const progress = o.extra_info?.common?.progress;
      if (id && typeof progress === 'number') out.set(id, progress);
    }
  } catch (err) {
    if (!isCloudError(err)) throw err;
  }
  return out;
}
