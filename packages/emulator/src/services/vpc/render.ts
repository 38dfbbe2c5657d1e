import type { Vpc } from './model.ts';
import type { RuleRow, SecurityGroupRow, SubnetRow, VpcRow } from './rows.ts';

/** "2024-05-01T08:00:00", the time format of the VPC v1 models. */
const vpcTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** The `Vpc` model of the official SDK (v2 client, /v1 API). */
export function renderVpc(vpc: Vpc, r: VpcRow): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    cidr: r.cidr,
    description: r.description,
    routes: [],
    status: r.status,
    enterprise_project_id: r.enterprise_project_id,
    tenant_id: vpc.rt.account.projectId,
    created_at: vpcTime(r.created_ms),
    updated_at: vpcTime(r.updated_ms),
  };
}

export function renderSubnet(vpc: Vpc, r: SubnetRow): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    cidr: r.cidr,
    gateway_ip: r.gateway_ip,
    ipv6_enable: false,
    dhcp_enable: r.dhcp_enable === 1,
    primary_dns: r.primary_dns ?? '',
    secondary_dns: r.secondary_dns ?? '',
    dnsList: JSON.parse(r.dns_list) as string[],
    availability_zone: r.availability_zone ?? '',
    vpc_id: r.vpc_id,
    status: r.status,
    neutron_network_id: r.neutron_network_id,
    neutron_subnet_id: r.neutron_subnet_id,
    extra_dhcp_opts: [],
    tenant_id: vpc.rt.account.projectId,
    created_at: vpcTime(r.created_ms),
    updated_at: vpcTime(r.updated_ms),
  };
}

export function renderRule(vpc: Vpc, r: RuleRow): Record<string, unknown> {
  return {
    id: r.id,
    description: r.description,
    security_group_id: r.security_group_id,
    direction: r.direction,
    ethertype: r.ethertype,
    protocol: r.protocol,
    port_range_min: r.port_range_min,
    port_range_max: r.port_range_max,
    remote_ip_prefix: r.remote_ip_prefix,
    remote_group_id: r.remote_group_id,
    remote_address_group_id: null,
    tenant_id: vpc.rt.account.projectId,
  };
}

export function renderSecurityGroup(vpc: Vpc, g: SecurityGroupRow): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    vpc_id: g.vpc_id ?? '',
    enterprise_project_id: g.enterprise_project_id,
    security_group_rules: vpc.rulesOf(g.id).map((r) => renderRule(vpc, r)),
  };
}
