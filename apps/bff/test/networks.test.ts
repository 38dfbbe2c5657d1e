import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ImageListSchema, ImageSchema, SecurityGroupListSchema, SubnetListSchema, VpcListSchema, type CallEntry, type Image, type Task,
} from '@console/contract';
import { DEMO_SERVERS } from '@console/emulator';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());

const UBUNTU = '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01';
const SQL_SERVER = '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b23';
const DEFAULT_VPC = '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60';
const APP_SUBNET = '8a1f2e3d-4c5b-4a69-8e7d-6c5b4a392811';

const images = async (query = ''): Promise<Image[]> => {
  const res = await c.viewer.get(`/api/v1/images${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ImageListSchema.parse(res.body).items;
};

describe('images', () => {
  it('lists the cloud\'s images in console shape, with filters pushed to IMS', async () => {
    const all = await images();
    expect(all.length).toBeGreaterThanOrEqual(16);
    expect(all.find((i) => i.id === UBUNTU)).toMatchObject({
      name: 'Ubuntu 22.04 server 64bit', osType: 'Linux', platform: 'Ubuntu', visibility: 'public', status: 'active', minDiskGiB: 40, minRamMiB: 1024,
    });
    // The demo's private image; data-disk images boot nothing and are not offered.
    expect(all.find((i) => i.name === 'web-01-golden')).toMatchObject({ visibility: 'private', platform: 'Ubuntu' });
    expect(all.some((i) => i.name === 'data-disk-template-20g')).toBe(false);

    const windows = await images('?osType=Windows');
    expect(windows.length).toBeGreaterThanOrEqual(4);
    expect(windows.every((i) => i.osType === 'Windows' && i.platform === 'Windows')).toBe(true);
    expect((await images('?platform=EulerOS')).map((i) => i.platform)).toEqual(['EulerOS', 'EulerOS', 'EulerOS']);
    expect((await images('?visibility=private')).map((i) => i.name)).toEqual(['web-01-golden']);
    expect((await images('?name=Debian%2012.0.0%2064bit')).map((i) => i.platform)).toEqual(['Debian']);

    const bad = await c.viewer.get('/api/v1/images?osType=Solaris');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('osType');
  });

  it('shows one image, and a 404 for an unknown one', async () => {
    const res = await c.viewer.get(`/api/v1/images/${SQL_SERVER}`);
    expect(ImageSchema.parse(res.body)).toMatchObject({ osType: 'Windows', minDiskGiB: 100, minRamMiB: 8192 });
    const missing = await c.viewer.get('/api/v1/images/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', upstream: { service: 'ims', code: 'IMG.0027' } });
  });
});

describe('networks', () => {
  it('lists VPCs, the subnets of one and security groups with their rules', async () => {
    const vpcs = VpcListSchema.parse((await c.viewer.get('/api/v1/vpcs')).body).items;
    expect(vpcs.map((v) => [v.name, v.cidr])).toEqual([['vpc-default', '10.0.0.0/8'], ['vpc-prod', '192.168.0.0/16']]);
    const prod = vpcs[1]!;
    const subnets = SubnetListSchema.parse((await c.viewer.get(`/api/v1/vpcs/${prod.id}/subnets`)).body).items;
    expect(subnets.map((s) => [s.name, s.cidr, s.gatewayIp, s.vpcId])).toEqual([
      ['subnet-prod-web', '192.168.10.0/24', '192.168.10.1', prod.id],
      ['subnet-prod-data', '192.168.20.0/24', '192.168.20.1', prod.id],
    ]);
    expect(subnets[0]!.availabilityZone).toBe('cn-north-4a');
    expect((await c.viewer.get('/api/v1/vpcs/00000000-0000-4000-8000-000000000000/subnets')).status).toBe(404);

    const groups = SecurityGroupListSchema.parse((await c.viewer.get('/api/v1/security-groups')).body).items;
    expect(groups.map((g) => g.name)).toEqual(['default', 'sg-web', 'sg-prod-db']);
    const web = groups.find((g) => g.name === 'sg-web')!;
    expect(web.rules).toContainEqual(expect.objectContaining({ direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 443, portRangeMax: 443, remoteIpPrefix: '0.0.0.0/0' }));
    const ofProd = SecurityGroupListSchema.parse((await c.viewer.get(`/api/v1/security-groups?vpcId=${prod.id}`)).body).items;
    expect(ofProd.map((g) => g.name)).toEqual(['sg-prod-db']);
    expect((await c.viewer.get('/api/v1/security-groups?vpcId=not%20an%20id')).status).toBe(400);
  });

  it('shows the demo web server\'s EIP as its public address', async () => {
    const web = (await c.viewer.get(`/api/v1/servers/${DEMO_SERVERS['web-01']}`)).body;
    expect(web.addresses).toEqual({ private: [expect.stringMatching(/^192\.168\.10\.\d+$/)], public: [expect.stringMatching(/^124\.70\.\d+\.\d+$/)] });
  });

  it('records the upstream calls like every other route', async () => {
    await c.viewer.get('/api/v1/vpcs').expect(200);
    const calls = (await c.operator.get('/api/v1/calls?service=vpc')).body.items as CallEntry[];
    expect(calls.some((x) => x.method === 'GET' && x.route === '/v1/{project_id}/vpcs' && x.status === 200)).toBe(true);
  });
});

describe('creating a server with real images and networks', () => {
  const create = (over: object) => c.operator.send('post', '/api/v1/servers', {
    name: 'wizard', flavorId: 's3.large.2', imageId: UBUNTU, vpcId: DEFAULT_VPC, nics: [{ subnetId: APP_SUBNET }], rootVolume: { type: 'SSD', sizeGiB: 40 }, ...over,
  });

  it('says per field what the image and the network refuse', async () => {
    const small = await create({ imageId: SQL_SERVER, rootVolume: { type: 'SSD', sizeGiB: 60 } });
    expect(small.status).toBe(400);
    expect(small.body.error.fields).toEqual([{ path: 'rootVolume.sizeGiB', message: expect.stringContaining('at least 100 GiB') }]);
    const subnets = (await c.viewer.get('/api/v1/vpcs')).body.items as { id: string }[];
    const prodSubnet = (await c.viewer.get(`/api/v1/vpcs/${subnets[1]!.id}/subnets`)).body.items[0].id as string;
    const stray = await create({ nics: [{ subnetId: prodSubnet }] });
    expect(stray.body.error.fields).toEqual([{ path: 'nics.0.subnetId', message: 'not a subnet of the chosen VPC' }]);
    expect((await create({ imageId: '00000000-0000-4000-8000-000000000000' })).body.error.fields[0].path).toBe('imageId');
    expect((await create({ vpcId: '00000000-0000-4000-8000-000000000000' })).body.error.fields[0].path).toBe('vpcId');
  });

  it('creates a server in the demo\'s production VPC, with an address from its subnet', async () => {
    const vpcs = (await c.viewer.get('/api/v1/vpcs')).body.items as { id: string }[];
    const prod = vpcs[1]!.id;
    const subnet = (await c.viewer.get(`/api/v1/vpcs/${prod}/subnets`)).body.items[0].id as string;
    const groups = (await c.viewer.get(`/api/v1/security-groups?vpcId=${prod}`)).body.items as { id: string }[];
    const res = await create({ name: 'in-prod', vpcId: prod, nics: [{ subnetId: subnet }], securityGroupIds: [groups[0]!.id], imageId: SQL_SERVER, rootVolume: { type: 'SSD' } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = await c.settled((res.body.task as Task).id);
    expect(task.status).toBe('succeeded');
    const id = task.targets[0]!.id;
    const server = (await c.viewer.get(`/api/v1/servers/${id}`)).body;
    expect(server.addresses.private[0]).toMatch(/^192\.168\.10\.\d+$/);
    expect(server.image.id).toBe(SQL_SERVER);
    expect(server.disks.find((d: { system?: boolean }) => d.system)).toMatchObject({ sizeGiB: 100 });
  });
});
