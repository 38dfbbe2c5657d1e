import { uuid } from '../../server/ids.ts';
import { availabilityZones } from '../evs/catalog.ts';
import { isPrivateVpcCidr, overlaps, parseCidr, parseIp, usableIn, within } from './cidr.ts';
import { vpcError, type VpcCode } from './errors.ts';
import type { Vpc } from './model.ts';
import type { SecurityGroupRow, SubnetRow, VpcRow } from './rows.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names of VPCs, subnets and security groups: letters (any script), digits, "_", "-", "."; 1-64 characters. */
const NAME_RE = /^[\p{L}\p{N}_.-]{1,64}$/u;

function wrapped(body: unknown, key: string): Obj {
  if (!isObj(body) || !isObj(body[key])) throw vpcError('VPC.0001', `the body is {"${key}": {...}}`);
  return body[key];
}

function name(o: Obj, code: VpcCode, required: boolean): string {
  if (o.name === undefined && !required) return '';
  if (typeof o.name !== 'string' || !NAME_RE.test(o.name)) throw vpcError(code, 'name is 1 to 64 letters, digits, "_", "-" or "."');
  return o.name;
}

function description(o: Obj): string {
  if (o.description === undefined) return '';
  if (typeof o.description !== 'string' || o.description.length > 255 || /[<>]/.test(o.description)) throw vpcError('VPC.0001', 'description is at most 255 characters, without "<" or ">"');
  return o.description;
}

/** `POST /v1/{project_id}/vpcs`: a VPC in one of the private ranges, /8 to /24. */
export function createVpc(vpc: Vpc, body: unknown): VpcRow {
  const o = wrapped(body, 'vpc');
  const cidrText = o.cidr ?? '192.168.0.0/16';
  const cidr = parseCidr(cidrText);
  if (!cidr || !isPrivateVpcCidr(cidr)) throw vpcError('VPC.0101', `cidr ${JSON.stringify(cidrText)} must be within 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, at most /24`);
  const at = vpc.now();
  const row = {
    id: uuid(), name: name(o, 'VPC.0102', false) || `vpc-${uuid().slice(0, 4)}`, cidr: cidrText as string, description: description(o), status: 'OK',
    enterprise_project_id: typeof o.enterprise_project_id === 'string' ? o.enterprise_project_id : '0', builtin: 0, created_ms: at, updated_ms: at,
  };
  insertVpc(vpc, row);
  return vpc.vpc(row.id)!;
}

export function insertVpc(vpc: Vpc, row: Omit<VpcRow, 'seq'>): void {
  vpc.s
    .get('INSERT OR IGNORE INTO vpc_vpcs (id, name, cidr, description, status, enterprise_project_id, builtin, created_ms, updated_ms) VALUES (@id, @name, @cidr, @description, @status, @enterprise_project_id, @builtin, @created_ms, @updated_ms)')
    .run(row);
}

function dns(o: Obj, key: string): string | null {
  const v = o[key];
  if (v === undefined || v === null || v === '') return null;
  if (parseIp(v) === undefined) throw vpcError('VPC.0207', `${key} ${JSON.stringify(v)}`);
  return v as string;
}

/**
 * `POST /v1/{project_id}/subnets`: inside its VPC's CIDR, overlapping no other subnet of the VPC, with
 * a gateway that is a host address of the subnet.
 */
