import { describe, expect, it } from 'vitest';
import { control, createDisks, useTestEmulator, type Json } from './helpers.ts';
import { cbr, serverBackup } from './cbr-helpers.ts';

const client = useTestEmulator({ speed: 'realistic' }, { clock: 'frozen' });

const PROJECTS = ['722513ed0a324dadaabe5b2d0fe848c9', '8f1e2d3c4b5a69788f1e2d3c4b5a6978', 'a1b2c3d4e5f60718293a4b5c6d7e8f90'];

describe('CBR share member lists and protectable paging', () => {
  it('filters, sorts and pages the members of a shared backup', async () => {
    const { vault, backup } = await serverBackup(client);
    const members = `/v3/{pid}/backups/${backup.id}/members`;
    for (const p of PROJECTS) {
      await cbr(client, 'POST', members, { body: { members: [p] } });
      await control(client, 'POST', '/clock/advance', { seconds: 1 });
    }
    await cbr(client, 'PUT', `${members}/${PROJECTS[1]}`, { body: { status: 'accepted', vault_id: vault.id } });
    await cbr(client, 'PUT', `${members}/${PROJECTS[2]}`, { body: { status: 'rejected' } });
    const list = async (query: Record<string, string>) => (await cbr(client, 'GET', members, { query })).body;
    const dests = (body: Json) => body.members.map((m: Json) => m.dest_project_id);

    expect(dests(await list({}))).toEqual([...PROJECTS].reverse());
    expect(dests(await list({ sort: 'created_at:asc' }))).toEqual(PROJECTS);
    expect(await list({ status: 'accepted' })).toMatchObject({ count: 1, members: [{ dest_project_id: PROJECTS[1], vault_id: vault.id }] });
    expect((await list({ vault_id: vault.id })).count).toBe(1);
    expect((await list({ dest_project_id: PROJECTS[2]! })).members[0].status).toBe('rejected');
    expect((await list({ image_id: 'c6d0f8d5-0000-4000-8000-000000000000' })).count).toBe(0);
    const page = await list({ sort: 'created_at:asc', limit: '1', offset: '1' });
    expect([page.count, dests(page)]).toEqual([3, [PROJECTS[1]]]);
    const first = (await list({ sort: 'created_at:asc', limit: '1' })).members[0].id;
    expect(dests(await list({ sort: 'created_at:asc', marker: first }))).toEqual(PROJECTS.slice(1));
    // The backup list finds backups by their members' status.
    const byMember = async (status: string) => (await cbr(client, 'GET', '/v3/{pid}/backups', { query: { member_status: status } })).body.count;
    expect([await byMember('accepted'), await byMember('rejected'), await byMember('pending')]).toEqual([1, 1, 1]);
    await cbr(client, 'DELETE', `${members}/${PROJECTS[0]}`);
    expect(await byMember('pending')).toBe(0);
    for (const bad of [{ status: 'shared' }, { sort: 'size:asc' }, { limit: '0' }, { marker: 'nope' }] as Record<string, string>[]) {
      const r = await cbr(client, 'GET', members, { query: bad });
      expect([r.status, r.body.error_code], JSON.stringify(bad)).toEqual([400, 'BackupService.9900']);
    }
  });

  it('narrows disk protectables to one server and pages them by marker', async () => {
    const { serverId } = await serverBackup(client);
    await createDisks(client, { size: 10, count: 2 });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const disks = await cbr(client, 'GET', '/v3/{pid}/protectables/disk/instances', { query: { server_id: serverId } });
    expect(disks.body.instances).toHaveLength(2);
    expect(disks.body.instances.every((i: Json) => i.type === 'OS::Cinder::Volume' && i.status === 'in-use')).toBe(true);
    const all = (await cbr(client, 'GET', '/v3/{pid}/protectables/disk/instances')).body.instances as Json[];
    expect(all).toHaveLength(4);
    const after = await cbr(client, 'GET', '/v3/{pid}/protectables/disk/instances', { query: { marker: all[0].id, limit: '1' } });
    expect(after.body.instances.map((i: Json) => i.id)).toEqual([all[1].id]);
    const bad = await cbr(client, 'GET', '/v3/{pid}/protectables/disk/instances', { query: { marker: 'missing' } });
    expect(bad.body.error_code).toBe('BackupService.9900');
  });

  it('filters backups by AZ, share of the vault, enterprise project and dedicated cloud', async () => {
    const { vault, backup } = await serverBackup(client);
    const count = async (query: Record<string, string>) => {
      const r = await cbr(client, 'GET', '/v3/{pid}/backups', { query });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.count as number;
    };
    // 60 GB of a 100 GB vault.
    expect(backup.resource_size).toBe(60);
    expect(vault.billing.size).toBe(100);
    expect(await count({ used_percent: '60' })).toBe(1);
    expect(await count({ used_percent: '61' })).toBe(0);
    expect(backup.resource_az).toMatch(/^cn-north-4[abc]$/);
    expect(await count({ resource_az: backup.resource_az })).toBe(1);
    expect(await count({ resource_az: 'elsewhere-1a' })).toBe(0);
    expect(await count({ enterprise_project_id: '0' })).toBe(1);
    expect(await count({ enterprise_project_id: 'all_granted_eps' })).toBe(1);
    expect(await count({ enterprise_project_id: '5a1c9f3e-0000-4000-8000-000000000000' })).toBe(0);
    expect(await count({ dec: 'true' })).toBe(0);
    expect(await count({ dec: 'false' })).toBe(1);
    const tasks = async (query: Record<string, string>) => (await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query })).body.count;
    expect(await tasks({ enterprise_project_id: 'all_granted_eps' })).toBeGreaterThan(0);
    expect(await tasks({ enterprise_project_id: 'other' })).toBe(0);
    const vaults = async (query: Record<string, string>) => (await cbr(client, 'GET', '/v3/{pid}/vaults', { query })).body.count;
    expect([await vaults({ enterprise_project_id: '0' }), await vaults({ enterprise_project_id: 'all_granted_eps' }), await vaults({ enterprise_project_id: 'other' })]).toEqual([1, 1, 0]);
    for (const bad of [{ used_percent: '0' }, { used_percent: '101' }, { dec: 'yes' }, { member_status: 'shared' }] as Record<string, string>[]) {
      const r = await cbr(client, 'GET', '/v3/{pid}/backups', { query: bad });
      expect([r.status, r.body.error_code], JSON.stringify(bad)).toEqual([400, 'BackupService.9900']);
    }
  });
});
