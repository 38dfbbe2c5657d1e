import { beforeEach, describe, expect, it } from 'vitest';
import { AZ, control, createDisks, useTestEmulator } from './helpers.ts';
import { createServers, ecs, job, server, SUBNET } from './ecs-helpers.ts';

const client = useTestEmulator({}, { clock: 'instant' });
let id: string;
beforeEach(async () => {
  id = (await createServers(client)).ids[0]!;
});

const V = (v: string) => ({ 'X-OpenStack-Nova-API-Version': v });
const stop = (ids: string[]) => ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { 'os-stop': { servers: ids.map((x) => ({ id: x })) } } });

describe('flavors, limits, quotas', () => {
  it('lists flavors with string vcpus and extra specs; Nova flavors without them', async () => {
    const r = await ecs(client, 'GET', '/v1/{pid}/cloudservers/flavors');
    const f = r.body.flavors.find((x: { id: string }) => x.id === 's3.large.2');
    expect(f).toMatchObject({ vcpus: '2', ram: 4096, disk: '0', os_extra_specs: { 'ecs:performancetype': 'normal', 'cond:operation:status': 'normal' } });
    expect(r.body.flavors.some((x: { id: string }) => x.id === 's2.medium.2')).toBe(false);
    const inAz = await ecs(client, 'GET', '/v1/{pid}/cloudservers/flavors', { query: { availability_zone: 'cn-north-4a' } });
    expect(inAz.body.flavors.some((x: { id: string }) => x.id === 't6.small.1')).toBe(false);
    const nova = await ecs(client, 'GET', '/v2.1/{pid}/flavors/detail', { query: { sort_key: 'memory_mb', sort_dir: 'desc', minRam: '16384' } });
    expect(nova.body.flavors[0]).toMatchObject({ vcpus: 8, ram: 65536 });
    expect(nova.body.flavors.every((x: { ram: number; os_extra_specs?: unknown }) => x.ram >= 16384 && x.os_extra_specs === undefined)).toBe(true);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/flavors/c3.large.2/os-extra_specs')).body.extra_specs['ecs:generation']).toBe('c3');
  });

  it('counts usage in limits and refuses creates past the quota with Ecs.0001', async () => {
    const l = await ecs(client, 'GET', '/v1/{pid}/cloudservers/limits');
    expect(l.body.absolute).toMatchObject({ maxTotalInstances: 2048, totalInstancesUsed: 1, totalCoresUsed: 2, totalRAMUsed: 4096, maxTotalKeypairs: -1 });
    const nova = await ecs(client, 'GET', '/v2.1/{pid}/limits');
    expect(nova.body.limits.absolute.totalInstancesUsed).toBe(1);
    const big = await ecs(client, 'POST', '/v1/{pid}/cloudservers', {
      body: { server: { imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01', flavorRef: 'm3.2xlarge.8', name: 'big', vpcid: '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60', nics: [{ subnet_id: SUBNET }], root_volume: { volumetype: 'SSD' }, count: 400 } },
    });
    expect([big.status, big.body.error.code]).toEqual([400, 'Ecs.0001']);
  });
});

describe('Nova views', () => {
  it('gates fields by microversion and rejects bad versions', async () => {
    const v21 = await server(client, id, '2.1');
    expect(v21.locked).toBeUndefined();
    expect(v21.tags).toBeUndefined();
    expect(v21.flavor).toMatchObject({ id: 's3.large.2' });
    const v247 = await server(client, id, '2.47');
    expect(v247.flavor).toMatchObject({ vcpus: 2, ram: 4096, original_name: 's3.large.2' });
    expect(v247.flavor.id).toBeUndefined();
    const bad = await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}`, { headers: V('3.0') });
    expect(bad.status).toBe(400);
    expect(bad.body.badRequest.code).toBe(400);
    const v2 = await ecs(client, 'GET', `/v2/{pid}/servers/${id}`, { headers: V('2.26') });
    expect([v2.status, v2.body.server.locked]).toEqual([200, undefined]);
    expect((await ecs(client, 'GET', '/v2/{pid}/flavors/s3.large.2')).body.flavor.vcpus).toBe(2);
    const missing = await ecs(client, 'GET', '/v2.1/{pid}/servers/a2b6a1f4-0000-4000-8000-000000000000');
    expect([missing.status, Object.keys(missing.body)]).toEqual([404, ['itemNotFound']]);
  });

  it('filters, pages with marker and servers_links, and treats a bad status by version', async () => {
    await createServers(client, { name: 'db', count: 3 });
    const p1 = await ecs(client, 'GET', '/v2.1/{pid}/servers/detail', { query: { limit: '2' }, headers: V('2.26') });
    expect(p1.body.servers).toHaveLength(2);
    const next = new URL(p1.body.servers_links[0].href);
    const p2 = await ecs(client, 'GET', '/v2.1/{pid}/servers/detail', { query: Object.fromEntries(next.searchParams) });
    expect(p2.body.servers).toHaveLength(2);
    expect(p2.body.servers_links).toBeUndefined();
    const ids = [...p1.body.servers, ...p2.body.servers].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(4);
    // The unfiltered walk (served from the index) and a filtered one that keeps everything agree.
    const walk = async (first: Record<string, string>) => {
      const out: string[] = [];
      for (let q: Record<string, string> | undefined = first; q; ) {
        const r = await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: q });
        out.push(...r.body.servers.map((s: { id: string }) => s.id));
        q = r.body.servers_links ? Object.fromEntries(new URL(r.body.servers_links[0].href).searchParams) : undefined;
      }
      return out;
    };
    const plain = await walk({ limit: '1' });
    expect(plain).toHaveLength(4);
    expect(await walk({ limit: '3', name: '.' })).toEqual(plain);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { marker: 'a2b6a1f4-0000-4000-8000-000000000000' } })).status).toBe(400);
    const byName = await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { name: 'db-000' } });
    expect(byName.body.servers).toHaveLength(3);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { status: 'WRONG' } })).body.servers).toEqual([]);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { status: 'WRONG' }, headers: V('2.38') })).status).toBe(400);
    await stop([id]);
    const off = await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { status: 'SHUTOFF' } });
    expect(off.body.servers.map((s: { id: string }) => s.id)).toEqual([id]);
    const future = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { 'changes-since': future } })).body.servers).toEqual([]);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { 'changes-since': '2020-01-01' } })).body.servers).toHaveLength(4);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { 'changes-since': 'yesterday' } })).status).toBe(400);
  });

  it('renames, describes from 2.19, locks and unlocks', async () => {
    const put = await ecs(client, 'PUT', `/v2.1/{pid}/servers/${id}`, { body: { server: { name: 'renamed', description: 'web tier' } }, headers: V('2.19') });
    expect(put.body.server).toMatchObject({ name: 'renamed', description: 'web tier' });
    expect((await ecs(client, 'PUT', `/v2.1/{pid}/servers/${id}`, { body: { server: { description: 'x' } } })).status).toBe(400);
    expect((await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { lock: null } })).status).toBe(202);
    expect((await server(client, id)).locked).toBe(true);
    const refused = await stop([id]);
    expect(refused.body.error.code).toBe('Ecs.0605');
    await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { unlock: null } });
    expect((await stop([id])).status).toBe(200);
  });
});

describe('resize and OS', () => {
  it('ECS-native resize needs SHUTOFF and ends stopped with the new flavor', async () => {
    const running = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/resize`, { body: { resize: { flavorRef: 's3.xlarge.2' } } });
    expect(running.body.error.code).toBe('Ecs.0100');
    await stop([id]);
    const same = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/resize`, { body: { resize: { flavorRef: 's3.large.2' } } });
    expect(same.body.error.code).toBe('Ecs.0810');
    const r = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/resize`, { body: { resize: { flavorRef: 's3.xlarge.2' } } });
    expect((await job(client, r.body.job_id)).status).toBe('SUCCESS');
    expect(await server(client, id)).toMatchObject({ status: 'SHUTOFF', flavor: { id: 's3.xlarge.2' } });
  });

  it('Nova resize waits in VERIFY_RESIZE; revert restores the flavor, confirm keeps the new one', async () => {
    await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { resize: { flavorRef: 'c3.large.2' } } });
    expect(await server(client, id)).toMatchObject({ status: 'VERIFY_RESIZE', 'OS-EXT-STS:vm_state': 'resized', flavor: { id: 'c3.large.2' } });
    await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { revertResize: null } });
    expect(await server(client, id)).toMatchObject({ status: 'ACTIVE', flavor: { id: 's3.large.2' } });
    const confirmActive = await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { confirmResize: null } });
    expect(confirmActive.status).toBe(400);
    await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { resize: { flavorRef: 'c3.large.2' } } });
    expect((await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { confirmResize: null } })).status).toBe(204);
    expect(await server(client, id)).toMatchObject({ status: 'ACTIVE', flavor: { id: 'c3.large.2' } });
  });

  it('reinstall and change OS need a stopped server', async () => {
    const body = { 'os-change': { keyname: 'kp', imageid: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b02' } };
    await stop([id]);
    expect((await ecs(client, 'POST', `/v2/{pid}/cloudservers/${id}/changeos`, { body })).body.error.code).toBe('Ecs.0314');
    await ecs(client, 'POST', '/v2.1/{pid}/os-keypairs', { body: { keypair: { name: 'kp', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ1 qa' } } });
    await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { 'os-start': { servers: [{ id }] } } });
    expect((await ecs(client, 'POST', `/v2/{pid}/cloudservers/${id}/changeos`, { body })).body.error.code).toBe('Ecs.0100');
    await stop([id]);
    const r = await ecs(client, 'POST', `/v2/{pid}/cloudservers/${id}/changeos`, { body });
    expect(await job(client, r.body.job_id)).toMatchObject({ status: 'SUCCESS', job_type: 'changeOS' });
    expect(await server(client, id)).toMatchObject({ status: 'SHUTOFF', image: { id: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b02' }, key_name: 'kp' });
    const re = await ecs(client, 'POST', `/v2/{pid}/cloudservers/${id}/reinstallos`, { body: { 'os-reinstall': { keyname: 'kp', userid: 'u' } } });
    expect((await job(client, re.body.job_id)).status).toBe('SUCCESS');
    await control(client, 'PUT', '/clock', { speed: 'realistic' });
    await control(client, 'POST', '/clock/freeze');
    const nova = await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { rebuild: { imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01', name: 'rebuilt' } } });
    expect(nova.status).toBe(202);
    expect(nova.body.server).toMatchObject({ status: 'REBUILD', 'OS-EXT-STS:task_state': 'rebuilding', name: 'rebuilt' });
    await control(client, 'POST', '/clock/advance', { seconds: 30 });
    expect(await server(client, id)).toMatchObject({ status: 'SHUTOFF', image: { id: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01' } });
  });
});

describe('tags and metadata', () => {
  it('2D tags: at most 10, overwrite by key, idempotent delete; 1D tags are separate and need 2.26', async () => {
    const action = (b: unknown) => ecs(client, 'POST', `/v1/{pid}/servers/${id}/tags/action`, { body: b });
    expect((await action({ action: 'create', tags: [{ key: 'env', value: 'prod' }] })).status).toBe(204);
    await action({ action: 'create', tags: [{ key: 'env', value: 'dev' }] });
    expect((await ecs(client, 'GET', `/v1/{pid}/servers/${id}/tags`)).body.tags).toEqual([{ key: 'env', value: 'dev' }]);
    const many = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect((await action({ action: 'create', tags: many })).body.error.code).toBe('Ecs.0905');
    expect((await action({ action: 'create', tags: [{ key: 'a b', value: 'v' }] })).body.error.code).toBe('Ecs.0907');
    expect((await action({ action: 'Create', tags: [{ key: 'a', value: 'v' }] })).status).toBe(400);
    expect((await action({ action: 'delete', tags: [{ key: 'missing' }] })).status).toBe(204);
    const filter = await ecs(client, 'POST', '/v1/{pid}/servers/resource_instances/action', { body: { action: 'filter', tags: [{ key: 'env', values: ['dev'] }], limit: '10' } });
    expect(filter.body).toMatchObject({ total_count: 1, resources: [{ resource_id: id }] });

    expect((await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/tags`)).status).toBe(404);
    const add = await ecs(client, 'PUT', `/v2.1/{pid}/servers/${id}/tags/blue`, { headers: V('2.26') });
    expect([add.status, add.body.code]).toEqual([201, '201 Created']);
    const all = await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/tags`, { headers: V('2.26') });
    expect(all.body.tags).toEqual(['blue']);
    expect((await server(client, id)).tags).toEqual(['blue']);
    expect((await ecs(client, 'PUT', `/v2.1/{pid}/servers/${id}/tags`, { body: { tags: ['x'.repeat(81)] }, headers: V('2.26') })).status).toBe(400);
    const filtered = await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { tags: 'blue' } });
    expect(filtered.body.servers).toHaveLength(1);
  });

  it('metadata merge, replace, item set and delete', async () => {
    const m = `/v2.1/{pid}/servers/${id}/metadata`;
    expect((await ecs(client, 'POST', m, { body: { metadata: { a: '1' } } })).body.metadata).toEqual({ a: '1' });
    expect((await ecs(client, 'PUT', `${m}/b`, { body: { meta: { b: '2' } } })).body.meta).toEqual({ b: '2' });
    expect((await ecs(client, 'GET', m)).body.metadata).toEqual({ a: '1', b: '2' });
    expect((await ecs(client, 'DELETE', `${m}/a`)).status).toBe(204);
    expect((await ecs(client, 'GET', `${m}/a`)).status).toBe(404);
    expect((await ecs(client, 'PUT', m, { body: { metadata: { 'bad key': 'x' } } })).status).toBe(400);
  });
});

describe('Nova create', () => {
  const NET = '2a6f4aa6-d93e-45f5-a8cb-b030dbf8cd68';
  it('boots from an image with a blank data disk, or from an existing disk (image "")', async () => {
    const r = await ecs(client, 'POST', '/v2.1/{pid}/servers', {
      body: { server: { name: 'nova', flavorRef: 's3.large.2', imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01', networks: [{ uuid: NET }],
        block_device_mapping_v2: [{ source_type: 'blank', destination_type: 'volume', volume_size: '20', boot_index: '-1' }] } },
    });
    expect(r.status).toBe(202);
    expect(r.body.server).toMatchObject({ 'OS-DCF:diskConfig': 'MANUAL', security_groups: [{ name: 'default' }] });
    const s = await server(client, r.body.server.id);
    expect(s).toMatchObject({ status: 'ACTIVE', image: { id: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01' } });
    expect(s['os-extended-volumes:volumes_attached']).toHaveLength(2);

    const { ids: [boot] } = await createDisks(client, { availability_zone: AZ.a, size: 40, imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b02' });
    const fromDisk = await ecs(client, 'POST', '/v2/{pid}/os-volumes_boot', {
      body: { server: { name: 'fromdisk', flavorRef: 's3.large.2', networks: [{ uuid: NET }], block_device_mapping_v2: [{ source_type: 'volume', uuid: boot, boot_index: 0 }] } },
    });
    expect(fromDisk.status).toBe(202);
    const s2 = await server(client, fromDisk.body.server.id);
    expect(s2['os-extended-volumes:volumes_attached']).toEqual([{ id: boot, delete_on_termination: true }]);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${boot}`)).body.volume.attachments[0].device).toBe('/dev/vda');
    const noImage = await ecs(client, 'POST', '/v2.1/{pid}/servers', { body: { server: { name: 'x', flavorRef: 's3.large.2', networks: [{ uuid: NET }] } } });
    expect([noImage.status, Object.keys(noImage.body)]).toEqual([400, ['badRequest']]);
  });

  it('joins the scheduler-hint group, checks adminPass and records a Windows password', async () => {
    const g = await ecs(client, 'POST', '/v2.1/{pid}/os-server-groups', { body: { server_group: { name: 'spread', policies: ['anti-affinity'] } } });
    const body = (pass: string) => ({
      server: { name: 'win', flavorRef: 's3.large.2', imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b03', networks: [{ uuid: NET }], adminPass: pass },
      'os:scheduler_hints': { group: g.body.server_group.id },
    });
    const weak = await ecs(client, 'POST', '/v2.1/{pid}/servers', { body: body('password') });
    expect(weak.body.badRequest.message).toMatch(/Ecs\.0011/);
    const r = await ecs(client, 'POST', '/v2.1/{pid}/servers', { body: body('Str0ng!Pass') });
    const sid = r.body.server.id;
    expect((await ecs(client, 'GET', `/v2.1/{pid}/os-server-groups/${g.body.server_group.id}`)).body.server_group.members).toEqual([sid]);
    expect((await ecs(client, 'GET', `/v2.1/{pid}/servers/${sid}/os-server-password`)).body.password).not.toBe('');
    expect((await ecs(client, 'DELETE', `/v2.1/{pid}/servers/${sid}/os-server-password`)).status).toBe(204);
    expect((await ecs(client, 'GET', `/v2.1/{pid}/servers/${sid}/os-server-password`)).body.password).toBe('');
    await ecs(client, 'DELETE', `/v2.1/{pid}/servers/${sid}`);
    expect((await ecs(client, 'GET', `/v2.1/{pid}/os-server-groups/${g.body.server_group.id}`)).body.server_group.members).toEqual([]);
  });
});

describe('NICs, security groups, key pairs, groups, console, operations', () => {
  it('adds NICs by job and refuses to delete the primary NIC with 403', async () => {
    const add = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/nics`, { body: { nics: [{ subnet_id: '9b2e3f4a-5d6c-4b7a-9f8e-7d6c5b4a3922' }] } });
    const j = await job(client, add.body.job_id);
    expect(j).toMatchObject({ status: 'SUCCESS', entities: { sub_jobs_total: 1 } });
    const nics = (await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-interface`)).body.interfaceAttachments;
    expect(nics).toHaveLength(2);
    expect(j.entities.sub_jobs[0].entities.nic_id).toBe(nics[1].port_id);
    const primary = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/nics/delete`, { body: { nics: [{ id: nics[0].port_id }] } });
    expect(primary.status).toBe(403);
    const del = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/nics/delete`, { body: { nics: [{ id: nics[1].port_id }] } });
    expect((await job(client, del.body.job_id)).status).toBe('SUCCESS');
    expect((await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-interface`)).body.interfaceAttachments).toHaveLength(1);
  });

  it('security groups of a server change through actions', async () => {
    await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { addSecurityGroup: { name: 'sg-web' } } });
    const sgs = await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-security-groups`);
    expect(sgs.body.security_groups.map((g: { name: string }) => g.name)).toEqual(['default', 'sg-web']);
    expect((await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { removeSecurityGroup: { name: 'nope' } } })).status).toBe(404);
  });

  it('key pairs and server groups', async () => {
    const kp = await ecs(client, 'POST', '/v2.1/{pid}/os-keypairs', { body: { keypair: { name: 'ops' } } });
    expect(kp.body.keypair.private_key).toMatch(/BEGIN RSA PRIVATE KEY/);
    expect(kp.body.keypair.public_key).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E/);
    expect((await ecs(client, 'POST', '/v2.1/{pid}/os-keypairs', { body: { keypair: { name: 'ops' } } })).status).toBe(409);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/os-keypairs')).body.keypairs).toHaveLength(1);
    expect((await ecs(client, 'DELETE', '/v2.1/{pid}/os-keypairs/ops')).status).toBe(202);

    const g = await ecs(client, 'POST', '/v1/{pid}/cloudservers/os-server-groups', { body: { server_group: { name: 'g', policies: ['anti-affinity'] } } });
    const gid = g.body.server_group.id;
    const add = (b: unknown) => ecs(client, 'POST', `/v1/{pid}/cloudservers/os-server-groups/${gid}/action`, { body: b });
    expect((await add({ add_member: { instance_uuid: id } })).body.error.code).toBe('Ecs.0100');
    await stop([id]);
    expect((await add({ add_member: { instance_uuid: id } })).status).toBe(200);
    expect((await ecs(client, 'GET', `/v2.1/{pid}/os-server-groups/${gid}`)).body.server_group.members).toEqual([id]);
    expect((await ecs(client, 'POST', '/v2.1/{pid}/os-server-groups', { body: { server_group: { name: 'g', policies: ['affinity'] } } })).status).toBe(400);
  });

  it('cold migration moves a stopped server to another host', async () => {
    expect((await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/migrate`, { body: { migrate: null } })).body.error.code).toBe('Ecs.0100');
    await stop([id]);
    const before = (await server(client, id))['OS-EXT-SRV-ATTR:host'];
    const r = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/migrate`, { body: { migrate: { dedicated_host_id: '459a2b9d-804a-4745-ab19-a113bb1b4ddc' } } });
    expect(await job(client, r.body.job_id)).toMatchObject({ status: 'SUCCESS', job_type: 'migrateServer' });
    const after = await server(client, id);
    expect(after.status).toBe('SHUTOFF');
    expect(after['OS-EXT-SRV-ATTR:host']).not.toBe(before);
  });

  it('version discovery answers without credentials', async () => {
    const all = await client.call('GET', '/ecs/', { auth: 'none' });
    expect(all.body.versions.find((v: { id: string }) => v.id === 'v2.1')).toMatchObject({ min_version: '2.1', version: '2.60', status: 'CURRENT' });
    expect((await client.call('GET', '/ecs/v2.1', { auth: 'none' })).body.version['media-types']).toHaveLength(1);
  });

  it('console output up to 2.5, operations log, password record', async () => {
    const out = await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { 'os-getConsoleOutput': { length: 1 } } });
    expect(out.body.output).toMatch(/login:/);
    expect((await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { 'os-getConsoleOutput': { length: 1 } }, headers: V('2.6') })).status).toBe(404);
    await stop([id]);
    const actions = (await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-instance-actions`)).body.instanceActions;
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['stop', 'create']);
    expect((await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-server-password`)).body).toEqual({ password: '' });
  });
});
