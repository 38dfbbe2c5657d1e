import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AZ, control, startTestEmulator, type Client, type Json, useTestEmulator } from './helpers.ts';
import { ecs, IMAGE, server, serverBody, SUBNET, VPC, vpc } from './ecs-helpers.ts';

const client = useTestEmulator({}, { resetEachTest: false });

const ims = (p: string, query?: Record<string, string>) => client.call('GET', `/ims${p}`, query ? { query } : {});
const SQL_IMAGE = '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b23';
const DEMO_VPC = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const DEMO_WEB_SUBNET = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01';

describe('IMS', () => {
  it('lists the public catalogue with the SDK model\'s fields, filtered and paged', async () => {
    const all = await ims('/v2/cloudimages', { __imagetype: 'gold' });
    expect(all.status).toBe(200);
    const images: Json[] = all.body.images;
    expect(images.length).toBeGreaterThanOrEqual(15);
    expect(new Set(images.map((i) => i.__platform))).toEqual(new Set(['Ubuntu', 'CentOS', 'Windows', 'Debian', 'EulerOS', 'OpenSUSE', 'Oracle Linux', 'Fedora']));
    const ubuntu = images.find((i) => i.id === IMAGE);
    expect(ubuntu).toMatchObject({
      name: 'Ubuntu 22.04 server 64bit', __os_type: 'Linux', __platform: 'Ubuntu', __imagetype: 'gold', visibility: 'public', status: 'active',
      min_disk: 40, min_ram: 1024, protected: true, virtual_env_type: 'FusionCompute', self: `/v2/images/${IMAGE}`,
    });
    expect(ubuntu.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Newest first by default.
    const dates = images.map((i) => i.created_at as string);
    expect([...dates].sort().reverse()).toEqual(dates);

    const windows = await ims('/v2/cloudimages', { __os_type: 'Windows', __imagetype: 'gold' });
    expect(windows.body.images.map((i: Json) => i.__platform)).toEqual(Array(windows.body.images.length).fill('Windows'));
    expect(windows.body.images.find((i: Json) => i.id === SQL_IMAGE)).toMatchObject({ min_disk: 100, min_ram: 8192 });

    const byName = await ims('/v2/cloudimages', { name: 'Debian 12.0.0 64bit' });
    expect(byName.body.images).toHaveLength(1);

    const first = await ims('/v2/cloudimages', { __imagetype: 'gold', limit: '4', sort_key: 'name', sort_dir: 'asc' });
    expect(first.body.images).toHaveLength(4);
    const next = await ims('/v2/cloudimages', { __imagetype: 'gold', limit: '4', sort_key: 'name', sort_dir: 'asc', marker: first.body.page_info.next_marker });
    const names = [...first.body.images, ...next.body.images].map((i: Json) => i.name as string);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(8);
  });

  it('refuses bad filters and shows one image through the Glance path', async () => {
    expect((await ims('/v2/cloudimages', { __os_type: 'Solaris' })).body.error.code).toBe('IMG.0001');
    expect((await ims('/v2/cloudimages', { limit: '0' })).status).toBe(400);
    expect((await ims('/v2/cloudimages', { marker: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    const one = await ims(`/v2/images/${SQL_IMAGE}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: SQL_IMAGE, __os_type: 'Windows', min_disk: 100 });
    const missing = await ims('/v2/images/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('IMG.0027');
    expect((await client.call('GET', '/ims/v2/cloudimages', { auth: 'none' })).status).toBe(401);
  });
});

describe('VPC', () => {
  it('has the default network, and creates VPCs, subnets and groups with validation', async () => {
    const list = await vpc(client, 'GET', '/v1/{pid}/vpcs');
    expect(list.body.vpcs).toEqual([expect.objectContaining({ id: VPC, name: 'vpc-default', cidr: '10.0.0.0/8', status: 'OK' })]);
    const subnets = await vpc(client, 'GET', `/v1/{pid}/subnets?vpc_id=${VPC}`);
    expect(subnets.body.subnets.find((s: Json) => s.id === SUBNET)).toMatchObject({ cidr: '10.0.0.0/16', gateway_ip: '10.0.0.1', vpc_id: VPC, status: 'ACTIVE' });

    expect((await vpc(client, 'POST', '/v1/{pid}/vpcs', { vpc: { name: 'bad', cidr: '8.8.8.0/24' } })).body.error_code).toBe('VPC.0101');
    expect((await vpc(client, 'POST', '/v1/{pid}/vpcs', { vpc: { name: 'bad', cidr: '172.16.0.1/16' } })).status).toBe(400);
    const made = await vpc(client, 'POST', '/v1/{pid}/vpcs', { vpc: { name: 'vpc-qa', cidr: '172.16.0.0/16', description: 'qa' } });
    expect(made.status).toBe(200);
    const vpcId = made.body.vpc.id as string;

    const subnet = (o: Record<string, unknown>) => vpc(client, 'POST', '/v1/{pid}/subnets', { subnet: { name: 'sn', vpc_id: vpcId, cidr: '172.16.1.0/24', gateway_ip: '172.16.1.1', ...o } });
    expect((await subnet({ cidr: '10.9.0.0/24', gateway_ip: '10.9.0.1' })).body).toMatchObject({ error_code: 'VPC.0201' });
    expect((await subnet({ gateway_ip: '172.16.2.1' })).body.error_code).toBe('VPC.0204');
    expect((await subnet({ gateway_ip: '172.16.1.255' })).body.error_code).toBe('VPC.0204');
    expect((await subnet({ availability_zone: 'nowhere-1a' })).body.error_code).toBe('VPC.0206');
    expect((await subnet({ vpc_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const ok = await subnet({ availability_zone: AZ.b });
    expect(ok.body.subnet).toMatchObject({ cidr: '172.16.1.0/24', gateway_ip: '172.16.1.1', availability_zone: AZ.b, vpc_id: vpcId, dhcp_enable: true });
    expect((await subnet({ name: 'overlap', cidr: '172.16.1.128/25', gateway_ip: '172.16.1.129' })).body.error_code).toBe('VPC.0203');
    expect((await vpc(client, 'GET', `/v1/{pid}/subnets/${ok.body.subnet.id}`)).body.subnet.name).toBe('sn');

    const sg = await vpc(client, 'POST', '/v1/{pid}/security-groups', { security_group: { name: 'sg-qa', vpc_id: vpcId } });
    const sgId = sg.body.security_group.id as string;
    // A new group lets out everything and lets in its own members.
    expect(sg.body.security_group.security_group_rules).toHaveLength(4);
    const rule = (o: Record<string, unknown>) => vpc(client, 'POST', '/v1/{pid}/security-group-rules', { security_group_rule: { security_group_id: sgId, direction: 'ingress', ...o } });
    expect((await rule({ protocol: 'tcp', port_range_min: 443, port_range_max: 80 })).body.error_code).toBe('VPC.0402');
    const https = await rule({ protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0' });
    expect(https.body.security_group_rule).toMatchObject({ protocol: 'tcp', port_range_min: 443, remote_ip_prefix: '0.0.0.0/0', ethertype: 'IPv4' });
    expect((await rule({ protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0' })).body.error_code).toBe('VPC.0403');
    const groups = await vpc(client, 'GET', `/v1/{pid}/security-groups?vpc_id=${vpcId}`);
    expect(groups.body.security_groups.map((g: Json) => g.name)).toEqual(['sg-qa']);
    expect(groups.body.security_groups[0].security_group_rules).toHaveLength(5);

    // Paging in creation order.
    const page1 = await vpc(client, 'GET', '/v1/{pid}/vpcs?limit=1');
    expect(page1.body.vpcs.map((v: Json) => v.id)).toEqual([VPC]);
    const page2 = await vpc(client, 'GET', `/v1/{pid}/vpcs?limit=1&marker=${VPC}`);
    expect(page2.body.vpcs.map((v: Json) => v.id)).toEqual([vpcId]);
  });
});

describe('ECS create checks images and networks', () => {
  it('refuses a root volume below the image\'s min disk, unknown references and a subnet of another VPC', async () => {
    await control(client, 'POST', '/reset?seed=demo');
    const create = (extra: Record<string, unknown>) => ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody(extra) });
    const small = await create({ imageRef: SQL_IMAGE, root_volume: { volumetype: 'SSD', size: 60 } });
    expect(small.status).toBe(400);
    expect(small.body.error.code).toBe('Ecs.0005');
    expect(small.body.error.message).toContain('min_disk 100');
    expect((await create({ imageRef: '00000000-0000-4000-8000-000000000000' })).body.error.code).toBe('Ecs.0031');
    // A data-disk image boots nothing.
    expect((await create({ imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b04' })).body.error.code).toBe('Ecs.0031');
    expect((await create({ vpcid: '00000000-0000-4000-8000-000000000000' })).body.error.code).toBe('Ecs.0014');
    expect((await create({ nics: [{ subnet_id: '00000000-0000-4000-8000-000000000000' }] })).body.error.code).toBe('Ecs.0038');
    expect((await create({ nics: [{ subnet_id: DEMO_WEB_SUBNET }] })).body.error.code).toBe('Ecs.0064');
    expect((await create({ nics: [{ subnet_id: SUBNET }, { subnet_id: DEMO_WEB_SUBNET }] })).body.error.code).toBe('Ecs.0014');
    expect((await create({ security_groups: [{ id: '00000000-0000-4000-8000-000000000000' }] })).body.error.code).toBe('Ecs.0014');
    // The demo's database group belongs to the production VPC.
    const groups = await vpc(client, 'GET', `/v1/{pid}/security-groups?vpc_id=${DEMO_VPC}`);
    expect((await create({ security_groups: [{ id: groups.body.security_groups[0].id }] })).body.error.code).toBe('Ecs.0014');

    // Omitting the root size takes the image's min disk.
    const big = await create({ imageRef: SQL_IMAGE, root_volume: { volumetype: 'SSD' }, data_volumes: [] });
    expect(big.status).toBe(200);
    const id = big.body.serverIds[0] as string;
    const disks = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { server_id: id } });
    expect(disks.body.volumes.map((v: Json) => v.size)).toEqual([100]);
  });

  it('gives servers addresses from their subnet\'s CIDR, in the demo\'s second VPC too', async () => {
    const r = await ecs(client, 'POST', '/v1/{pid}/cloudservers', {
      body: serverBody({ vpcid: DEMO_VPC, nics: [{ subnet_id: DEMO_WEB_SUBNET }], count: 2 }),
    });
    expect(r.status).toBe(200);
    for (const id of r.body.serverIds as string[]) {
      const s = await server(client, id);
      const addrs = Object.values(s.addresses as Record<string, Json[]>).flat().map((a) => a.addr as string);
      expect(addrs).toHaveLength(1);
      expect(addrs[0]).toMatch(/^192\.168\.10\.\d+$/);
    }
    const fixed = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ vpcid: DEMO_VPC, nics: [{ subnet_id: DEMO_WEB_SUBNET, ip_address: '192.168.20.5' }] }) });
    expect(fixed.body.error.code).toBe('Ecs.0039');
    const gateway = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ vpcid: DEMO_VPC, nics: [{ subnet_id: DEMO_WEB_SUBNET, ip_address: '192.168.10.1' }] }) });
    expect(gateway.body.error.code).toBe('Ecs.0039');
  });

  it('seeds two VPCs, the demo servers in them and a private image', async () => {
    await control(client, 'POST', '/reset?seed=demo');
    const vpcs = await vpc(client, 'GET', '/v1/{pid}/vpcs');
    expect(vpcs.body.vpcs.map((v: Json) => v.name)).toEqual(['vpc-default', 'vpc-prod']);
    const web = await server(client, 'c3d3250c-7ce5-42cc-b620-dd2b63d19ca5');
    expect(Object.values(web.addresses as Record<string, Json[]>).flat()[0].addr).toMatch(/^192\.168\.10\./);
    expect(web.security_groups.map((g: Json) => g.name)).toEqual(['default', 'sg-web']);
    const mine = await ims('/v2/cloudimages', { __imagetype: 'private' });
    expect(mine.body.images.map((i: Json) => i.name)).toContain('web-01-golden');
    // A reset leaves the default network only.
    await control(client, 'POST', '/reset');
    expect((await vpc(client, 'GET', '/v1/{pid}/vpcs')).body.vpcs.map((v: Json) => v.name)).toEqual(['vpc-default']);
  });
});

describe('persistence', () => {
  it('keeps networks, EIPs and private images across a restart on the same store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-net-'));
    const dbPath = join(dir, 'emulator.db');
    try {
      const first = await startTestEmulator({ dbPath, seed: 'demo' });
      const call = (c: Client, method: string, p: string, body?: unknown) => c.call(method, `/vpc${c.path(p)}`, body === undefined ? {} : { body });
      const made = await call(first.client, 'POST', '/v1/{pid}/vpcs', { vpc: { name: 'kept', cidr: '172.31.0.0/16' } });
      await call(first.client, 'POST', '/v1/{pid}/subnets', { subnet: { name: 'kept-sn', vpc_id: made.body.vpc.id, cidr: '172.31.1.0/24', gateway_ip: '172.31.1.1' } });
      await first.emulator.close();
      const second = await startTestEmulator({ dbPath, seed: 'if-empty' });
      try {
        const vpcs = await call(second.client, 'GET', '/v1/{pid}/vpcs');
        expect(vpcs.body.vpcs.map((v: Json) => v.name)).toEqual(['vpc-default', 'vpc-prod', 'kept']);
        const subnets = await call(second.client, 'GET', `/v1/{pid}/subnets?vpc_id=${made.body.vpc.id}`);
        expect(subnets.body.subnets.map((x: Json) => x.cidr)).toEqual(['172.31.1.0/24']);
        expect((await call(second.client, 'GET', '/v1/{pid}/publicips')).body.publicips).toHaveLength(1);
        const mine = await second.client.call('GET', '/ims/v2/cloudimages', { query: { __imagetype: 'private' } });
        expect(mine.body.images.map((i: Json) => i.name)).toContain('web-01-golden');
      } finally {
        await second.emulator.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
