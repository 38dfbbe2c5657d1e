import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backup, BackupMember, Policy, Task, Vault } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const OTHER = '0123456789abcdef0123456789abcdef';
const backupsOf = async (query: string) => (await c.viewer.get(`/api/v1/backups?${query}`)).body.items as Backup[];
const vaultNamed = async (name: string) => ((await c.viewer.get(`/api/v1/vaults?name=${name}`)).body.items as Vault[]).find((v) => v.name === name)!;

describe('backup sharing (members)', () => {
  it('shares an available server backup with another project and stops sharing it', async () => {
    const servers = await vaultNamed('vault-servers');
    const backup = (await backupsOf(`vaultId=${servers.id}&status=available`)).find((b) => b.resourceType === 'server')!;
    expect((await c.viewer.get(`/api/v1/backups/${backup.id}/members`)).body).toEqual({ items: [], total: 0 });

    const shared = await c.operator.send('post', `/api/v1/backups/${backup.id}/members`, { projectIds: [OTHER] });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect((shared.body.task as Task).status).toBe('succeeded');
    expect(shared.body.members).toEqual([expect.objectContaining({ projectId: OTHER, status: 'pending' })]);
    const listed = (await c.viewer.get(`/api/v1/backups/${backup.id}/members`)).body.items as BackupMember[];
    expect(listed.map((m) => m.projectId)).toEqual([OTHER]);

    const again = await c.operator.send('post', `/api/v1/backups/${backup.id}/members`, { projectIds: [OTHER] });
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toEqual([expect.objectContaining({ path: 'projectIds.0' })]);

    // Newest first: the refused second share, then the first one.
    const audit = (await c.admin.get('/api/v1/audit?action=backup.share')).body.items as { target: string; result: string }[];
    expect(audit.map((a) => [a.target, a.result])).toEqual([[backup.id, 'error'], [backup.id, 'ok']]);

    const removed = await c.operator.send('delete', `/api/v1/backups/${backup.id}/members/${OTHER}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.members).toEqual([]);
    expect((await c.operator.send('delete', `/api/v1/backups/${backup.id}/members/${OTHER}`)).status).toBe(400);
  });

  it('refuses to share a disk backup, with its own project, or with a malformed project id', async () => {
    const disks = await vaultNamed('vault-disks');
    const diskBackup = (await backupsOf(`vaultId=${disks.id}&status=available`))[0]!;
    const refused = await c.operator.send('post', `/api/v1/backups/${diskBackup.id}/members`, { projectIds: [OTHER] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('BACKUP_NOT_SHAREABLE');

    const servers = await vaultNamed('vault-servers');
    const serverBackup = (await backupsOf(`vaultId=${servers.id}&status=available`))[0]!;
    const own = c.emulator.info.projectId;
    const self = await c.operator.send('post', `/api/v1/backups/${serverBackup.id}/members`, { projectIds: [own] });
    expect(self.status).toBe(400);
    expect(self.body.error.fields[0].path).toBe('projectIds.0');
    const bad = await c.operator.send('post', `/api/v1/backups/${serverBackup.id}/members`, { projectIds: ['not-a-project'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toMatch(/projectIds/);
    expect((await c.viewer.send('post', `/api/v1/backups/${serverBackup.id}/members`, { projectIds: [OTHER] })).status).toBe(403);
  });
});

describe('vault tags', () => {
  it('replaces the tag set: new keys added, changed values overwritten, missing keys removed', async () => {
    const disks = await vaultNamed('vault-disks');
    const first = await c.operator.send('put', `/api/v1/vaults/${disks.id}/tags`, { tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'storage' }] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((first.body.vault as Vault).tags).toEqual(expect.arrayContaining([{ key: 'env', value: 'prod' }, { key: 'team', value: 'storage' }]));
    const second = await c.operator.send('put', `/api/v1/vaults/${disks.id}/tags`, { tags: [{ key: 'env', value: 'staging' }] });
    expect((second.body.vault as Vault).tags).toEqual([{ key: 'env', value: 'staging' }]);
    expect(((await c.viewer.get(`/api/v1/vaults/${disks.id}`)).body as Vault).tags).toEqual([{ key: 'env', value: 'staging' }]);
  });

  it('refuses tags the cloud would refuse, by field', async () => {
    const disks = await vaultNamed('vault-disks');
    const res = await c.operator.send('put', `/api/v1/vaults/${disks.id}/tags`, { tags: [{ key: 'a/b', value: 'x' }, { key: 'a/b', value: 'y' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['tags.0.key']));
  });
});

describe('policy schedule start', () => {
  it('says when the schedule began, which "every N days" counts from', async () => {
    const res = await c.operator.send('post', '/api/v1/policies', { name: 'every-3-days', schedule: ['FREQ=DAILY;INTERVAL=3;BYHOUR=6;BYMINUTE=00'], retention: { maxBackups: 3 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const policy = (await c.viewer.get(`/api/v1/policies/${res.body.policy.id}`)).body as Policy;
    expect(policy.scheduleStart).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
