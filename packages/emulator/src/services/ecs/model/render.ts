import type { RequestContext } from '../../../server/types.ts';
import { attachmentsOfServer } from '../../evs/model/attachments.ts';
import { novaBad } from '../errors.ts';
import { extraSpecs, flavor, type Flavor } from '../catalog.ts';
import type { Ecs } from './ecs.ts';
import type { Nic, ServerRow, Tag } from './rows.ts';
import { statusOf } from './state.ts';
import { publicIpsOfServer } from '../../vpc/publicips.ts';

export const MIN_VERSION = [2, 1] as const;
export const MAX_VERSION = [2, 60] as const;

export type Microversion = readonly [number, number];

export function atLeast(v: Microversion, major: number, minor: number): boolean {
  return v[0] > major || (v[0] === major && v[1] >= minor);
}

/**
 * The microversion of a Nova call: `X-OpenStack-Nova-API-Version: 2.26`, or from 2.27 on
 * `OpenStack-API-Version: compute 2.27`; absent = 2.1, `latest` = the maximum; /v2 has none.
 */
export function microversion(ctx: RequestContext): Microversion {
  if (ctx.path.startsWith('/ecs/v2/')) return MIN_VERSION;
  const legacy = ctx.headers['x-openstack-nova-api-version'];
  const modern = ctx.headers['openstack-api-version'];
  let raw: string | undefined;
  if (typeof modern === 'string' && /^compute\s+/i.test(modern)) raw = modern.replace(/^compute\s+/i, '').trim();
  else if (typeof legacy === 'string') raw = legacy.trim();
  if (raw === undefined || raw === '') return MIN_VERSION;
  if (raw === 'latest') return MAX_VERSION;
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  if (!m) throw novaBad(`Version ${raw} is not a valid microversion`);
  const v = [Number(m[1]), Number(m[2])] as const;
  if (!atLeast(v, ...MIN_VERSION) || atLeast(v, MAX_VERSION[0], MAX_VERSION[1] + 1)) {
    throw novaBad(`Version ${raw} is not supported by the API. Minimum is ${MIN_VERSION.join('.')} and maximum is ${MAX_VERSION.join('.')}.`);
  }
  if (typeof modern === 'string' && raw === modern.replace(/^compute\s+/i, '').trim() && !atLeast(v, 2, 27)) {
    throw novaBad('OpenStack-API-Version is accepted from microversion 2.27; use X-OpenStack-Nova-API-Version below it');
  }
  return v;
}

export function versionHeaders(v: Microversion): Record<string, string> {
  const s = `${v[0]}.${v[1]}`;
  return { 'X-OpenStack-Nova-API-Version': s, 'OpenStack-API-Version': `compute ${s}`, Vary: 'X-OpenStack-Nova-API-Version' };
}

export function tagsOf(s: ServerRow): Tag[] {
  return s.tags === '[]' ? [] : (JSON.parse(s.tags) as Tag[]);
}

export function tags1dOf(s: ServerRow): string[] {
  return s.tags1d === '[]' ? [] : (JSON.parse(s.tags1d) as string[]);
}

export function nicsOf(s: ServerRow): Nic[] {
  return JSON.parse(s.nics) as Nic[];
}

function link(base: string, projectId: string, kind: string, id: string) {
  return [
    { rel: 'self', href: `${base}/v2.1/${projectId}/${kind}/${id}` },
    { rel: 'bookmark', href: `${base}/${projectId}/${kind}/${id}` },
  ];
}

function flavorView(f: Flavor | undefined, id: string, v: Microversion, base: string, projectId: string): unknown {
  if (atLeast(v, 2, 47) && f) {
    return { vcpus: f.vcpus, ram: f.ram, disk: 0, ephemeral: 0, swap: 0, original_name: f.id, extra_specs: extraSpecs(f) };
  }
  return { id, links: [link(base, projectId, 'flavors', id)[1]] };
}