export function createSubnet(vpc: Vpc, body: unknown): SubnetRow {
  const o = wrapped(body, 'subnet');
  const n = name(o, 'VPC.0205', true);
  if (typeof o.vpc_id !== 'string') throw vpcError('VPC.0001', 'vpc_id is required');
  const parent = vpc.requireVpc(o.vpc_id);
  const cidr = parseCidr(o.cidr);
  if (!cidr || cidr.prefix > 28) throw vpcError('VPC.0201', `cidr ${JSON.stringify(o.cidr)} must be a network address with a prefix of at most /28`);
  if (!within(cidr, parseCidr(parent.cidr)!)) throw vpcError('VPC.0201', `${String(o.cidr)} is not inside the VPC's ${parent.cidr}`);
  const clash = vpc.subnetsOf(parent.id).find((s) => overlaps(parseCidr(s.cidr)!, cidr));
  if (clash) throw vpcError('VPC.0203', `${String(o.cidr)} overlaps ${clash.name} (${clash.cidr})`);
  const gateway = parseIp(o.gateway_ip);
  if (gateway === undefined || !usableIn(cidr, -1, gateway)) throw vpcError('VPC.0204', `gateway_ip ${JSON.stringify(o.gateway_ip)} must be a host address of ${String(o.cidr)}`);
  const zones = availabilityZones(vpc.rt.account.region);
  if (o.availability_zone !== undefined && (typeof o.availability_zone !== 'string' || !zones.includes(o.availability_zone))) {
    throw vpcError('VPC.0206', `availability_zone must be one of ${zones.join(', ')}`);
  }
  if (o.dhcp_enable !== undefined && typeof o.dhcp_enable !== 'boolean') throw vpcError('VPC.0001', 'dhcp_enable is a boolean');
  const dnsList = o.dnsList === undefined ? [] : o.dnsList;
  if (!Array.isArray(dnsList) || dnsList.length > 2 || dnsList.some((d) => parseIp(d) === undefined)) throw vpcError('VPC.0207', 'dnsList is at most two IPv4 addresses');
  const primary = dns(o, 'primary_dns');
  const secondary = dns(o, 'secondary_dns');
  if (secondary && !primary) throw vpcError('VPC.0207', 'secondary_dns needs primary_dns');
  const at = vpc.now();
  const row: Omit<SubnetRow, 'seq'> = {
    id: uuid(), vpc_id: parent.id, name: n, description: description(o), cidr: o.cidr as string, gateway_ip: o.gateway_ip as string,
    dhcp_enable: o.dhcp_enable === false ? 0 : 1, primary_dns: primary, secondary_dns: secondary,
    dns_list: JSON.stringify(dnsList.length ? dnsList : [primary, secondary].filter(Boolean)), availability_zone: (o.availability_zone as string | undefined) ?? null,
    neutron_network_id: uuid(), neutron_subnet_id: uuid(), status: 'ACTIVE', builtin: 0, created_ms: at, updated_ms: at,
  };
  insertSubnet(vpc, row);
  return vpc.subnetRow(row.id)!;
}

export function insertSubnet(vpc: Vpc, row: Omit<SubnetRow, 'seq'>): void {
  vpc.s
    .get(`INSERT OR IGNORE INTO vpc_subnets (id, vpc_id, name, description, cidr, gateway_ip, dhcp_enable, primary_dns, secondary_dns, dns_list,
      availability_zone, neutron_network_id, neutron_subnet_id, status, builtin, created_ms, updated_ms) VALUES (@id, @vpc_id, @name, @description,
      @cidr, @gateway_ip, @dhcp_enable, @primary_dns, @secondary_dns, @dns_list, @availability_zone, @neutron_network_id, @neutron_subnet_id,
      @status, @builtin, @created_ms, @updated_ms)`)
    .run(row);
}

/** `POST /v1/{project_id}/security-groups`: a new group allows all egress and ingress from its own members, as the cloud's do. */
export function createSecurityGroup(vpc: Vpc, body: unknown): SecurityGroupRow {
  const o = wrapped(body, 'security_group');
  const n = name(o, 'VPC.0302', true);
  if (o.vpc_id !== undefined && (typeof o.vpc_id !== 'string' || !vpc.vpc(o.vpc_id))) throw vpcError('VPC.0002', `vpc ${JSON.stringify(o.vpc_id)}`);
  const row: Omit<SecurityGroupRow, 'seq'> = {
    id: uuid(), name: n, description: description(o), vpc_id: (o.vpc_id as string | undefined) ?? null,
    enterprise_project_id: typeof o.enterprise_project_id === 'string' ? o.enterprise_project_id : '0', builtin: 0, created_ms: vpc.now(),
  };
  vpc.transaction(() => {
    insertSecurityGroup(vpc, row);
    addDefaultRules(vpc, row.id);
  });
  return vpc.securityGroupRow(row.id)!;
}

export function insertSecurityGroup(vpc: Vpc, row: Omit<SecurityGroupRow, 'seq'>): void {
  vpc.s
    .get('INSERT OR IGNORE INTO vpc_security_groups (id, name, description, vpc_id, enterprise_project_id, builtin, created_ms) VALUES (@id, @name, @description, @vpc_id, @enterprise_project_id, @builtin, @created_ms)')
    .run(row);
}

export interface RuleInput {
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol?: string | null;
  portMin?: number | null;
  portMax?: number | null;
  remoteIpPrefix?: string | null;
  remoteGroupId?: string | null;
  description?: string;
}

