import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import * as vpcSdk from '@huaweicloud/huaweicloud-sdk-vpc/v2/public-api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulatorDefaults } from '../src/index.ts';
import { control, useTestEmulator, type Json } from './helpers.ts';

const client = useTestEmulator({}, { resetEachTest: false });
beforeAll(async () => {
  await control(client, 'POST', '/reset?seed=demo');
});

/** The SDK hands responses over as the parsed JSON: fields keep their wire names. */
const wire = (x: unknown): Json => x;

describe('the official VPC SDK against the emulator', () => {
  it('lists VPCs and subnets, creates a VPC, a subnet and a security group, and parses every answer', async () => {
    const credentials = new BasicCredentials().withAk(emulatorDefaults.ak).withSk(emulatorDefaults.sk).withProjectId(client.emulator.info.projectId);
    const sdk = vpcSdk.VpcClient.newBuilder().withCredential(credentials).withEndpoint(client.emulator.info.endpoints.vpc!).build();

    const vpcs = wire(await sdk.listVpcs(new vpcSdk.ListVpcsRequest()));
    expect(vpcs.vpcs.map((v: Json) => [v.name, v.cidr])).toEqual([['vpc-default', '10.0.0.0/8'], ['vpc-prod', '192.168.0.0/16']]);
    const prod = vpcs.vpcs[1];
    const subnets = wire(await sdk.listSubnets(new vpcSdk.ListSubnetsRequest().withVpcId(prod.id)));
    expect(subnets.subnets.map((s: Json) => [s.name, s.cidr, s.gateway_ip])).toEqual([
      ['subnet-prod-web', '192.168.10.0/24', '192.168.10.1'],
      ['subnet-prod-data', '192.168.20.0/24', '192.168.20.1'],
    ]);
    const shown = wire(await sdk.showVpc(new vpcSdk.ShowVpcRequest().withVpcId(prod.id)));
    expect(shown.vpc).toMatchObject({ id: prod.id, status: 'OK' });

    const created = wire(await sdk.createVpc(new vpcSdk.CreateVpcRequest().withBody(
      new vpcSdk.CreateVpcRequestBody().withVpc(new vpcSdk.CreateVpcOption().withName('sdk-vpc').withCidr('172.16.0.0/12')),
    )));
    const subnet = wire(await sdk.createSubnet(new vpcSdk.CreateSubnetRequest().withBody(
      new vpcSdk.CreateSubnetRequestBody().withSubnet(
        new vpcSdk.CreateSubnetOption().withName('sdk-subnet').withCidr('172.20.0.0/24').withGatewayIp('172.20.0.1').withVpcId(created.vpc.id),
      ),
    )));
    expect(subnet.subnet).toMatchObject({ vpc_id: created.vpc.id, status: 'ACTIVE', neutron_network_id: expect.any(String) });
    const group = wire(await sdk.createSecurityGroup(new vpcSdk.CreateSecurityGroupRequest().withBody(
      new vpcSdk.CreateSecurityGroupRequestBody().withSecurityGroup(new vpcSdk.CreateSecurityGroupOption().withName('sdk-sg').withVpcId(created.vpc.id)),
    )));
    const groups = wire(await sdk.listSecurityGroups(new vpcSdk.ListSecurityGroupsRequest().withVpcId(created.vpc.id)));
    expect(groups.security_groups.map((g: Json) => g.id)).toEqual([group.security_group.id]);

    // Errors arrive as the SDK's exceptions, with the cloud's code.
    await expect(sdk.showSubnet(new vpcSdk.ShowSubnetRequest().withSubnetId('00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({ httpStatusCode: 404, errorCode: 'VPC.0202' });
  });
});
