import { describe, expect, it } from 'vitest';
import { control, useTestEmulator } from './helpers.ts';
import { cbr } from './cbr-helpers.ts';

const client = useTestEmulator({ speed: 'realistic' }, { clock: 'frozen' });

const WEEKLY = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00';
// The seed's own example body (L8032-8240): retention_duration_days with zero counts and max_backups -1.
const ORG = {
  policy_enabled: false, policy_name: 'policy_create_test', operation_type: 'backup', name: 'organization-policies_create_test', description: '',
  policy_operation_definition: { retention_duration_days: 30, max_backups: -1, day_backups: 0, week_backups: 0, month_backups: 0, year_backups: 0, timezone: 'UTC+08:00', full_backup_interval: -1 },
  policy_trigger: { properties: { pattern: [WEEKLY] } },
};

describe('CBR organizational policies', () => {
  it('creates one (syncing), delivers it to the member project as a policy, updates, lists and deletes it', async () => {
    const r = await cbr(client, 'POST', '/v3/{pid}/organization-policies', { body: { policy: ORG } });
    expect(r.status).toBe(200);
    const org = r.body.policy;
    expect(org).toMatchObject({
      name: ORG.name, description: '', operation_type: 'backup', policy_name: 'policy_create_test', policy_enabled: false, status: 'syncing',
      domain_name: 'emulator-account', policy_trigger: { properties: { pattern: [WEEKLY] } }, policy_operation_definition: { retention_duration_days: 30, timezone: 'UTC+08:00' },
    });
    expect(org.domain_id).toMatch(/^[0-9a-f]{32}$/);
    let detail = await cbr(client, 'GET', `/v3/{pid}/organization-policies/${org.id}/policy-detail`);
    expect(detail.body).toMatchObject({ count: 1, limit: 1000, offset: 0, policies: [{ policy_id: '', project_id: client.projectId, project_name: 'cn-north-4', status: 'syncing', error_msg: null }] });
    expect((await cbr(client, 'GET', '/v3/{pid}/policies')).body.count).toBe(0);

    await control(client, 'POST', '/clock/advance', { seconds: 11 });
    expect((await cbr(client, 'GET', `/v3/{pid}/organization-policies/${org.id}`)).body.policy.status).toBe('available');
    detail = await cbr(client, 'GET', `/v3/{pid}/organization-policies/${org.id}/policy-detail`);
    const delivered = detail.body.policies[0].policy_id;
    expect(detail.body.policies[0].status).toBe('available');
    const policy = (await cbr(client, 'GET', `/v3/{pid}/policies/${delivered}`)).body.policy;
    expect(policy).toMatchObject({ name: 'policy_create_test', enabled: false, operation_type: 'backup', trigger: { properties: { pattern: [WEEKLY] } } });

    const up = await cbr(client, 'PUT', `/v3/{pid}/organization-policies/${org.id}`, { body: { policy: { policy_enabled: true, policy_name: 'policy_update_test', name: 'renamed' } } });
    expect(up.body.policy).toMatchObject({ name: 'renamed', policy_name: 'policy_update_test', policy_enabled: true, status: 'syncing', policy_trigger: { properties: { pattern: [WEEKLY] } } });
    await control(client, 'POST', '/clock/advance', { seconds: 11 });
    // The same member policy is updated, not a second one created.
    const policies = (await cbr(client, 'GET', '/v3/{pid}/policies')).body;
    expect(policies.policies.map((p: { id: string; name: string; enabled: boolean }) => [p.id, p.name, p.enabled])).toEqual([[delivered, 'policy_update_test', true]]);

    await cbr(client, 'POST', '/v3/{pid}/organization-policies', { body: { policy: { ...ORG, name: 'second' } } });
    const list = await cbr(client, 'GET', '/v3/{pid}/organization-policies', { query: { operation_type: 'backup' } });
    expect(list.body).toMatchObject({ count: 2, limit: 1000, offset: 0 });
    expect((await cbr(client, 'GET', '/v3/{pid}/organization-policies', { query: { operation_type: 'replication' } })).body.count).toBe(0);

    const del = await cbr(client, 'DELETE', `/v3/{pid}/organization-policies/${org.id}`);
    expect(del.status).toBe(204);
    expect((await cbr(client, 'GET', `/v3/{pid}/organization-policies/${org.id}`)).body.error_code).toBe('BackupService.6000');
    // The member keeps the delivered policy: vaults may run on it.
    expect((await cbr(client, 'GET', `/v3/{pid}/policies/${delivered}`)).status).toBe(200);
  });

  it('validates like the policy API and answers unknown ids with 6000', async () => {
    const post = (policy: Record<string, unknown>) => cbr(client, 'POST', '/v3/{pid}/organization-policies', { body: { policy } });
    const bad: Record<string, unknown>[] = [
      { ...ORG, operation_type: undefined },
      { ...ORG, name: '' },
      { ...ORG, policy_name: 'has space' },
      { ...ORG, policy_enabled: undefined },
      { ...ORG, policy_trigger: { properties: { pattern: ['FREQ=MONTHLY;BYHOUR=1;BYMINUTE=00'] } } },
      { ...ORG, policy_operation_definition: { max_backups: 5, retention_duration_days: 3 } },
      { ...ORG, operation_type: 'replication' },
    ];
    for (const body of bad) {
      const r = await post(body);
      expect([r.status, r.body.error_code], JSON.stringify(body)).toEqual([400, 'BackupService.9900']);
    }
    expect((await cbr(client, 'GET', '/v3/{pid}/organization-policies')).body.error_code).toBe('BackupService.9900');
    const missing = '5f5dd325-d7d1-4693-9d97-db37ecb91696';
    expect((await cbr(client, 'PUT', `/v3/{pid}/organization-policies/${missing}`, { body: { policy: { name: 'x' } } })).status).toBe(404);
    expect((await cbr(client, 'DELETE', `/v3/{pid}/organization-policies/${missing}`)).body.error_code).toBe('BackupService.6000');
    expect((await cbr(client, 'GET', `/v3/{pid}/organization-policies/${missing}/policy-detail`)).body.error_code).toBe('BackupService.6000');
  });
});