export function addDefaultRules(vpc: Vpc, groupId: string): void {
  for (const ethertype of ['IPv4', 'IPv6'] as const) {
    insertRule(vpc, groupId, { direction: 'egress', ethertype });
    insertRule(vpc, groupId, { direction: 'ingress', ethertype, remoteGroupId: groupId });
  }
}

export function insertRule(vpc: Vpc, groupId: string, r: RuleInput, id = uuid()): string {
  vpc.s
    .get(`INSERT OR IGNORE INTO vpc_security_group_rules (id, security_group_id, description, direction, ethertype, protocol, port_range_min,
      port_range_max, remote_ip_prefix, remote_group_id, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, groupId, r.description ?? '', r.direction, r.ethertype, r.protocol ?? null, r.portMin ?? null, r.portMax ?? null, r.remoteIpPrefix ?? null, r.remoteGroupId ?? null, vpc.now());
  return id;
}

const PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6'];

/** `POST /v1/{project_id}/security-group-rules`. */
export function createRule(vpc: Vpc, body: unknown): string {
  const o = wrapped(body, 'security_group_rule');
  if (typeof o.security_group_id !== 'string' || !vpc.securityGroupRow(o.security_group_id)) throw vpcError('VPC.0301', `security_group_id ${JSON.stringify(o.security_group_id)}`);
  if (o.direction !== 'ingress' && o.direction !== 'egress') throw vpcError('VPC.0402', 'direction is ingress or egress');
  const ethertype = o.ethertype ?? 'IPv4';
  if (ethertype !== 'IPv4' && ethertype !== 'IPv6') throw vpcError('VPC.0402', 'ethertype is IPv4 or IPv6');
  const protocol = o.protocol ?? null;
  if (protocol !== null && (typeof protocol !== 'string' || !PROTOCOLS.includes(protocol))) throw vpcError('VPC.0402', `protocol is one of ${PROTOCOLS.join(', ')}`);
  const port = (k: string) => {
    const v = o[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535) throw vpcError('VPC.0402', `${k} is 1 to 65535`);
    return v;
  };
  const portMin = port('port_range_min');
  const portMax = port('port_range_max');
  if ((portMin !== null || portMax !== null) && (protocol === 'tcp' || protocol === 'udp')) {
    if (portMin === null || portMax === null || portMin < 1 || portMin > portMax) throw vpcError('VPC.0402', 'port_range_min and port_range_max from 1 to 65535, min ≤ max');
  } else if ((portMin !== null || portMax !== null) && protocol === null) {
    throw vpcError('VPC.0402', 'ports need a protocol');
  }
  if (o.remote_ip_prefix !== undefined && o.remote_group_id !== undefined) throw vpcError('VPC.0402', 'remote_ip_prefix and remote_group_id are exclusive');
  const prefixOk = ethertype === 'IPv4' ? parseCidr(o.remote_ip_prefix) !== undefined : typeof o.remote_ip_prefix === 'string' && /^[0-9a-f:]+\/\d{1,3}$/i.test(o.remote_ip_prefix);
  if (o.remote_ip_prefix !== undefined && !prefixOk) throw vpcError('VPC.0402', `remote_ip_prefix ${JSON.stringify(o.remote_ip_prefix)}`);
  if (o.remote_group_id !== undefined && (typeof o.remote_group_id !== 'string' || !vpc.securityGroupRow(o.remote_group_id))) throw vpcError('VPC.0301', `remote_group_id ${JSON.stringify(o.remote_group_id)}`);
  const input: RuleInput = {
    direction: o.direction, ethertype, protocol: protocol as string | null, portMin, portMax,
    remoteIpPrefix: (o.remote_ip_prefix as string | undefined) ?? null, remoteGroupId: (o.remote_group_id as string | undefined) ?? null,
    description: typeof o.description === 'string' ? o.description.slice(0, 255) : '',
  };
  const same = vpc.rulesOf(o.security_group_id).find((r) =>
    r.direction === input.direction && r.ethertype === input.ethertype && r.protocol === input.protocol && r.port_range_min === input.portMin &&
    r.port_range_max === input.portMax && r.remote_ip_prefix === input.remoteIpPrefix && r.remote_group_id === input.remoteGroupId);
  if (same) throw vpcError('VPC.0403', `rule ${same.id}`);
  return insertRule(vpc, o.security_group_id, input);
}
