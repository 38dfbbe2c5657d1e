import { hex, uuid } from '../../server/ids.ts';
import { vpcError } from './errors.ts';
import type { Vpc } from './model.ts';

export interface PortRow {
  seq: number;
  id: string;
  name: string;
  network_id: string;
  subnet_id: string;
  ip_address: string;
  mac_address: string;
  /** DOWN while free, ACTIVE while a server uses it. */
  status: 'DOWN' | 'ACTIVE';
  device_id: string;
  device_owner: string;
  security_groups: string;
  created_ms: number;
}

export function port(vpc: Vpc, id: string): PortRow | undefined {
  return vpc.s.get('SELECT * FROM vpc_ports WHERE id = ?').get(id) as PortRow | undefined;
}

/** Addresses held by ports nobody uses yet (a used port's address is the server NIC's). */
export function freePortAddresses(vpc: Vpc): string[] {
  return (vpc.s.get("SELECT ip_address AS ip FROM vpc_ports WHERE device_id = ''").all() as { ip: string }[]).map((r) => r.ip);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `POST /v1/{project_id}/ports`: a port on a subnet's network (`network_id` = the subnet's
 * `neutron_network_id`), with a given address of the subnet or the next free one.
 */
export function createPort(vpc: Vpc, body: unknown): PortRow {
  const o = isObj(body) && isObj(body.port) ? body.port : undefined;
  if (!o) throw vpcError('VPC.0603', 'the body is {"port": {...}}');
  const sn = typeof o.network_id === 'string' ? vpc.subnetByNetwork(o.network_id) : undefined;
  if (!sn) throw vpcError('VPC.0603', `network_id ${JSON.stringify(o.network_id)} is not a subnet's network`);
  const fixed = o.fixed_ips === undefined ? [] : o.fixed_ips;
  if (!Array.isArray(fixed) || fixed.length > 1 || !fixed.every(isObj)) throw vpcError('VPC.0603', 'fixed_ips takes at most one {"subnet_id", "ip_address"}');
  const want = fixed[0] as Obj | undefined;
  if (want?.subnet_id !== undefined && want.subnet_id !== sn.id) throw vpcError('VPC.0603', `subnet ${String(want.subnet_id)} is not on network ${sn.networkId}`);
  const used = vpc.hooks.usedIps();
  let ip: string | undefined;
  if (want?.ip_address !== undefined) {
    if (typeof want.ip_address !== 'string' || !vpc.inSubnet(sn, want.ip_address)) throw vpcError('VPC.0603', `${String(want.ip_address)} is not a host address of ${sn.cidr}`);
    if (used.has(want.ip_address)) throw vpcError('VPC.0603', `${want.ip_address} is in use`);
    ip = want.ip_address;
  }
  for (let n = 0; ip === undefined; n++) {
    const candidate = vpc.hostAddress(sn, n);
    if (candidate === undefined) throw vpcError('VPC.0603', `subnet ${sn.id} has no free address`);
    if (candidate !== sn.gatewayIp && !used.has(candidate)) ip = candidate;
  }
  const groups = o.security_groups ?? [];
  if (!Array.isArray(groups) || groups.some((g) => typeof g !== 'string' || !vpc.securityGroupRow(g))) throw vpcError('VPC.0301', 'security_groups lists ids of existing groups');
  const id = uuid();
  vpc.s
    .get(`INSERT INTO vpc_ports (id, name, network_id, subnet_id, ip_address, mac_address, status, security_groups, created_ms)
      VALUES (?, ?, ?, ?, ?, ?, 'DOWN', ?, ?)`)
    .run(id, typeof o.name === 'string' ? o.name.slice(0, 255) : '', sn.networkId, sn.id, ip, `fa:16:3e:${hex(3).match(/../g)!.join(':')}`, JSON.stringify(groups), vpc.now());
  return port(vpc, id)!;
}

export function bindPort(vpc: Vpc, id: string, serverId: string): void {
  vpc.s.get("UPDATE vpc_ports SET status = 'ACTIVE', device_id = ?, device_owner = 'compute:nova' WHERE id = ?").run(serverId, id);
}

/** The server lets go of the port; the port stays, free again, as a port made on its own does. */
export function releasePort(vpc: Vpc, id: string): void {
  vpc.s.get("UPDATE vpc_ports SET status = 'DOWN', device_id = '', device_owner = '' WHERE id = ?").run(id);
}

export function releasePortsOf(vpc: Vpc, serverId: string): void {
  vpc.s.get("UPDATE vpc_ports SET status = 'DOWN', device_id = '', device_owner = '' WHERE device_id = ?").run(serverId);
}

/** The VPC v1 `Port` model. */
export function renderPort(vpc: Vpc, r: PortRow): Record<string, unknown> {
  return {
    id: r.id, name: r.name, network_id: r.network_id, mac_address: r.mac_address, admin_state_up: true, status: r.status,
    fixed_ips: [{ subnet_id: r.subnet_id, ip_address: r.ip_address }], device_id: r.device_id, device_owner: r.device_owner,
    tenant_id: vpc.rt.account.projectId, security_groups: JSON.parse(r.security_groups) as string[], allowed_address_pairs: [], extra_dhcp_opts: [],
    'binding:vnic_type': 'normal', port_security_enabled: true,
  };
}
