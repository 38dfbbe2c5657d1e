import type { Reply, RequestContext, RouteSpec } from '../../server/types.ts';
import { createRule, createSecurityGroup, createSubnet, createVpc } from './create.ts';
import { vpcError } from './errors.ts';
import type { Vpc } from './model.ts';
import { createPort, port, renderPort, type PortRow } from './ports.ts';
import { createPublicIpFromBody, publicIp, renderPublicIp, type PublicIpRow } from './publicips.ts';
import { renderRule, renderSecurityGroup, renderSubnet, renderVpc } from './render.ts';
import type { RuleRow, SecurityGroupRow, SubnetRow, VpcRow } from './rows.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });
const page = (ctx: RequestContext) => ({ limit: ctx.query.get('limit'), marker: ctx.query.get('marker') });
const opt = (ctx: RequestContext, key: string) => ctx.query.get(key) ?? undefined;

/** The VPC v1 API of the official SDK's VpcClient: VPCs, subnets, security groups and their rules. */
export function vpcRoutes(vpc: Vpc): RouteSpec[] {
  const p = '/v1/{project_id}';
  return [
    {
      method: 'GET', path: `${p}/vpcs`, operation: 'ListVpcs',
      handler: (ctx) => ok({ vpcs: vpc.page<VpcRow>('vpc_vpcs', { id: opt(ctx, 'id'), enterprise_project_id: opt(ctx, 'enterprise_project_id') }, page(ctx)).map((r) => renderVpc(vpc, r)) }),
    },
    { method: 'GET', path: `${p}/vpcs/{vpc_id}`, operation: 'ShowVpc', handler: (ctx) => ok({ vpc: renderVpc(vpc, vpc.requireVpc(ctx.params.vpc_id!)) }) },
    { method: 'POST', path: `${p}/vpcs`, operation: 'CreateVpc', handler: (ctx) => ok({ vpc: renderVpc(vpc, createVpc(vpc, ctx.json())) }) },
    {
      method: 'GET', path: `${p}/subnets`, operation: 'ListSubnets',
      handler: (ctx) => ok({ subnets: vpc.page<SubnetRow>('vpc_subnets', { vpc_id: opt(ctx, 'vpc_id') }, page(ctx)).map((r) => renderSubnet(vpc, r)) }),
    },
    {
      method: 'GET', path: `${p}/subnets/{subnet_id}`, operation: 'ShowSubnet',
      handler: (ctx) => {
        const r = vpc.subnetRow(ctx.params.subnet_id!);
        if (!r) throw vpcError('VPC.0202', `subnet ${ctx.params.subnet_id}`);
        return ok({ subnet: renderSubnet(vpc, r) });
      },
    },
    { method: 'POST', path: `${p}/subnets`, operation: 'CreateSubnet', handler: (ctx) => ok({ subnet: renderSubnet(vpc, createSubnet(vpc, ctx.json())) }) },
    {
      method: 'GET', path: `${p}/security-groups`, operation: 'ListSecurityGroups',
      handler: (ctx) => ok({
        security_groups: vpc.page<SecurityGroupRow>('vpc_security_groups', { vpc_id: opt(ctx, 'vpc_id'), enterprise_project_id: opt(ctx, 'enterprise_project_id') }, page(ctx))
          .map((g) => renderSecurityGroup(vpc, g)),
      }),
    },
    {
      method: 'GET', path: `${p}/security-groups/{security_group_id}`, operation: 'ShowSecurityGroup',
      handler: (ctx) => {
        const g = vpc.securityGroupRow(ctx.params.security_group_id!);
        if (!g) throw vpcError('VPC.0301', `security group ${ctx.params.security_group_id}`);
        return ok({ security_group: renderSecurityGroup(vpc, g) });
      },
    },
    { method: 'POST', path: `${p}/security-groups`, operation: 'CreateSecurityGroup', handler: (ctx) => ok({ security_group: renderSecurityGroup(vpc, createSecurityGroup(vpc, ctx.json())) }) },
    {
      method: 'GET', path: `${p}/security-group-rules`, operation: 'ListSecurityGroupRules',
      handler: (ctx) => ok({
        security_group_rules: vpc.page<RuleRow>('vpc_security_group_rules', { security_group_id: opt(ctx, 'security_group_id'), remote_ip_prefix: opt(ctx, 'remote_ip_prefix') }, page(ctx))
          .map((r) => renderRule(vpc, r)),
      }),
    },
    {
      method: 'GET', path: `${p}/security-group-rules/{security_group_rule_id}`, operation: 'ShowSecurityGroupRule',
      handler: (ctx) => {
        const r = vpc.rule(ctx.params.security_group_rule_id!);
        if (!r) throw vpcError('VPC.0401', `rule ${ctx.params.security_group_rule_id}`);
        return ok({ security_group_rule: renderRule(vpc, r) });
      },
    },
    {
      method: 'GET', path: `${p}/publicips`, operation: 'ListPublicips',
      handler: (ctx) => ok({ publicips: vpc.page<PublicIpRow>('vpc_publicips', { port_id: opt(ctx, 'port_id') }, page(ctx)).map((r) => renderPublicIp(vpc, r)) }),
    },
    {
      method: 'GET', path: `${p}/publicips/{publicip_id}`, operation: 'ShowPublicip',
      handler: (ctx) => {
        const r = publicIp(vpc, ctx.params.publicip_id!);
        if (!r) throw vpcError('VPC.0501', `publicip ${ctx.params.publicip_id}`);
        return ok({ publicip: renderPublicIp(vpc, r) });
      },
    },
    { method: 'POST', path: `${p}/publicips`, operation: 'CreatePublicip', handler: (ctx) => ok({ publicip: renderPublicIp(vpc, createPublicIpFromBody(vpc, ctx.json())) }) },
    {
      method: 'DELETE', path: `${p}/publicips/{publicip_id}`, operation: 'DeletePublicip',
      handler: (ctx) => {
        const r = publicIp(vpc, ctx.params.publicip_id!);
        if (!r) throw vpcError('VPC.0501', `publicip ${ctx.params.publicip_id}`);
        if (r.status !== 'DOWN') throw vpcError('VPC.0502', `publicip ${r.id} is bound to port ${r.port_id}`);
        vpc.s.get('DELETE FROM vpc_publicips WHERE id = ?').run(r.id);
        return { status: 204 };
      },
    },
    {
      method: 'GET', path: `${p}/ports`, operation: 'ListPorts',
      handler: (ctx) => ok({ ports: vpc.page<PortRow>('vpc_ports', { network_id: opt(ctx, 'network_id'), device_id: opt(ctx, 'device_id') }, page(ctx)).map((r) => renderPort(vpc, r)) }),
    },
    {
      method: 'GET', path: `${p}/ports/{port_id}`, operation: 'ShowPort',
      handler: (ctx) => {
        const r = port(vpc, ctx.params.port_id!);
        if (!r) throw vpcError('VPC.0601', `port ${ctx.params.port_id}`);
        return ok({ port: renderPort(vpc, r) });
      },
    },
    { method: 'POST', path: `${p}/ports`, operation: 'CreatePort', handler: (ctx) => ok({ port: renderPort(vpc, createPort(vpc, ctx.json())) }) },
    {
      method: 'DELETE', path: `${p}/ports/{port_id}`, operation: 'DeletePort',
      handler: (ctx) => {
        const r = port(vpc, ctx.params.port_id!);
        if (!r) throw vpcError('VPC.0601', `port ${ctx.params.port_id}`);
        if (r.device_id) throw vpcError('VPC.0602', `port ${r.id} is used by ${r.device_id}`);
        vpc.s.get('DELETE FROM vpc_ports WHERE id = ?').run(r.id);
        return { status: 204 };
      },
    },
    { method: 'POST', path: `${p}/security-group-rules`, operation: 'CreateSecurityGroupRule', handler: (ctx) => ok({ security_group_rule: renderRule(vpc, vpc.rule(createRule(vpc, ctx.json()))!) }) },
  ];
}