/** The Nova server object of 6.2.5/6.2.6 (§4.0), gated by microversion. */
export function renderServer(ecs: Ecs, s: ServerRow, v: Microversion): Record<string, unknown> {
  const base = ecs.rt.endpoints().ecs;
  const { projectId, userId } = ecs.rt.account;
  const addresses: Record<string, unknown[]> = {};
  const eips = publicIpsOfServer(ecs.vpc, s.id);
  for (const n of nicsOf(s)) {
    (addresses[n.net_id] ??= []).push({ 'OS-EXT-IPS-MAC:mac_addr': n.mac, 'OS-EXT-IPS:type': 'fixed', addr: n.ip, version: 4 });
    // An EIP shows next to the fixed address of the port it is bound to.
    for (const e of eips) if (e.port_id === n.port_id) addresses[n.net_id]!.push({ 'OS-EXT-IPS-MAC:mac_addr': n.mac, 'OS-EXT-IPS:type': 'floating', addr: e.public_ip_address, version: 4 });
  }
  const attachments = attachmentsOfServer(ecs.evs, s.id);
  const out: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    status: statusOf(s),
    tenant_id: projectId,
    user_id: userId,
    metadata: JSON.parse(s.metadata),
    hostId: s.host.replace(/[^a-z0-9]/g, '').padEnd(56, '0').slice(0, 56),
    image: s.image_id && ecs.ims.image(s.image_id) ? { id: s.image_id, links: [link(base, projectId, 'images', s.image_id)[1]] } : '',
    flavor: flavorView(flavor(s.flavor_id), s.flavor_id, v, base, projectId),
    created: s.created,
    updated: s.updated,
    addresses,
    security_groups: (JSON.parse(s.security_groups) as string[]).map((id) => ({ name: ecs.vpc.securityGroup(id)?.name ?? id })),
    links: link(base, projectId, 'servers', s.id),
    key_name: s.key_name,
    accessIPv4: '',
    accessIPv6: '',
    config_drive: '',
    progress: 0,
    'OS-DCF:diskConfig': 'MANUAL',
    'OS-EXT-AZ:availability_zone': s.availability_zone,
    'OS-EXT-SRV-ATTR:host': s.host,
    'OS-EXT-SRV-ATTR:hypervisor_hostname': `nova-${s.host}`,
    'OS-EXT-SRV-ATTR:instance_name': s.instance_name,
    'OS-EXT-STS:power_state': s.power_state,
    'OS-EXT-STS:task_state': s.task_state,
    'OS-EXT-STS:vm_state': s.vm_state,
    'OS-SRV-USG:launched_at': s.launched_at,
    'OS-SRV-USG:terminated_at': null,
    'os-extended-volumes:volumes_attached': attachments.map((a) => (atLeast(v, 2, 3) ? { id: a.volume_id, delete_on_termination: a.device === '/dev/vda' } : { id: a.volume_id })),
  };
  if (s.fault) out.fault = JSON.parse(s.fault);
  if (atLeast(v, 2, 3)) {
    Object.assign(out, {
      'OS-EXT-SRV-ATTR:hostname': s.name.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      'OS-EXT-SRV-ATTR:reservation_id': `r-${s.id.slice(0, 8)}`,
      'OS-EXT-SRV-ATTR:launch_index': 0,
      'OS-EXT-SRV-ATTR:kernel_id': '',
      'OS-EXT-SRV-ATTR:ramdisk_id': '',
      'OS-EXT-SRV-ATTR:root_device_name': '/dev/vda',
      'OS-EXT-SRV-ATTR:user_data': s.user_data,
    });
  }
  if (atLeast(v, 2, 9)) out.locked = s.locked === 1;
  if (atLeast(v, 2, 16)) out.host_status = s.vm_state === 'error' ? 'UNKNOWN' : 'UP';
  if (atLeast(v, 2, 19)) out.description = s.description;
  if (atLeast(v, 2, 26)) out.tags = tags1dOf(s);
  return out;
}

export function renderBrief(ecs: Ecs, s: ServerRow): Record<string, unknown> {
  return { id: s.id, name: s.name, links: link(ecs.rt.endpoints().ecs, ecs.rt.account.projectId, 'servers', s.id) };
}
