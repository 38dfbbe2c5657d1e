import { ApiError } from '../../../server/errors.ts';
import { hex, uuid } from '../../../server/ids.ts';
import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { ecsError, novaBad, novaNotFound, novaRoute } from '../errors.ts';
import { flavor } from '../catalog.ts';
import type { SecurityGroupInfo } from '../../vpc/model.ts';
import { bindPort, port, releasePort } from '../../vpc/ports.ts';
import { allocateIp, usedIps } from '../model/lifecycle.ts';
import type { Ecs } from '../model/ecs.ts';
import { nicsOf } from '../model/render.ts';
import type { Nic, ServerRow } from '../model/rows.ts';
import { assertOperable } from '../model/state.ts';
import { body, isObj, requireObjKey } from '../model/validate.ts';

/** The primary NIC "has routing rules configured and cannot be deleted" (5.5.2, 6.7.4): 403. */
function primaryRefused(portId: string): ApiError {
  return new ApiError(403, 'Ecs.0086', `The primary NIC ${portId} cannot be deleted.`);
}

function newNic(ecs: Ecs, s: ServerRow, subnetId: string, ip: string | undefined, sgs: string[]): Nic {
  const sn = ecs.vpc.subnet(subnetId);
  if (!sn) throw ecsError('Ecs.0038', `subnet ${subnetId}`);
  if (sn.vpcId !== s.vpc_id) throw ecsError('Ecs.0014', `subnet ${subnetId} is not in the server's VPC`);
  const used = usedIps(ecs);
  if (ip !== undefined && !ecs.vpc.inSubnet(sn, ip)) throw ecsError('Ecs.0039', `privateIp [${ip}] is not in this subnet [${sn.id}]`);
  if (ip !== undefined && used.has(ip)) throw ecsError('Ecs.0010', ip);
  const addr = ip ?? allocateIp(ecs, sn.id, used);
  return { port_id: uuid(), net_id: sn.networkId, subnet_id: sn.id, ip: addr, mac: `fa:16:3e:${hex(3).match(/../g)!.join(':')}`, primary: false, security_groups: sgs };
}

/**
 * NICs and security groups. NIC changes through the ECS-native APIs are jobs whose entities name
 * the NIC (`nic_id`); the Nova os-interface APIs answer at once.
 */
