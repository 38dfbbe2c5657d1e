import { uuid } from '../../server/ids.ts';
import { formatIp, parseCidr } from './cidr.ts';
import { vpcError } from './errors.ts';
import type { Vpc } from './model.ts';

export interface PublicIpRow {
  seq: number;
  id: string;
  public_ip_address: string;
  /** DOWN while free, ACTIVE while bound to a port. */
  status: 'DOWN' | 'ACTIVE';
  type: string;
  port_id: string | null;
  private_ip_address: string | null;
  server_id: string | null;
  bandwidth_id: string;
  bandwidth_name: string;
  bandwidth_size: number;
  bandwidth_share_type: string;
  delete_on_termination: number;
  created_ms: number;
}

export interface NewPublicIp {
  type: string;
  bandwidthSize: number;
  shareType: 'PER' | 'WHOLE';
  bandwidthName?: string;
}

/** The region's EIP pool; addresses are handed out in order and come back when released. */
const POOL = parseCidr('124.70.0.0/16')!;
export const EIP_TYPES = ['5_bgp', '5_sbgp'];

export function publicIp(vpc: Vpc, id: string): PublicIpRow | undefined {
  return vpc.s.get('SELECT * FROM vpc_publicips WHERE id = ?').get(id) as PublicIpRow | undefined;
}

export function publicIpsOfServer(vpc: Vpc, serverId: string): PublicIpRow[] {
  return vpc.s.get('SELECT * FROM vpc_publicips WHERE server_id = ? ORDER BY seq').all(serverId) as PublicIpRow[];
}

export function countPublicIps(vpc: Vpc): number {
  return (vpc.s.get('SELECT count(*) AS n FROM vpc_publicips').get() as { n: number }).n;
}

/** A new EIP, `DOWN` until something binds it. */
export function allocatePublicIp(vpc: Vpc, p: NewPublicIp): PublicIpRow {
  if (!EIP_TYPES.includes(p.type)) throw vpcError('VPC.0001', `publicip.type is one of ${EIP_TYPES.join(', ')}`);
  if (!Number.isInteger(p.bandwidthSize) || p.bandwidthSize < 1 || p.bandwidthSize > 1000) throw vpcError('VPC.0001', 'bandwidth.size is 1 to 1000 Mbit/s');
  const used = new Set((vpc.s.get('SELECT public_ip_address AS a FROM vpc_publicips').all() as { a: string }[]).map((r) => r.a));
  let address: string | undefined;
  for (let ip = POOL.network + 10; ip < POOL.last && !address; ip++) if (!used.has(formatIp(ip))) address = formatIp(ip);
  if (!address) throw vpcError('VPC.0003', 'the EIP pool is exhausted');
  const id = uuid();
  vpc.s
    .get(`INSERT INTO vpc_publicips (id, public_ip_address, status, type, bandwidth_id, bandwidth_name, bandwidth_size, bandwidth_share_type, created_ms)
      VALUES (?, ?, 'DOWN', ?, ?, ?, ?, ?, ?)`)
    .run(id, address, p.type, uuid(), p.bandwidthName ?? `bandwidth-${address.split('.').slice(2).join('-')}`, p.bandwidthSize, p.shareType, vpc.now());
  return publicIp(vpc, id)!;
}

export function bindPublicIp(vpc: Vpc, id: string, to: { portId: string; privateIp: string; serverId: string; deleteOnTermination: boolean }): void {
  vpc.s
    .get("UPDATE vpc_publicips SET status = 'ACTIVE', port_id = ?, private_ip_address = ?, server_id = ?, delete_on_termination = ? WHERE id = ?")
    .run(to.portId, to.privateIp, to.serverId, to.deleteOnTermination ? 1 : 0, id);
}

/** A server goes away: each EIP bound to it is released or kept (`DOWN`), as `delete_publicip` or its own flag says. */
export function releaseServerPublicIps(vpc: Vpc, serverId: string, deletePublicIp: boolean | undefined): void {
  for (const ip of publicIpsOfServer(vpc, serverId)) {
    if (deletePublicIp ?? ip.delete_on_termination === 1) vpc.s.get('DELETE FROM vpc_publicips WHERE id = ?').run(ip.id);
    else vpc.s.get("UPDATE vpc_publicips SET status = 'DOWN', port_id = NULL, private_ip_address = NULL, server_id = NULL, delete_on_termination = 0 WHERE id = ?").run(ip.id);
  }
}

const eipTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The EIP v1 `publicip` object. */
export function renderPublicIp(vpc: Vpc, r: PublicIpRow): Record<string, unknown> {
  return {
    id: r.id, status: r.status, type: r.type, public_ip_address: r.public_ip_address, private_ip_address: r.private_ip_address ?? undefined,
    port_id: r.port_id ?? undefined, tenant_id: vpc.rt.account.projectId, create_time: eipTime(r.created_ms), bandwidth_id: r.bandwidth_id,
    bandwidth_name: r.bandwidth_name, bandwidth_size: r.bandwidth_size, bandwidth_share_type: r.bandwidth_share_type, enterprise_project_id: '0', ip_version: 4,
    profile: {},
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `POST /v1/{project_id}/publicips`: `{"publicip": {"type"}, "bandwidth": {"name", "size", "share_type"}}`. */
export function createPublicIpFromBody(vpc: Vpc, body: unknown): PublicIpRow {
  if (!isObj(body) || !isObj(body.publicip) || !isObj(body.bandwidth)) throw vpcError('VPC.0001', 'the body is {"publicip": {...}, "bandwidth": {...}}');
  const { publicip, bandwidth } = body;
  if (bandwidth.share_type !== 'PER' && bandwidth.share_type !== 'WHOLE') throw vpcError('VPC.0001', 'bandwidth.share_type is PER or WHOLE');
  return allocatePublicIp(vpc, {
    type: String(publicip.type), bandwidthSize: Number(bandwidth.size), shareType: bandwidth.share_type,
    ...(typeof bandwidth.name === 'string' ? { bandwidthName: bandwidth.name } : {}),
  });
}