describe('CBR order changes', () => {
  const order = (size: number) => cbr(client, 'POST', '/v3/{pid}/vaults/order', {
    body: { vault: { name: 'yearly', description: 'd'.repeat(200), billing: { consistent_level: 'crash_consistent', object_type: 'server', protect_type: 'backup', size, period_type: 'month', period_num: 3, is_auto_pay: true }, parameters: { combined_order: { combined_order_id: 'c1', combined_order_ecs_num: 2 } } } },
  });

  it('orders a yearly/monthly vault and changes its capacity through the order API', async () => {
    const o = await order(50);
    expect(o.body).toMatchObject({ retCode: 0, errText: '', orders: [{ subscribeResult: 1 }] });
    const first = o.body.orders[0];
    expect(first.orderId).toMatch(/^CS\d{10}[A-Z0-9]{5}$/);
    const vault = (await cbr(client, 'GET', `/v3/{pid}/vaults/${first.resourceId}`)).body.vault;
    expect(vault).toMatchObject({ description: 'd'.repeat(200), billing: { charging_mode: 'pre_paid', order_id: first.orderId, size: 50, spec_code: 'vault.backup.server.normal' } });

    const change = (orderId: string, productInfo: Record<string, unknown>) => cbr(client, 'PUT', `/v3/{pid}/orders/${orderId}`, { body: { resourceId: vault.id, productInfo } });
    const info = { productId: '00301-231147-0--0', resourceSpecCode: 'vault.backup.server.normal', resourceSize: 80, resourceSizeMeasureId: 17 };
    const r = await change(first.orderId, info);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ retCode: 0, retMsg: 'success' });
    expect(r.body.orderId).not.toBe(first.orderId);
    expect((await cbr(client, 'GET', `/v3/{pid}/vaults/${vault.id}`)).body.vault.billing).toMatchObject({ size: 80, order_id: r.body.orderId });

    // The old order is spent; shrinking, wrong specs and pay-per-use vaults are refused.
    expect((await change(first.orderId, info)).body.error_code).toBe('BackupService.9900');
    expect((await change(r.body.orderId, { ...info, resourceSize: 60 })).body.error_code).toBe('BackupService.6101');
    expect((await change(r.body.orderId, { ...info, resourceSpecCode: 'vault.backup.volume.normal' })).body.error_code).toBe('BackupService.9900');
    expect((await change(r.body.orderId, { ...info, resourceSpecCode: 'vault.backup.nothing' })).body.error_code).toBe('BackupService.9900');
    expect((await change(r.body.orderId, { ...info, resourceSize: 5 })).body.error_code).toBe('BackupService.9900');
    expect((await change(r.body.orderId, { ...info, resourceSizeMeasureId: 3 })).body.error_code).toBe('BackupService.9900');
    expect((await cbr(client, 'PUT', `/v3/{pid}/orders/${r.body.orderId}`, { body: { productInfo: info } })).body.error_code).toBe('BackupService.9900');
    const missing = await cbr(client, 'PUT', `/v3/{pid}/orders/${r.body.orderId}`, { body: { resourceId: '00000000-0000-4000-8000-000000000000', productInfo: info } });
    expect([missing.status, missing.body.error_code]).toEqual([404, 'BackupService.6105']);
    const postPaid = await cbr(client, 'POST', '/v3/{pid}/vaults', { body: { vault: { name: 'pp', resources: [], billing: { consistent_level: 'crash_consistent', object_type: 'server', protect_type: 'backup', size: 20 } } } });
    const pp = await cbr(client, 'PUT', `/v3/{pid}/orders/${r.body.orderId}`, { body: { resourceId: postPaid.body.vault.id, productInfo: info } });
    expect(pp.body.error_code).toBe('BackupService.6110');
  });

  it('refuses malformed orders', async () => {
    const bad = await cbr(client, 'POST', '/v3/{pid}/vaults/order', { body: { vault: { billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 50 }, parameters: { combined_order: { combined_order_ecs_num: 2 } } } } });
    expect(bad.body.error_code).toBe('BackupService.9900');
    const noPeriod = await cbr(client, 'POST', '/v3/{pid}/vaults/order', { body: { vault: { billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 50 } } } });
    expect(noPeriod.body.error_code).toBe('BackupService.9900');
    expect((await order(5)).body.error_code).toBe('BackupService.6101');
  });
});

