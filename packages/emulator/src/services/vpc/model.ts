import type { Runtime } from '../../runtime.ts';
import { Statements } from '../../store/db.ts';
import { vpcError } from './errors.ts';
import { formatIp, hostAddress, parseCidr, parseIp, usableIn, type Cidr } from './cidr.ts';
import type { RuleRow, SecurityGroupRow, SubnetRow, VpcRow } from './rows.ts';

/** What ECS needs to know of a subnet: where it is, and how its addresses are handed out. */
export interface SubnetInfo {
  id: string;
  vpcId: string;
  /** The Neutron network id of the subnet, the key of a server's `addresses`. */
  networkId: string;
  name: string;
  cidr: string;
  gatewayIp: string;
  availabilityZone: string | null;
}

export interface SecurityGroupInfo {
  id: string;
  name: string;
  description: string;
  vpcId: string | null;
}

export interface Page {
  limit?: string | null;
  marker?: string | null;
}

const MAX_LIMIT = 2000;

/** The VPC model: VPCs, subnets and security groups with their rules, in the shared store. */
export class Vpc {
  readonly s: Statements;
  /** ECS tells which private addresses its servers hold, so that ports do not take them. */
  readonly hooks: { usedIps: () => Set<string> } = { usedIps: () => new Set() };

  constructor(readonly rt: Runtime) {
    this.s = new Statements(rt.db);
  }

  now(): number {
    return this.rt.clock.now();
  }

  transaction<T>(fn: () => T): T {
    return this.rt.db.transaction(fn)();
  }

  vpc(id: string): VpcRow | undefined {
    return this.s.get('SELECT * FROM vpc_vpcs WHERE id = ?').get(id) as VpcRow | undefined;
  }

  requireVpc(id: string): VpcRow {
    const v = this.vpc(id);
    if (!v) throw vpcError('VPC.0002', `vpc ${id}`);
    return v;
  }

  subnetRow(id: string): SubnetRow | undefined {
    return this.s.get('SELECT * FROM vpc_subnets WHERE id = ?').get(id) as SubnetRow | undefined;
  }

  subnetsOf(vpcId: string): SubnetRow[] {
    return this.s.get('SELECT * FROM vpc_subnets WHERE vpc_id = ? ORDER BY seq').all(vpcId) as SubnetRow[];
  }

  securityGroupRow(id: string): SecurityGroupRow | undefined {
    return this.s.get('SELECT * FROM vpc_security_groups WHERE id = ?').get(id) as SecurityGroupRow | undefined;
  }

  rulesOf(groupId: string): RuleRow[] {
    return this.s.get('SELECT * FROM vpc_security_group_rules WHERE security_group_id = ? ORDER BY seq').all(groupId) as RuleRow[];
  }

  rule(id: string): RuleRow | undefined {
    return this.s.get('SELECT * FROM vpc_security_group_rules WHERE id = ?').get(id) as RuleRow | undefined;
  }

  /** One page of a table in creation order: `limit` 1-2000, `marker` the last id of the previous page. */
  page<T extends { seq: number }>(table: string, where: Record<string, string | undefined>, q: Page): T[] {
    const limit = q.limit === null || q.limit === undefined ? MAX_LIMIT : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw vpcError('VPC.0001', `limit must be an integer from 1 to ${MAX_LIMIT}`);
    const filters = Object.entries(where).filter((e): e is [string, string] => e[1] !== undefined);
    let after = 0;
    if (q.marker) {
      const m = this.s.get(`SELECT seq FROM ${table} WHERE id = ?`).get(q.marker) as { seq: number } | undefined;
      if (!m) throw vpcError('VPC.0001', `marker ${q.marker} is not an id of this list`);
      after = m.seq;
    }
    const sql = `SELECT * FROM ${table} WHERE seq > ?${filters.map(([k]) => ` AND ${k} = ?`).join('')} ORDER BY seq LIMIT ?`;
    return this.s.get(sql).all(after, ...filters.map(([, v]) => v), limit) as T[];
  }

  // ---- lookups for ECS --------------------------------------------------------------------------

  subnet(id: string): SubnetInfo | undefined {
    const r = this.subnetRow(id);
    return r && subnetInfo(r);
  }

  subnetByNetwork(networkId: string): SubnetInfo | undefined {
    const r = this.s.get('SELECT * FROM vpc_subnets WHERE neutron_network_id = ?').get(networkId) as SubnetRow | undefined;
    return r && subnetInfo(r);
  }

  allSubnets(): SubnetInfo[] {
    return (this.s.get('SELECT * FROM vpc_subnets ORDER BY seq').all() as SubnetRow[]).map(subnetInfo);
  }

  /** By id, or by name as Nova names groups; the oldest group of that name wins. */
  securityGroup(idOrName: string): SecurityGroupInfo | undefined {
    const g = (this.securityGroupRow(idOrName) ??
      this.s.get('SELECT * FROM vpc_security_groups WHERE name = ? ORDER BY seq LIMIT 1').get(idOrName)) as SecurityGroupRow | undefined;
    return g && { id: g.id, name: g.name, description: g.description, vpcId: g.vpc_id };
  }

  /** The n-th address of a subnet a server may take (undefined past the end). */
  hostAddress(sn: SubnetInfo, n: number): string | undefined {
    const ip = hostAddress(this.cidr(sn.cidr), n);
    return ip === undefined ? undefined : formatIp(ip);
  }

  /** An address inside the subnet that is neither its network, broadcast nor gateway address. */
  inSubnet(sn: SubnetInfo, ip: string): boolean {
    const n = parseIp(ip);
    return n !== undefined && usableIn(this.cidr(sn.cidr), parseIp(sn.gatewayIp)!, n);
  }

  private readonly cidrs = new Map<string, Cidr>();
  private cidr(text: string): Cidr {
    let c = this.cidrs.get(text);
    if (!c) this.cidrs.set(text, (c = parseCidr(text)!));
    return c;
  }
}

function subnetInfo(r: SubnetRow): SubnetInfo {
  return { id: r.id, vpcId: r.vpc_id, networkId: r.neutron_network_id, name: r.name, cidr: r.cidr, gatewayIp: r.gateway_ip, availabilityZone: r.availability_zone };
}
