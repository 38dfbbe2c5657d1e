import { describe, expect, it } from 'vitest';
import { emulatorProcesses } from './processes.ts';
import { control } from './helpers.ts';
import { backups, cbr, createVault } from './cbr-helpers.ts';
import { createServers } from './ecs-helpers.ts';

const { start } = emulatorProcesses('realistic');

describe('CBR persistence of clients, organizational policies and replications', () => {
  it('kill -9 while a replication and a policy delivery run: both finish after the restart, clients are kept', async () => {
    const { client, crash, restart } = await start();
    await control(client, 'POST', '/clock/freeze');

    const agent = '489654f2-363b-4ebf-966a-bdf079d97114';
    await cbr(client, 'POST', '/v3/{pid}/agents', { body: { agent: { agent_id: agent, host_name: 'ecs-1', host_ip: '10.0.0.9', host_os: 'linux' } } });
    await cbr(client, 'POST', `/v3/{pid}/agents/${agent}/add-path`, { body: { add_path: ['/srv/data'] } });
    const { ids } = await createServers(client);
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const vault = await createVault(client, 'server', [{ id: ids[0]!, type: 'OS::Nova::Server' }]);
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id } } });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const [backup] = await backups(client, { vault_id: vault.id });
    const projects = (await cbr(client, 'GET', '/v3/region-projects')).body.projects as { id: string; name: string }[];
    const partner = projects[1]!;
    const dest = (await cbr(client, 'GET', '/v3/{pid}/vaults/external', { query: { external_project_id: partner.id, region_id: partner.name, protect_type: 'replication' } })).body.vaults[0];
    const rep = await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/replicate`, { body: { replicate: { destination_project_id: partner.id, destination_region: partner.name, destination_vault_id: dest.id } } });
    expect(rep.status).toBe(200);
    const org = (await cbr(client, 'POST', '/v3/{pid}/organization-policies', {
      body: { policy: { name: 'org', operation_type: 'backup', policy_name: 'org_daily', policy_enabled: true, policy_operation_definition: { max_backups: 3 }, policy_trigger: { properties: { pattern: ['FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=00'] } } } },
    })).body.policy;

    await crash();

    await restart();
    expect((await cbr(client, 'GET', `/v3/{pid}/agents/${agent}`)).body.agent.paths.map((p: { dir_path: string }) => p.dir_path)).toEqual(['/srv/data']);
    expect((await cbr(client, 'GET', `/v3/{pid}/organization-policies/${org.id}`)).body.policy.status).toBe('syncing');
    expect((await cbr(client, 'GET', `/v3/{pid}/backups/${backup.id}`)).body.backup.replication_records).toMatchObject([{ status: 'replicating' }]);

    await control(client, 'POST', '/clock/advance', { seconds: 61 });
    expect((await cbr(client, 'GET', `/v3/{pid}/backups/${backup.id}`)).body.backup.replication_records).toMatchObject([{ status: 'success' }]);
    expect((await cbr(client, 'GET', `/v3/{pid}/organization-policies/${org.id}`)).body.policy.status).toBe('available');
    expect((await cbr(client, 'GET', '/v3/{pid}/policies')).body.policies.filter((p: { name: string }) => p.name === 'org_daily')).toHaveLength(1);
    const ext = (await cbr(client, 'GET', '/v3/{pid}/vaults/external', { query: { external_project_id: partner.id, region_id: partner.name, vault_id: dest.id } })).body.vaults[0];
    expect(ext.billing.used).toBe(backup.resource_size * 1024);
    await crash();
  }, 60_000);
});