export function networkRoutes(ecs: Ecs): RouteSpec[] {
  const nicView = (n: Nic) => ({ port_state: 'ACTIVE', fixed_ips: [{ subnet_id: n.subnet_id, ip_address: n.ip }], net_id: n.net_id, port_id: n.port_id, mac_addr: n.mac });
  const novaServer = (ctx: RequestContext): ServerRow => {
    const s = ecs.server(ctx.params.server_id!);
    if (!s) throw novaNotFound(`Instance ${ctx.params.server_id}`);
    return s;
  };
  const capacity = (s: ServerRow, adding: number) => {
    const max = flavor(s.flavor_id)?.maxNics ?? 12;
    if (nicsOf(s).length + adding > max) throw new ApiError(400, 'Ecs.0050', `The number of NICs attached to the ECS exceeds the quota. (flavor ${s.flavor_id} takes ${max})`);
  };
  /**
   * A NIC job (5.5.x): one sub-job per NIC naming it (`nic_id`); the change lands on the server when
   * the job ends, like every ECS-native change.
   */
  const nicJob = (s: ServerRow, type: 'attachNic' | 'detachNic', nics: Nic[]) => {
    const { jobs, scheduler } = ecs.rt;
    const change = type === 'attachNic' ? { add: nics } : { remove: nics.map((n) => n.port_id) };
    const parent = jobs.create({ jobType: type, entities: { server_id: s.id, sub_jobs_total: nics.length }, internal: { serverId: s.id, ...change } });
    for (const n of nics) jobs.create({ jobType: type, parentId: parent, entities: { server_id: s.id, nic_id: n.port_id } });
    scheduler.schedule('ecs.nicjob', 2_000, { jobId: parent });
    return parent;
  };

  const addNics = (ctx: RequestContext) => {
    const b = body(ctx);
    if (!Array.isArray(b.nics) || b.nics.length === 0) throw ecsError('Ecs.0005', 'nics needs at least one {"subnet_id"}');
    const s = ecs.requireServer(ctx.params.server_id!);
    assertOperable(s, ['ACTIVE', 'SHUTOFF'], 'adding NICs');
    capacity(s, b.nics.length);
    const added: Nic[] = [];
    for (const raw of b.nics as unknown[]) {
      if (!isObj(raw) || typeof raw.subnet_id !== 'string') throw ecsError('Ecs.0005', 'each NIC needs subnet_id');
      const sgs = Array.isArray(raw.security_groups) ? raw.security_groups.map((g: unknown) => (isObj(g) && typeof g.id === 'string' ? ecs.vpc.securityGroup(g.id)?.id : undefined)) : [];
      if (sgs.some((g) => g === undefined)) throw ecsError('Ecs.0014', 'unknown security group');
      const nic = newNic(ecs, s, raw.subnet_id, typeof raw.ip_address === 'string' && raw.ip_address !== '' ? raw.ip_address : undefined, (sgs as string[]).length ? (sgs as string[]) : JSON.parse(s.security_groups));
      added.push(nic);
    }
    const jobId = ecs.transaction(() => nicJob(s, 'attachNic', added));
    ecs.recordAction(s.id, 'attach_interface', ctx.requestId);
    return { status: 200, body: { job_id: jobId } };
  };

  const deleteNics = (ctx: RequestContext) => {
    const b = body(ctx);
    if (!Array.isArray(b.nics) || b.nics.length === 0) throw ecsError('Ecs.0005', 'nics needs at least one {"id"}');
    const s = ecs.requireServer(ctx.params.server_id!);
    assertOperable(s, ['ACTIVE', 'SHUTOFF'], 'deleting NICs');
    const current = nicsOf(s);
    const drop = (b.nics as unknown[]).map((raw) => {
      const n = isObj(raw) && typeof raw.id === 'string' ? current.find((x) => x.port_id === raw.id) : undefined;
      if (!n) throw new ApiError(400, 'Ecs.0085', `The server does not have the interface. (${JSON.stringify(raw)})`);
      if (n.primary) throw primaryRefused(n.port_id);
      return n;
    });
    const jobId = ecs.transaction(() => nicJob(s, 'detachNic', drop));
    ecs.recordAction(s.id, 'detach_interface', ctx.requestId);
    return { status: 200, body: { job_id: jobId } };
  };

  /** The Nova view of a group (6.5): its ingress rules, as the VPC service keeps them. */
  const sgView = (g: SecurityGroupInfo) => ({
    id: g.id, name: g.name, description: g.description, tenant_id: ecs.rt.account.projectId,
    rules: ecs.vpc.rulesOf(g.id).filter((r) => r.direction === 'ingress' && r.ethertype === 'IPv4').map((r) => ({
      id: r.id, parent_group_id: g.id, ip_protocol: r.protocol, from_port: r.port_range_min, to_port: r.port_range_max,
      ip_range: r.remote_ip_prefix ? { cidr: r.remote_ip_prefix } : {},
      group: r.remote_group_id ? { tenant_id: ecs.rt.account.projectId, name: ecs.vpc.securityGroup(r.remote_group_id)?.name ?? r.remote_group_id } : {},
    })),
  });

  /** os-interface with `port_id` (6.7.3): a free VPC port of the server's VPC becomes a NIC, with its own address and MAC. */
  const attachPort = (ctx: RequestContext, s: ServerRow, portId: unknown) => {
    const p = typeof portId === 'string' ? port(ecs.vpc, portId) : undefined;
    if (!p) throw novaNotFound(`Port ${JSON.stringify(portId)}`);
    if (p.device_id) throw ecsError('Ecs.0919', `port ${p.id} is used by ${p.device_id}`);
    const sn = ecs.vpc.subnet(p.subnet_id);
    if (!sn || sn.vpcId !== s.vpc_id) throw ecsError('Ecs.0014', `port ${p.id} is not in the server's VPC ${s.vpc_id}`);
    capacity(s, 1);
    const groups = JSON.parse(p.security_groups) as string[];
    const nic: Nic = {
      port_id: p.id, net_id: p.network_id, subnet_id: p.subnet_id, ip: p.ip_address, mac: p.mac_address, primary: false,
      security_groups: groups.length ? groups : (JSON.parse(s.security_groups) as string[]), external: true,
    };
    ecs.transaction(() => {
      ecs.update(s.id, { nics: JSON.stringify([...nicsOf(s), nic]) });
      bindPort(ecs.vpc, p.id, s.id);
      ecs.recordAction(s.id, 'attach_interface', ctx.requestId);
    });
    return { status: 200, body: { interfaceAttachment: { ...nicView(nic), port_state: 'DOWN' } } };
  };

  const S = '/v2.1/{project_id}/servers/{server_id}';
  const nova: RouteSpec[] = [
    { method: 'GET', path: `${S}/os-interface`, operation: 'NovaListServerInterfaces', handler: (ctx) => ({ status: 200, body: { interfaceAttachments: nicsOf(novaServer(ctx)).map(nicView) } }) },
    {
      method: 'GET', path: `${S}/os-interface/{port_id}`, operation: 'NovaShowServerInterface',
      handler: (ctx) => {
        const n = nicsOf(novaServer(ctx)).find((x) => x.port_id === ctx.params.port_id);
        if (!n) throw novaNotFound(`Port ${ctx.params.port_id}`);
        return { status: 200, body: { interfaceAttachment: nicView(n) } };
      },
    },
    {
      method: 'POST', path: `${S}/os-interface`, operation: 'NovaCreateServerInterface',
      handler: (ctx) => {
        const o = requireObjKey(body(ctx), 'interfaceAttachment');
        const s = novaServer(ctx);
        assertOperable(s, ['ACTIVE', 'SHUTOFF'], 'adding a NIC');
        if (o.port_id !== undefined) return attachPort(ctx, s, o.port_id);
        const sn = typeof o.net_id === 'string' ? ecs.vpc.subnetByNetwork(o.net_id) : undefined;
        if (!sn) throw novaBad(`net_id ${JSON.stringify(o.net_id)} is not a network of this project`);
        const ips = o.fixed_ips;
        if (ips !== undefined && (!Array.isArray(ips) || ips.length !== 1 || !isObj(ips[0]))) throw novaBad('fixed_ips takes exactly one {"ip_address"}');
        capacity(s, 1);
        const ip = Array.isArray(ips) && isObj(ips[0]) && typeof ips[0].ip_address === 'string' ? ips[0].ip_address : undefined;
        const nic = newNic(ecs, s, sn.id, ip, JSON.parse(s.security_groups));
        ecs.update(s.id, { nics: JSON.stringify([...nicsOf(s), nic]) });
        ecs.recordAction(s.id, 'attach_interface', ctx.requestId);
        return { status: 200, body: { interfaceAttachment: { ...nicView(nic), port_state: 'DOWN' } } };
      },
    },
    {
      method: 'DELETE', path: `${S}/os-interface/{port_id}`, operation: 'NovaDeleteServerInterface',
      handler: (ctx) => {
        const s = novaServer(ctx);
        assertOperable(s, ['ACTIVE', 'SHUTOFF'], 'deleting a NIC');
        const n = nicsOf(s).find((x) => x.port_id === ctx.params.port_id);
        if (!n) throw novaNotFound(`Port ${ctx.params.port_id}`);
        if (n.primary) throw new ApiError(403, 'forbidden', `The primary NIC ${n.port_id} cannot be deleted.`, 'openstack');
        ecs.update(s.id, { nics: JSON.stringify(nicsOf(s).filter((x) => x.port_id !== n.port_id)) });
        if (n.external) releasePort(ecs.vpc, n.port_id);
        ecs.recordAction(s.id, 'detach_interface', ctx.requestId);
        return { status: 202 };
      },
    },
    {
      method: 'GET', path: `${S}/os-security-groups`, operation: 'NovaListServerSecurityGroups',
      handler: (ctx) => ({ status: 200, body: { security_groups: (JSON.parse(novaServer(ctx).security_groups) as string[]).map((id) => sgView(ecs.vpc.securityGroup(id) ?? { id, name: id, description: '', vpcId: null })) } }),
    },
  ];
  return [
    { method: 'POST', path: '/v1/{project_id}/cloudservers/{server_id}/nics', operation: 'BatchAddServerNics', handler: addNics },
    { method: 'POST', path: '/v1/{project_id}/cloudservers/{server_id}/nics/delete', operation: 'BatchDeleteServerNics', handler: deleteNics },
    ...nova.map(novaRoute),
  ];
}

/** Security-group actions of 6.5.1/6.5.2 (`name` = group name or id); at most five groups. */
export function changeSecurityGroup(ecs: Ecs, s: ServerRow, add: boolean, name: unknown): void {
  const g = typeof name === 'string' ? ecs.vpc.securityGroup(name) : undefined;
  if (!g) throw novaNotFound(`Security group ${JSON.stringify(name)}`);
  const current = JSON.parse(s.security_groups) as string[];
  if (add && current.includes(g.id)) throw novaBad(`Security group ${g.name} is already associated with the instance`);
  if (!add && !current.includes(g.id)) throw novaBad(`Security group ${g.name} not associated with the instance`);
  const next = add ? [...current, g.id] : current.filter((x) => x !== g.id);
  if (next.length > 5) throw novaBad('an ECS is in at most five security groups');
  ecs.update(s.id, { security_groups: JSON.stringify(next), nics: JSON.stringify(nicsOf(s).map((n) => ({ ...n, security_groups: next }))) });
}

