import { describe, expect, it } from 'vitest';
import { createDisks, control, useTestEmulator } from './helpers.ts';
import { backups, cbr, createPolicy, createVault, disk } from './cbr-helpers.ts';

const client = useTestEmulator();

describe('CBR vault extras', () => {
  it('batch-updates, suspends automatic backups, migrates resources and reports storage usage', async () => {
    const { ids } = await createDisks(client, { count: 2 });
    const a = await createVault(client, 'disk', ids.map(disk));
    const b = await createVault(client, 'disk');
    const batch = await cbr(client, 'PUT', '/v3/{pid}/vaults/batch-update', { body: { vault: { threshold: 60, smn_notify: false } } });
    expect(batch.body.updated_vaults_id.sort()).toEqual([a.id, b.id].sort());
    expect((await cbr(client, 'GET', `/v3/{pid}/vaults/${a.id}`)).body.vault).toMatchObject({ threshold: 60, smn_notify: false });

    const set = await cbr(client, 'PUT', `/v3/{pid}/vaults/${a.id}/set-resources`, { body: { resource_ids: [ids[1]], action: 'suspend' } });
    expect(set.body).toEqual({ set_resource_ids: [ids[1]] });
    await control(client, 'POST', '/clock/freeze');
    const policy = await createPolicy(client, { max_backups: 5 });
    await cbr(client, 'POST', `/v3/{pid}/vaults/${a.id}/associatepolicy`, { body: { policy_id: policy.id } });
    await control(client, 'POST', '/clock/advance', { ms: 86_400_000 });
    expect((await backups(client, { vault_id: a.id })).map((x) => x.resource_id)).toEqual([ids[0]]);

    const moved = await cbr(client, 'POST', `/v3/{pid}/vaults/${a.id}/migrateresources`, { body: { destination_vault_id: b.id, resource_ids: [ids[0]] } });
    expect(moved.body).toEqual({ migrated_resources: [ids[0]] });
    expect((await backups(client, { vault_id: b.id })).map((x) => x.resource_id)).toEqual([ids[0]]);
    expect((await cbr(client, 'GET', `/v3/{pid}/vaults/${b.id}`)).body.vault.resources.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const bad = await cbr(client, 'POST', `/v3/{pid}/vaults/${a.id}/migrateresources`, { body: { destination_vault_id: b.id, resource_ids: [ids[0]] } });
    expect(bad.body.error_code).toBe('BackupService.6135');

    const usage = await cbr(client, 'GET', '/v3/{pid}/storage_usage');
    expect(usage.body).toMatchObject({ resource_count: 1, storage_usage: [{ resource_id: ids[0], backup_count: 1, backup_size: 10 * 1024 }] });
    const [backup] = await backups(client, { vault_id: b.id });
    const meta = await cbr(client, 'GET', `/v3/{pid}/backups/${backup.id}/metadata`);
    expect(JSON.parse(meta.body.volumes)).toEqual([{ id: ids[0], name: expect.any(String) }]);
  });

  it('orders a yearly/monthly vault and refuses hybrid sync for public vaults', async () => {
    const order = await cbr(client, 'POST', '/v3/{pid}/vaults/order', {
      body: { vault: { name: 'yearly', billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 50, period_type: 'year', period_num: 1 } } },
    });
    expect(order.body).toMatchObject({ retCode: 0, orders: [{ subscribeResult: 1 }] });
    const vault = (await cbr(client, 'GET', `/v3/{pid}/vaults/${order.body.orders[0].resourceId}`)).body.vault;
    expect(vault.billing).toMatchObject({ charging_mode: 'pre_paid', size: 50 });
    expect((await cbr(client, 'POST', '/v3/{pid}/checkpoints/sync', { body: { sync: { vault_id: vault.id, auto_trigger: false } } })).body.error_code).toBe('BackupService.6124');
  });

  it('sits behind the gateway and takes injected faults per operation', async () => {
    const unsigned = await cbr(client, 'GET', '/v3/{pid}/vaults', { auth: 'none' });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error_code).toBe('APIGW.0301');
    const other = await client.call('GET', '/cbr/v3/00000000000000000000000000000000/vaults');
    expect([other.status, other.body.error_code]).toEqual([403, 'BackupService.8600']);
    expect((await cbr(client, 'GET', '/v3/{pid}/vaults', { auth: 'token' })).status).toBe(200);
    expect((await cbr(client, 'GET', '/v3/{pid}/vaults', { auth: 'sdk' })).status).toBe(200);
    await control(client, 'POST', '/faults', { kind: 'error', service: 'cbr', operation: 'ListVault', status: 503, code: 'BackupService.9910', rate: 1, count: 1 });
    const failed = await cbr(client, 'GET', '/v3/{pid}/vaults');
    expect([failed.status, failed.body.error_code]).toEqual([503, 'BackupService.9910']);
    expect((await cbr(client, 'GET', '/v3/{pid}/vaults')).status).toBe(200);
    expect((await cbr(client, 'GET', '/v3/{pid}/nothing-here')).body.error_code).toBe('APIGW.0101');
  });
});
