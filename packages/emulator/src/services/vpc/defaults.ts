import { availabilityZones } from '../evs/catalog.ts';
import { addDefaultRules, insertRule, insertSecurityGroup, insertSubnet, insertVpc } from './create.ts';
import type { Vpc } from './model.ts';
import { VPC_TABLES } from './schema.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The project's default network: every project has a `default` security group, and the emulated one
 * also has a default VPC with two subnets, so that servers can be created in an empty emulator. Their
 * ids are fixed (scripts and tests name them); a reset keeps them.
 */
export const DEFAULT_VPC = {
  id: '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60',
  subnets: {
    app: { id: '8a1f2e3d-4c5b-4a69-8e7d-6c5b4a392811', networkId: '2a6f4aa6-d93e-45f5-a8cb-b030dbf8cd68' },
    db: { id: '9b2e3f4a-5d6c-4b7a-9f8e-7d6c5b4a3922', networkId: '5c7e9a1b-3d4f-4a6b-8c9d-0e1f2a3b4c5d' },
  },
  securityGroups: { default: 'b4b4a5c2-7e61-4d3a-9c1f-2e3d4c5b6a71', web: 'c5c5b6d3-8f72-4e4b-ad2a-3f4e5d6c7b82' },
} as const;

/** The second VPC of the demo set, where the production demo servers sit. */
export const DEMO_VPC = {
  id: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  subnets: {
    web: { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01', networkId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d02' },
    data: { id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e03', networkId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f04' },
  },
  securityGroup: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a05',
} as const;

function subnet(vpc: Vpc, vpcId: string, ids: { id: string; networkId: string }, name: string, cidr: string, gateway: string, az: string | null, at: number, builtin: number) {
  insertSubnet(vpc, {
    id: ids.id, vpc_id: vpcId, name, description: '', cidr, gateway_ip: gateway, dhcp_enable: 1, primary_dns: '100.125.1.250', secondary_dns: '100.125.64.250',
    dns_list: JSON.stringify(['100.125.1.250', '100.125.64.250']), availability_zone: az, neutron_network_id: ids.networkId,
    neutron_subnet_id: ids.networkId.replace(/^./, 'f'), status: 'ACTIVE', builtin, created_ms: at, updated_ms: at,
  });
}

/** Creates the default VPC, its subnets and the default security groups when they are missing. */
export function ensureDefaultNetwork(vpc: Vpc): void {
  const at = vpc.now() - 400 * DAY;
  const d = DEFAULT_VPC;
  vpc.transaction(() => {
    insertVpc(vpc, { id: d.id, name: 'vpc-default', cidr: '10.0.0.0/8', description: 'Default VPC', status: 'OK', enterprise_project_id: '0', builtin: 1, created_ms: at, updated_ms: at });
    subnet(vpc, d.id, d.subnets.app, 'subnet-app', '10.0.0.0/16', '10.0.0.1', null, at, 1);
    subnet(vpc, d.id, d.subnets.db, 'subnet-db', '10.1.0.0/16', '10.1.0.1', null, at, 1);
    if (!vpc.securityGroupRow(d.securityGroups.default)) {
      insertSecurityGroup(vpc, { id: d.securityGroups.default, name: 'default', description: 'Default security group', vpc_id: null, enterprise_project_id: '0', builtin: 1, created_ms: at });
      addDefaultRules(vpc, d.securityGroups.default);
      insertRule(vpc, d.securityGroups.default, { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portMin: 22, portMax: 22, remoteIpPrefix: '0.0.0.0/0', description: 'SSH' });
      insertRule(vpc, d.securityGroups.default, { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portMin: 3389, portMax: 3389, remoteIpPrefix: '0.0.0.0/0', description: 'RDP' });
      insertRule(vpc, d.securityGroups.default, { direction: 'ingress', ethertype: 'IPv4', protocol: 'icmp', remoteIpPrefix: '0.0.0.0/0', description: 'ping' });
    }
    if (!vpc.securityGroupRow(d.securityGroups.web)) {
      insertSecurityGroup(vpc, { id: d.securityGroups.web, name: 'sg-web', description: 'HTTP and HTTPS from anywhere', vpc_id: null, enterprise_project_id: '0', builtin: 1, created_ms: at });
      addDefaultRules(vpc, d.securityGroups.web);
      for (const port of [80, 443]) insertRule(vpc, d.securityGroups.web, { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portMin: port, portMax: port, remoteIpPrefix: '0.0.0.0/0' });
    }
  });
}

/** The demo set's production VPC: a web and a data subnet in the first two AZs, and a database security group. */
export function seedDemoNetwork(vpc: Vpc): void {
  const at = vpc.now() - 250 * DAY;
  const zones = availabilityZones(vpc.rt.account.region);
  const d = DEMO_VPC;
  vpc.transaction(() => {
    insertVpc(vpc, { id: d.id, name: 'vpc-prod', cidr: '192.168.0.0/16', description: 'Production workloads', status: 'OK', enterprise_project_id: '0', builtin: 0, created_ms: at, updated_ms: at });
    subnet(vpc, d.id, d.subnets.web, 'subnet-prod-web', '192.168.10.0/24', '192.168.10.1', zones[0] ?? null, at, 0);
    subnet(vpc, d.id, d.subnets.data, 'subnet-prod-data', '192.168.20.0/24', '192.168.20.1', zones[0] ?? null, at, 0);
    if (!vpc.securityGroupRow(d.securityGroup)) {
      insertSecurityGroup(vpc, { id: d.securityGroup, name: 'sg-prod-db', description: 'Database access from the web subnet', vpc_id: d.id, enterprise_project_id: '0', builtin: 0, created_ms: at });
      addDefaultRules(vpc, d.securityGroup);
      insertRule(vpc, d.securityGroup, { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', portMin: 5432, portMax: 5432, remoteIpPrefix: '192.168.10.0/24', description: 'PostgreSQL' });
    }
  });
}

/** Wipes every network and builds the default one again, with its original rules (control API reset). */
export function resetVpc(vpc: Vpc): void {
  vpc.transaction(() => {
    for (const table of VPC_TABLES) vpc.s.get(`DELETE FROM ${table}`).run();
  });
  ensureDefaultNetwork(vpc);
}
