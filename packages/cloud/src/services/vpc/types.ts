/** VPC bodies with the wire names of the official SDK's v2 models (`Vpc`, `Subnet`, `SecurityGroup`). */

export interface VpcRoute {
  destination: string;
  nexthop: string;
}

export interface Vpc {
  id: string;
  name: string;
  cidr: string;
  description: string;
  routes: VpcRoute[];
  status: 'CREATING' | 'OK' | 'ERROR' | (string & {});
  enterprise_project_id: string;
  tenant_id?: string;
  created_at?: string;
  updated_at?: string;
}

export interface Subnet {
  id: string;
  name: string;
  description: string;
  cidr: string;
  gateway_ip: string;
  ipv6_enable?: boolean;
  cidr_v6?: string;
  gateway_ip_v6?: string;
  dhcp_enable: boolean;
  primary_dns?: string;
  secondary_dns?: string;
  dnsList?: string[];
  availability_zone?: string;
  vpc_id: string;
  status: 'ACTIVE' | 'UNKNOWN' | 'ERROR' | (string & {});
  neutron_network_id: string;
  neutron_subnet_id: string;
  extra_dhcp_opts?: { opt_value?: string; opt_name: string }[];
  tenant_id?: string;
  created_at?: string;
  updated_at?: string;
}

export interface SecurityGroupRule {
  id: string;
  description: string;
  security_group_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  /** null for any protocol. */
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  remote_address_group_id?: string | null;
  tenant_id: string;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  vpc_id?: string;
  enterprise_project_id: string;
  security_group_rules: SecurityGroupRule[];
}

export interface ListVpcsQuery {
  id?: string;
  limit?: number;
  marker?: string;
  enterprise_project_id?: string;
}
export interface ListSubnetsQuery {
  vpc_id?: string;
  limit?: number;
  marker?: string;
}
export interface ListSecurityGroupsQuery {
  vpc_id?: string;
  limit?: number;
  marker?: string;
  enterprise_project_id?: string;
}

export interface CreateVpcRequest {
  vpc: { name?: string; cidr?: string; description?: string; enterprise_project_id?: string };
}
export interface CreateSubnetRequest {
  subnet: {
    name: string;
    cidr: string;
    gateway_ip: string;
    vpc_id: string;
    description?: string;
    dhcp_enable?: boolean;
    primary_dns?: string;
    secondary_dns?: string;
    dnsList?: string[];
    availability_zone?: string;
  };
}
export interface CreateSecurityGroupRequest {
  security_group: { name: string; vpc_id?: string; enterprise_project_id?: string };
}
export interface CreateSecurityGroupRuleRequest {
  security_group_rule: {
    security_group_id: string;
    direction: 'ingress' | 'egress';
    ethertype?: 'IPv4' | 'IPv6';
    protocol?: string;
    port_range_min?: number;
    port_range_max?: number;
    remote_ip_prefix?: string;
    remote_group_id?: string;
    description?: string;
  };
}
