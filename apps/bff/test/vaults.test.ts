import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backup, Disk, Policy, Task, Vault } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const disk = (name: string): Promise<Disk> => c.diskNamed(name);
const policy = async (name: string): Promise<Policy> => ((await c.viewer.get('/api/v1/policies')).body.items as Policy[]).find((p) => p.name === name)!;
const vault = async (id: string) => (await c.viewer.get(`/api/v1/vaults/${id}`)).body as Vault;
const created = async (body: object): Promise<Vault> => {
  const res = await c.operator.send('post', '/api/v1/vaults', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect((res.body.task as Task).status).toBe('succeeded');
  return res.body.vault as Vault;
};

describe('vaults', () => {
  it('creates a disk vault with a resource and a policy, lists, reads, expands and deletes it', async () => {
    const d = await disk('backup-staging');
    const daily = await policy('daily-18utc');
    const v = await created({ name: 'vault-test', protectedType: 'disk', sizeGiB: 40, resources: [{ id: d.id }], policyId: daily.id });
    expect(v).toMatchObject({
      name: 'vault-test', protectedType: 'disk', protectType: 'backup', status: 'available', resourceCount: 1,
      capacity: { sizeGiB: 40, usedGiB: 0 }, policy: { id: daily.id, name: 'daily-18utc', enabled: true },
      resources: [{ id: d.id, type: 'disk', name: 'backup-staging', protectStatus: 'available' }],
    });

    const list = await c.viewer.get('/api/v1/vaults?name=vault-test&protectedType=disk');
    expect(list.body.items.map((x: Vault) => x.id)).toEqual([v.id]);
    expect(list.body.total).toBe(1);
    expect((await c.viewer.get('/api/v1/vaults?protectedType=server&name=vault-test')).body.items).toEqual([]);

    const expanded = await c.operator.send('patch', `/api/v1/vaults/${v.id}`, { sizeGiB: 120, autoExpand: true });
    expect(expanded.status).toBe(200);
    expect(expanded.body.vault).toMatchObject({ capacity: { sizeGiB: 120 }, autoExpand: true });

    const audit = (await c.admin.get('/api/v1/audit?action=vault.create')).body.items as { action: string; target: string | null; username: string; result: string }[];
    expect(audit[0]).toMatchObject({ action: 'vault.create', target: v.id, username: 'operator', result: 'ok' });

    const del = await c.operator.send('delete', `/api/v1/vaults/${v.id}`);
    expect(del.status).toBe(202);
    expect((await c.settled(del.body.task.id)).status).toBe('succeeded');
    expect((await c.viewer.get(`/api/v1/vaults/${v.id}`)).status).toBe(404);
  });

  it('refuses what the cloud would refuse, naming the field', async () => {
    const small = await c.operator.send('post', '/api/v1/vaults', { name: 'tiny', protectedType: 'disk', sizeGiB: 5 });
    expect(small.status).toBe(400);
    expect(small.body.error.fields).toEqual([{ path: 'sizeGiB', message: 'a vault has at least 10 GiB' }]);
    const noPolicy = await c.operator.send('post', '/api/v1/vaults', { name: 'x', protectedType: 'disk', sizeGiB: 10, policyId: 'nope' });
    expect(noPolicy.body.error.fields).toEqual([{ path: 'policyId', message: 'no such policy in this project' }]);
    const viewer = await c.viewer.send('post', '/api/v1/vaults', { name: 'x', protectedType: 'disk', sizeGiB: 10 });
    expect(viewer.status).toBe(403);
  });

  it('adds and removes resources', async () => {
    const v = await created({ name: 'vault-add', protectedType: 'disk', sizeGiB: 100 });
    const d = await disk('backup-staging');
    const added = await c.operator.send('post', `/api/v1/vaults/${v.id}/resources`, { resources: [{ id: d.id }] });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.vault.resources).toMatchObject([{ id: d.id, type: 'disk' }]);
    const again = await c.operator.send('post', `/api/v1/vaults/${v.id}/resources`, { resources: [{ id: d.id }] });
    expect(again.body.error.fields[0].path).toBe('resources');

    // A disk in another vault: the cloud's own refusal comes through with its code.
    const taken = await disk('db-01-data');
    const refused = await c.operator.send('post', `/api/v1/vaults/${v.id}/resources`, { resources: [{ id: taken.id }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.upstream).toMatchObject({ service: 'cbr', code: 'BackupService.6103' });

    const removed = await c.operator.send('post', `/api/v1/vaults/${v.id}/resources/remove`, { resourceIds: [d.id] });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const notThere = await c.operator.send('post', `/api/v1/vaults/${v.id}/resources/remove`, { resourceIds: ['nope'] });
    expect(notThere.body.error.fields[0].path).toBe('resourceIds');
  });

  it('applies and removes a policy', async () => {
    const v = await created({ name: 'vault-policy', protectedType: 'disk', sizeGiB: 100 });
    expect(v.policy).toBeNull();
    const weekly = await policy('weekly-keep-4');
    const set = await c.operator.send('put', `/api/v1/vaults/${v.id}/policy`, { policyId: weekly.id });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.vault.policy).toEqual({ id: weekly.id, name: 'weekly-keep-4', enabled: true });
    expect((await policy('weekly-keep-4')).vaultIds).toContain(v.id);

    const cleared = await c.operator.send('delete', `/api/v1/vaults/${v.id}/policy`);
    expect(cleared.status).toBe(200);
    expect(cleared.body.vault.policy).toBeNull();
    const none = await c.operator.send('delete', `/api/v1/vaults/${v.id}/policy`);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('NO_POLICY');
  });

  it('backs up now: a subtask per resource, and the backup appears with joined names', async () => {
    const d = await disk('backup-staging');
    const v = await created({ name: 'vault-now', protectedType: 'disk', sizeGiB: 200, resources: [{ id: d.id }] });
    const res = await c.operator.send('post', `/api/v1/vaults/${v.id}/backup`, { name: 'manual_now' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = await c.settled(res.body.task.id);
    const backups = (await c.viewer.get(`/api/v1/backups?vaultId=${v.id}`)).body.items as Backup[];
    expect(backups).toHaveLength(1);
    // The subtask follows the backup (its status events move the backup, not the disk); the disk is a target of the task.
    expect(task).toMatchObject({ kind: 'vault.backup', status: 'succeeded', subtasks: [{ target: { type: 'backup', id: backups[0]!.id }, status: 'succeeded' }] });
    expect(task.targets).toContainEqual(expect.objectContaining({ type: 'disk', id: d.id }));
    expect(backups[0]).toMatchObject({ name: 'manual_now', resourceId: d.id, resourceName: 'backup-staging', resourceType: 'disk', vaultId: v.id, vaultName: 'vault-now', status: 'available', type: 'backup' });
    expect((await vault(v.id)).capacity.usedGiB).toBeGreaterThan(0);
  });

  it('surfaces an injected cloud error with the upstream code', async () => {
    const d = await disk('backup-staging');
    const v = await created({ name: 'vault-fault', protectedType: 'disk', sizeGiB: 200, resources: [{ id: d.id }] });
    const f = await c.control('POST', '/faults', { kind: 'error', service: 'cbr', operation: 'CreateCheckpoint', rate: 1, status: 400, code: 'BackupService.6113', message: 'Backup is not allowed in the current vault status.' });
    expect(f.status).toBe(201);
    const res = await c.operator.send('post', `/api/v1/vaults/${v.id}/backup`, {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'UPSTREAM_REFUSED', upstream: { service: 'cbr', code: 'BackupService.6113' } });
  });

  it('fails the subtask when the cloud backup fails', async () => {
    const d = await disk('backup-staging');
    const v = await created({ name: 'vault-fail', protectedType: 'disk', sizeGiB: 200, resources: [{ id: d.id }] });
    await c.control('POST', '/faults', { kind: 'job', jobType: 'cbrBackup', code: 'BackupService.9910', message: 'agent gone' });
    const res = await c.operator.send('post', `/api/v1/vaults/${v.id}/backup`, {});
    const task = await c.settled(res.body.task.id);
    expect(task.status).toBe('failed');
    expect(task.subtasks[0]!.error).toMatchObject({ code: 'RESOURCE_STATUS', service: 'cbr' });
  });
});
