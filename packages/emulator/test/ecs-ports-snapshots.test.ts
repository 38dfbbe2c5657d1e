import { describe, expect, it } from 'vitest';
import { AZ, createDisks, useTestEmulator, type Json } from './helpers.ts';
import { createServers, ecs, job, server, serverBody, vpc } from './ecs-helpers.ts';

const client = useTestEmulator();

const APP_NET = '2a6f4aa6-d93e-45f5-a8cb-b030dbf8cd68';
const DB_NET = '5c7e9a1b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const DB_SUBNET = '9b2e3f4a-5d6c-4b7a-9f8e-7d6c5b4a3922';
const iface = (id: string, body: unknown) => ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/os-interface`, { body: { interfaceAttachment: body } });
const fixedAddrs = (s: Json) => Object.values(s.addresses as Record<string, Json[]>).flat().map((a) => a.addr as string);

describe('os-interface with an existing port', () => {
  it('attaches a free port with its address, refuses it twice, and frees it on detach', async () => {
    const made = await vpc(client, 'POST', '/v1/{pid}/ports', { port: { name: 'spare', network_id: DB_NET, fixed_ips: [{ ip_address: '10.1.0.77' }] } });
    expect(made.status, made.text).toBe(200);
    const portId = made.body.port.id as string;
    expect(made.body.port).toMatchObject({ status: 'DOWN', device_id: '', fixed_ips: [{ subnet_id: DB_SUBNET, ip_address: '10.1.0.77' }] });
    // The port's address is taken: a server may not have it.
    const clash = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ nics: [{ subnet_id: DB_SUBNET, ip_address: '10.1.0.77' }] }) });
    expect(clash.body.error.code).toBe('Ecs.0010');

    const { ids: [a, b] } = await createServers(client, { count: 2, data_volumes: [] });
    const r = await iface(a!, { port_id: portId });
    expect(r.status, r.text).toBe(200);
    expect(r.body.interfaceAttachment).toMatchObject({ port_id: portId, net_id: DB_NET, mac_addr: made.body.port.mac_address, fixed_ips: [{ ip_address: '10.1.0.77' }] });
    expect(fixedAddrs(await server(client, a!))).toContain('10.1.0.77');
    expect((await vpc(client, 'GET', `/v1/{pid}/ports/${portId}`)).body.port).toMatchObject({ status: 'ACTIVE', device_id: a, device_owner: 'compute:nova' });
    expect((await vpc(client, 'DELETE', `/v1/{pid}/ports/${portId}`)).status).toBe(409);

    const twice = await iface(b!, { port_id: portId });
    expect(twice.status).toBe(400);
    expect(twice.body.badRequest.message).toContain('Ecs.0919');
    expect((await iface(b!, { port_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);

    expect((await ecs(client, 'DELETE', `/v2.1/{pid}/servers/${a}/os-interface/${portId}`)).status).toBe(202);
    expect((await vpc(client, 'GET', `/v1/{pid}/ports/${portId}`)).body.port).toMatchObject({ status: 'DOWN', device_id: '' });
    expect((await iface(b!, { port_id: portId })).status).toBe(200);
    // Deleting the server gives the port back.
    const del = await ecs(client, 'POST', '/v1/{pid}/cloudservers/delete', { body: { servers: [{ id: b }] } });
    expect((await job(client, del.body.job_id)).status).toBe('SUCCESS');
    expect((await vpc(client, 'GET', `/v1/{pid}/ports/${portId}`)).body.port.status).toBe('DOWN');
  });

  it('creates a Nova server on a port, which wins over uuid', async () => {
    const made = await vpc(client, 'POST', '/v1/{pid}/ports', { port: { network_id: APP_NET, fixed_ips: [{ ip_address: '10.0.5.5' }] } });
    const portId = made.body.port.id as string;
    const create = () => ecs(client, 'POST', '/v2.1/{pid}/servers', {
      body: { server: { name: 'on-port', flavorRef: 's3.large.2', imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01', networks: [{ port: portId, uuid: DB_NET }] } },
    });
    const r = await create();
    expect(r.status, r.text).toBe(202);
    const s = await server(client, r.body.server.id);
    expect(s.addresses).toEqual({ [APP_NET]: [expect.objectContaining({ addr: '10.0.5.5', 'OS-EXT-IPS-MAC:mac_addr': made.body.port.mac_address })] });
    expect((await vpc(client, 'GET', `/v1/{pid}/ports/${portId}`)).body.port).toMatchObject({ status: 'ACTIVE', device_id: s.id });
    expect((await create()).body.badRequest.message).toContain('Ecs.0919');
  });

  it('refuses a port of another VPC and hands out free addresses to new ports', async () => {
    const other = await vpc(client, 'POST', '/v1/{pid}/vpcs', { vpc: { name: 'other', cidr: '172.16.0.0/16' } });
    const sn = await vpc(client, 'POST', '/v1/{pid}/subnets', { subnet: { name: 'o', vpc_id: other.body.vpc.id, cidr: '172.16.0.0/24', gateway_ip: '172.16.0.1' } });
    const p = await vpc(client, 'POST', '/v1/{pid}/ports', { port: { network_id: sn.body.subnet.neutron_network_id } });
    expect(p.body.port.fixed_ips[0].ip_address).toBe('172.16.0.10');
    const { ids: [id] } = await createServers(client, { data_volumes: [] });
    const r = await iface(id!, { port_id: p.body.port.id });
    expect(r.body.badRequest.message).toContain('Ecs.0014');
    const s = await server(client, id!);
    const next = await vpc(client, 'POST', '/v1/{pid}/ports', { port: { network_id: APP_NET } });
    expect(fixedAddrs(s)).not.toContain(next.body.port.fixed_ips[0].ip_address);
    expect((await vpc(client, 'POST', '/v1/{pid}/ports', { port: { network_id: APP_NET, fixed_ips: [{ ip_address: fixedAddrs(s)[0] }] } })).body.error_code).toBe('VPC.0603');
  });
});

describe('Nova create from snapshots', () => {
  it('boots from a snapshot of a system disk and adds a data disk from another snapshot', async () => {
    const { ids: [sys] } = await createDisks(client, { availability_zone: AZ.a, size: 50, imageRef: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b02' });
    const { ids: [data] } = await createDisks(client, { availability_zone: AZ.a, size: 30, volume_type: 'GPSSD' });
    const snap = async (volumeId: string) => (await client.evs('POST', '/v2/{pid}/cloudsnapshots', { body: { snapshot: { volume_id: volumeId, name: `of-${volumeId.slice(0, 4)}` } } })).body.snapshot.id as string;
    const [sysSnap, dataSnap] = [await snap(sys!), await snap(data!)];
    const create = (bdm: unknown[]) => ecs(client, 'POST', '/v2.1/{pid}/servers', {
      body: { server: { name: 'from-snap', flavorRef: 's3.large.2', networks: [{ uuid: APP_NET }], availability_zone: AZ.a, block_device_mapping_v2: bdm } },
    });
    const r = await create([
      { source_type: 'snapshot', destination_type: 'volume', uuid: sysSnap, boot_index: 0 },
      { source_type: 'snapshot', destination_type: 'volume', uuid: dataSnap, boot_index: -1, volume_size: 40 },
    ]);
    expect(r.status, r.text).toBe(202);
    const s = await server(client, r.body.server.id);
    expect(s).toMatchObject({ status: 'ACTIVE', image: { id: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b02' } });
    const disks = (await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { server_id: s.id } })).body.volumes as Json[];
    const bySnap = new Map(disks.map((d) => [d.snapshot_id, d]));
    expect(bySnap.get(sysSnap)).toMatchObject({ size: 50, bootable: 'true', volume_type: 'SSD' });
    expect(bySnap.get(dataSnap)).toMatchObject({ size: 40, volume_type: 'GPSSD' });

    const small = await create([{ source_type: 'snapshot', uuid: sysSnap, boot_index: 0, volume_size: 40 }]);
    expect([small.status, small.body.badRequest.message]).toEqual([400, expect.stringContaining('smaller than snapshot')]);
    const dataBoot = await create([{ source_type: 'snapshot', uuid: dataSnap, boot_index: 0 }]);
    expect(dataBoot.body.badRequest.message).toContain('not of a system disk');
    expect((await create([{ source_type: 'snapshot', uuid: '00000000-0000-4000-8000-000000000000', boot_index: 0 }])).status).toBe(400);
  });
});
