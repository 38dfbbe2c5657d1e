import { describe, expect, it } from 'vitest';
import { control, useTestEmulator } from './helpers.ts';
import { cbr } from './cbr-helpers.ts';

const client = useTestEmulator({}, { resetEachTest: false });

describe('CBR seeds', () => {
  it('the demo set has a disk vault and a server vault with policies, backups and tasks', async () => {
    const seeded = await control(client, 'POST', '/reset?seed=demo');
    expect(seeded.body).toMatchObject({ vaults: 2 });
    const vaults = (await cbr(client, 'GET', '/v3/{pid}/vaults')).body.vaults;
    expect(vaults.map((v: { name: string }) => v.name).sort()).toEqual(['vault-disks', 'vault-servers']);
    const diskVault = vaults.find((v: { name: string }) => v.name === 'vault-disks');
    expect(diskVault.resources).toHaveLength(3);
    expect(diskVault.billing.used).toBeGreaterThan(0);
    const policies = (await cbr(client, 'GET', '/v3/{pid}/policies')).body;
    expect(policies.count).toBe(3);
    const disks = await cbr(client, 'GET', '/v3/{pid}/backups', { query: { vault_id: diskVault.id, status: 'available' } });
    expect(disks.body.count).toBe(9);
    const servers = await cbr(client, 'GET', '/v3/{pid}/backups', { query: { resource_type: 'OS::Nova::Server' } });
    expect(servers.body.count).toBe(4);
    expect(servers.body.backups[0].children.length).toBeGreaterThan(0);
    const failed = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { status: 'failed' } });
    expect(failed.body.operation_logs).toMatchObject([{ operation_type: 'backup', error_info: { code: 'BackupService.9910' } }]);
    // The policies keep running on the clock from the seeded state.
    const pending = (await control(client, 'GET', '/state')).body.pendingTransitions.filter((t: { kind: string }) => t.kind === 'cbr.policy.fire');
    expect(pending.length).toBeGreaterThanOrEqual(2);
  });

  it('the scale seed adds N backups that list in pages', async () => {
    await control(client, 'POST', '/reset');
    const r = await control(client, 'POST', '/seed?backups=5000');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ seeded: 'scale', backups: 5000 });
    const page = await cbr(client, 'GET', '/v3/{pid}/backups', { query: { limit: '100', offset: '4950' } });
    expect(page.body).toMatchObject({ count: 5000, limit: 100, offset: 4950 });
    expect(page.body.backups).toHaveLength(50);
    expect((await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { limit: '1' } })).body.count).toBe(5000);
    expect((await control(client, 'POST', '/seed?backups=0')).status).toBe(400);
  });
});
