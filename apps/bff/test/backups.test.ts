import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backup, Disk, OperationLog, Vault } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const diskVault = async (): Promise<Vault> => ((await c.viewer.get('/api/v1/vaults?name=vault-disks')).body.items as Vault[])[0]!;
const backupsOf = async (query: string): Promise<Backup[]> => (await c.viewer.get(`/api/v1/backups?${query}`)).body.items as Backup[];
const disk = async (id: string) => (await c.viewer.get(`/api/v1/disks/${id}`)).body as Disk;

describe('backups', () => {
  it('lists backups across vaults with vault and resource names, filtered and paged', async () => {
    const v = await diskVault();
    const all = await backupsOf(`vaultId=${v.id}`);
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((b) => b.vaultName === 'vault-disks' && b.resourceName !== '' && b.resourceType === 'disk')).toBe(true);
    // newest first
    expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((b) => b.id)).toEqual(all.map((b) => b.id));

    const failed = await backupsOf(`vaultId=${v.id}&status=error`);
    expect(failed.map((b) => b.name)).toEqual(['manual_before_upgrade']);
    const one = all[0]!;
    expect((await backupsOf(`resourceId=${one.resourceId}`)).every((b) => b.resourceId === one.resourceId)).toBe(true);
    const page = await c.viewer.get(`/api/v1/backups?vaultId=${v.id}&limit=2&offset=1`);
    expect(page.body.items.map((b: Backup) => b.id)).toEqual(all.slice(1, 3).map((b) => b.id));
    expect(page.body.total).toBe(all.length);
    const future = await backupsOf(`since=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`);
    expect(future).toEqual([]);

    expect((await c.viewer.get(`/api/v1/backups/${one.id}`)).body).toEqual(one);
    expect((await c.viewer.get('/api/v1/backups/nope')).status).toBe(404);
  });

  it('restores a disk backup onto its disk and follows the disk until the restore ends', async () => {
    const v = await diskVault();
    const b = (await backupsOf(`vaultId=${v.id}&status=available`))[0]!;
    const res = await c.operator.send('post', `/api/v1/backups/${b.id}/restore`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = await c.settled(res.body.task.id);
    expect(task).toMatchObject({ kind: 'backup.restore', status: 'succeeded', subtasks: [{ target: { type: 'disk', id: b.resourceId }, status: 'succeeded' }] });
    expect(['available', 'in-use']).toContain((await disk(b.resourceId)).status);
    const logs = (await c.viewer.get(`/api/v1/operation-logs?type=restore&vaultId=${v.id}`)).body.items as OperationLog[];
    expect(logs[0]).toMatchObject({ type: 'restore', status: 'success', backupId: b.id, vaultName: 'vault-disks', progress: 100 });
  });

  it('restores a server backup onto the server\'s disks, one subtask per disk', async () => {
    const sv = ((await c.viewer.get('/api/v1/vaults?name=vault-servers')).body.items as Vault[])[0]!;
    const b = (await backupsOf(`vaultId=${sv.id}&status=available`))[0]!;
    expect(b.resourceType).toBe('server');
    expect(b.disks.length).toBeGreaterThan(0);
    const wrong = await c.operator.send('post', `/api/v1/backups/${b.id}/restore`, { mappings: [{ backupId: b.disks[0]!.id, diskId: (await diskVault()).resources[0]!.id }] });
    expect(wrong.body.error.fields[0].path).toBe('mappings.0.diskId');
    const res = await c.operator.send('post', `/api/v1/backups/${b.id}/restore`, { powerOn: false });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = await c.settled(res.body.task.id);
    expect(task.status).toBe('succeeded');
    expect(task.subtasks.map((s) => s.target?.id).sort()).toEqual(b.disks.map((d) => d.diskId).sort());
    expect(task.targets).toContainEqual(expect.objectContaining({ type: 'server', id: b.resourceId }));
  });

  it('shows the progress of a backup still being made', async () => {
    const v = await diskVault();
    await c.control('PUT', '/clock', { speed: 'realistic' });
    await c.control('POST', '/clock/freeze');
    try {
      const res = await c.operator.send('post', `/api/v1/vaults/${v.id}/backup`, { resourceIds: [v.resources[0]!.id] });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const running = await backupsOf(`vaultId=${v.id}&status=protecting`);
      expect(running).toHaveLength(1);
      expect(running[0]!.progress).toEqual(expect.any(Number));
      expect((await c.viewer.get(`/api/v1/backups/${running[0]!.id}`)).body.progress).toEqual(expect.any(Number));
    } finally {
      await c.control('POST', '/clock/resume');
    }
  });

  it('explains why a restore cannot start', async () => {
    const v = await diskVault();
    const failed = (await backupsOf(`vaultId=${v.id}&status=error`))[0]!;
    const res = await c.operator.send('post', `/api/v1/backups/${failed.id}/restore`, {});
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'BACKUP_STATUS', message: 'The backup is error; only an available backup can be restored' });

    const ok = (await backupsOf(`vaultId=${v.id}&status=available`))[0]!;
    const elsewhere = await c.operator.send('post', `/api/v1/backups/${ok.id}/restore`, { diskId: 'nope' });
    expect(elsewhere.body.error.fields).toEqual([{ path: 'diskId', message: 'no disk nope in this project; restore onto an existing disk' }]);
    const mappings = await c.operator.send('post', `/api/v1/backups/${ok.id}/restore`, { mappings: [{ backupId: ok.id, diskId: ok.resourceId }] });
    expect(mappings.body.error.fields[0].path).toBe('mappings');
  });

  it('ends the restore failed when the cloud restore fails', async () => {
    const v = await diskVault();
    const b = (await backupsOf(`vaultId=${v.id}&status=available`))[0]!;
    await c.control('POST', '/faults', { kind: 'job', jobType: 'cbrRestore', code: 'BackupService.2012', message: 'restore failed' });
    const res = await c.operator.send('post', `/api/v1/backups/${b.id}/restore`, {});
    const task = await c.settled(res.body.task.id);
    expect(task.status).toBe('failed');
    // The disk only says error_restoring; the restore's operation log says why, and the task says it too.
    expect(task.subtasks[0]!.error).toMatchObject({ code: 'BackupService.2012', message: 'restore failed', service: 'cbr' });
    expect((await disk(b.resourceId)).status).toBe('error_restoring');
  });

  it('deletes one backup and a batch where one item is refused', async () => {
    const v = await diskVault();
    const [first, second] = await backupsOf(`vaultId=${v.id}&status=available`);
    const one = await c.operator.send('delete', `/api/v1/backups/${first!.id}`);
    expect(one.status).toBe(202);
    expect((await c.settled(one.body.task.id)).status).toBe('succeeded');
    expect((await c.viewer.get(`/api/v1/backups/${first!.id}`)).status).toBe(404);

    const batch = await c.operator.send('post', '/api/v1/backups/batch-delete', { ids: [second!.id, 'nope'] });
    expect(batch.status).toBe(202);
    const task = await c.settled(batch.body.task.id);
    expect(task.status).toBe('partially_failed');
    expect(task.subtasks.map((s) => s.status)).toEqual(['succeeded', 'failed']);
    expect(task.subtasks[1]!.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await c.viewer.get(`/api/v1/backups/${second!.id}`)).status).toBe(404);
  });

  it('lists CBR operation logs with their errors', async () => {
    const failed = (await c.viewer.get('/api/v1/operation-logs?status=failed')).body.items as OperationLog[];
    expect(failed[0]).toMatchObject({ type: 'backup', status: 'failed', error: { code: 'BackupService.9910' } });
    expect((await c.viewer.get('/api/v1/operation-logs?type=bogus')).status).toBe(400);
  });
});