describe('CBR projects', () => {
  it('lists the account projects of both regions and tells who owns a project', async () => {
    const region = await cbr(client, 'GET', '/v3/region-projects');
    expect(region.status).toBe(200);
    expect(region.body.projects.map((p: { name: string }) => p.name)).toEqual(['cn-north-4', 'cn-east-3']);
    expect(region.body.projects[0]).toMatchObject({ id: client.projectId, is_domain: false, enabled: true, links: { self: `${client.emulator.info.endpoints.iam}/v3/projects/${client.projectId}` } });
    const partner = region.body.projects[1].id;
    const domain = await cbr(client, 'GET', '/v3/domain/emulator-account/projects');
    expect(domain.body).toEqual({ projects: [{ project_name: 'cn-north-4', project_id: client.projectId }, { project_name: 'cn-east-3', project_id: partner }] });
    expect((await cbr(client, 'GET', '/v3/domain/someone-else/projects')).body).toEqual({ projects: [] });
    const owner = await cbr(client, 'GET', `/v3/domain/${partner}`);
    expect(owner.body).toEqual({ project_id: partner, project_name: 'cn-east-3', domain_id: region.body.projects[0].domain_id, domain_name: 'emulator-account' });
    const unknown = await cbr(client, 'GET', '/v3/domain/0123456789abcdef0123456789abcdef');
    expect([unknown.status, unknown.body.error_code]).toEqual([400, 'BackupService.6704']);
    expect((await cbr(client, 'GET', '/v3/region-projects', { auth: 'none' })).status).toBe(401);
  });
});
