import { describe, expect, it } from 'vitest';
import { control, useTestEmulator } from './helpers.ts';
import { createServers, ecs, server } from './ecs-helpers.ts';
import { backups, cbr, createVault } from './cbr-helpers.ts';

const client = useTestEmulator();

async function versions(): Promise<Map<string, number>> {
  const r = await control(client, 'GET', '/state/volumes?limit=1000');
  return new Map(r.body.rows.map((v: { id: string; data_version: number }) => [v.id, v.data_version]));
}

describe('CBR server vaults', () => {
  it('backs a server up with one child backup per disk and restores it with mappings and power-on', async () => {
    const { ids } = await createServers(client);
    const serverId = ids[0]!;
    const vault = await createVault(client, 'server', [{ id: serverId, type: 'OS::Nova::Server' }]);
    expect(vault).toMatchObject({ provider_id: '0daac4c5-6707-4851-97ba-169e36266b66', billing: { spec_code: 'vault.backup.server.normal' }, resources: [{ id: serverId, size: 60 }] });
    const protectables = await cbr(client, 'GET', '/v3/{pid}/protectables/server/instances');
    expect(protectables.body.instances[0]).toMatchObject({ id: serverId, type: 'OS::Nova::Server', protectable: { result: false, vault: { id: vault.id } } });
    expect(protectables.body.instances[0].children).toHaveLength(2);

    const cp = await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { name: 'srv_1' } } } });
    expect(cp.status).toBe(200);
    const [backup] = await backups(client, { vault_id: vault.id });
    expect(backup).toMatchObject({ resource_type: 'OS::Nova::Server', resource_id: serverId, status: 'available', resource_size: 60, extend_info: { contain_system_disk: true } });
    expect(backup.children).toHaveLength(2);
    expect(backup.children.every((c: { parent_id: string; resource_type: string }) => c.parent_id === backup.id && c.resource_type === 'OS::Cinder::Volume')).toBe(true);
    expect((await backups(client, { parent_id: backup.id })).length).toBe(2);
    const before = await versions();

    // The server is stopped; the restore powers it on again.
    const stop = await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { 'os-stop': { type: 'HARD', servers: [{ id: serverId }] } } });
    expect(stop.status).toBe(200);
    expect((await server(client, serverId)).status).toBe('SHUTOFF');

    const mappings = backup.children.map((c: { id: string; resource_id: string }) => ({ backup_id: c.id, volume_id: c.resource_id }));
    const wrongServer = await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/restore`, { body: { restore: { server_id: '6c1b1a1e-0000-4000-8000-000000000000', mappings } } });
    expect(wrongServer.body.error_code).toBe('BackupService.2003');
    const r = await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/restore`, { body: { restore: { server_id: serverId, mappings, power_on: true } } });
    expect(r.status).toBe(202);
    const after = await versions();
    for (const c of backup.children) expect(after.get(c.resource_id)).toBe(before.get(c.resource_id));
    expect((await server(client, serverId)).status).toBe('ACTIVE');
    const log = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { operation_type: 'restore' } });
    expect(log.body.operation_logs[0]).toMatchObject({ status: 'success', extra_info: { restore: { target_resource_id: serverId } } });

    // Sharing is offered for server backups.
    const member = '722513ed0a324dadaabe5b2d0fe848c9';
    const shared = await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/members`, { body: { members: [member] } });
    expect(shared.body).toMatchObject({ count: 1, members: [{ dest_project_id: member, status: 'pending', backup_id: backup.id }] });
    expect((await cbr(client, 'POST', `/v3/{pid}/backups/${backup.id}/members`, { body: { members: [member] } })).body.error_code).toBe('BackupService.6714');
    const accepted = await cbr(client, 'PUT', `/v3/{pid}/backups/${backup.id}/members/${member}`, { body: { status: 'accepted', vault_id: vault.id } });
    expect(accepted.body.member.status).toBe('accepted');
    expect((await cbr(client, 'GET', `/v3/{pid}/backups/${backup.id}/members/${member}`)).body.member.status).toBe('accepted');
    expect((await cbr(client, 'DELETE', `/v3/{pid}/backups/${backup.id}/members/${member}`)).status).toBe(204);
    expect((await cbr(client, 'GET', `/v3/{pid}/backups/${backup.id}/members/${member}`)).body.error_code).toBe('BackupService.6705');
  });
});
