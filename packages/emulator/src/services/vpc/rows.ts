export interface VpcRow {
  seq: number;
  id: string;
  name: string;
  cidr: string;
  description: string;
  status: string;
  enterprise_project_id: string;
  builtin: number;
  created_ms: number;
  updated_ms: number;
}

export interface SubnetRow {
  seq: number;
  id: string;
  vpc_id: string;
  name: string;
  description: string;
  cidr: string;
  gateway_ip: string;
  dhcp_enable: number;
  primary_dns: string | null;
  secondary_dns: string | null;
  dns_list: string;
  availability_zone: string | null;
  neutron_network_id: string;
  neutron_subnet_id: string;
  status: string;
  builtin: number;
  created_ms: number;
  updated_ms: number;
}

export interface SecurityGroupRow {
  seq: number;
  id: string;
  name: string;
  description: string;
  vpc_id: string | null;
  enterprise_project_id: string;
  builtin: number;
  created_ms: number;
}

export interface RuleRow {
  seq: number;
  id: string;
  security_group_id: string;
  description: string;
  direction: string;
  ethertype: string;
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  created_ms: number;
}
