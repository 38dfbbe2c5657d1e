import { Router } from 'express';
import {
  SecurityGroupListQuerySchema, type FieldIssue, type SecurityGroup, type SecurityGroupList, type SecurityGroupRule, type Subnet, type SubnetList, type Vpc,
  type VpcList,
} from '@console/contract';
import { isCloudError, type CloudClients, type VpcTypes } from '@console/cloud';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { evsCall as cloudCall, fieldErrors, pathId } from './evs-tasks.ts';
import { rethrowNotFound } from './evs-lookup.ts';

const PAGE = 200;
const MAX_PAGES = 50;

export const toVpc = (v: VpcTypes.Vpc): Vpc => ({ id: v.id, name: v.name, cidr: v.cidr, status: v.status, ...(v.description ? { description: v.description } : {}) });

export const toSubnet = (s: VpcTypes.Subnet): Subnet => ({
  id: s.id,
  name: s.name,
  cidr: s.cidr,
  gatewayIp: s.gateway_ip,
  vpcId: s.vpc_id,
  ...(s.availability_zone ? { availabilityZone: s.availability_zone } : {}),
  status: s.status,
});

function toRule(r: VpcTypes.SecurityGroupRule): SecurityGroupRule {
  return {
    id: r.id,
    direction: r.direction,
    ethertype: r.ethertype,
    ...(r.protocol ? { protocol: r.protocol } : {}),
    ...(r.port_range_min != null ? { portRangeMin: r.port_range_min } : {}),
    ...(r.port_range_max != null ? { portRangeMax: r.port_range_max } : {}),
    ...(r.remote_ip_prefix ? { remoteIpPrefix: r.remote_ip_prefix } : {}),
  };
}

export const toSecurityGroup = (g: VpcTypes.SecurityGroup): SecurityGroup => ({
  id: g.id,
  name: g.name,
  description: g.description ?? '',
  ...(g.vpc_id ? { vpcId: g.vpc_id } : {}),
  rules: (g.security_group_rules ?? []).map(toRule),
});

/** Every page of a VPC list API (marker = the last id of the page before). */
async function allPages<T extends { id: string }>(fetch: (marker: string | undefined) => Promise<T[] | undefined>): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const items = (await fetch(marker)) ?? [];
    out.push(...items);
    if (items.length < PAGE) break;
    marker = items.at(-1)!.id;
  }
  return out;
}

/** The NICs' subnets must be subnets of the server's VPC, and its security groups exist; said per field. */
export async function checkServerNetwork(clients: CloudClients, vpcId: string, subnetIds: string[], securityGroupIds: string[]): Promise<void> {
  try {
    await clients.vpc.showVpc(vpcId);
  } catch (err) {
    if (isCloudError(err) && err.httpStatus === 404) throw fieldErrors([{ path: 'vpcId', message: 'no such VPC in this region' }]);
    throw err;
  }
  const [subnets, groups] = await Promise.all([
    allPages(async (marker) => (await clients.vpc.listSubnets({ vpc_id: vpcId, limit: PAGE, ...(marker ? { marker } : {}) })).data.subnets),
    securityGroupIds.length ? allPages(async (marker) => (await clients.vpc.listSecurityGroups({ limit: PAGE, ...(marker ? { marker } : {}) })).data.security_groups) : [],
  ]);
  const mine = new Set(subnets.map((s) => s.id));
  const known = new Map(groups.map((g) => [g.id, g]));
  const issues: FieldIssue[] = [];
  subnetIds.forEach((id, i) => {
    if (!mine.has(id)) issues.push({ path: `nics.${i}.subnetId`, message: 'not a subnet of the chosen VPC' });
  });
  securityGroupIds.forEach((id, i) => {
    const g = known.get(id);
    if (!g) issues.push({ path: `securityGroupIds.${i}`, message: 'no such security group' });
    else if (g.vpc_id && g.vpc_id !== vpcId) issues.push({ path: `securityGroupIds.${i}`, message: `${g.name} belongs to another VPC` });
  });
  if (issues.length) throw fieldErrors(issues);
}

/** VPCs, their subnets and the security groups the server wizard offers. */
export function networkRoutes(ctx: ConsoleContext): Router {
  const router = Router();

  router.get('/vpcs', async (req, res) => {
    const { vpc } = cloudCall(ctx, req).clients;
    const vpcs = await allPages(async (marker) => (await vpc.listVpcs({ limit: PAGE, ...(marker ? { marker } : {}) })).data.vpcs);
    res.json({ items: vpcs.map(toVpc) } satisfies VpcList);
  });

  router.get('/vpcs/:id/subnets', async (req, res) => {
    const id = pathId(req, 'VPC');
    const { vpc } = cloudCall(ctx, req).clients;
    // The subnet list of an unknown VPC is simply empty; asking for the VPC first turns that into a 404.
    await vpc.showVpc(id).catch((err: unknown) => rethrowNotFound(err, `VPC ${id}`));
    const subnets = await allPages(async (marker) => (await vpc.listSubnets({ vpc_id: id, limit: PAGE, ...(marker ? { marker } : {}) })).data.subnets);
    res.json({ items: subnets.map(toSubnet) } satisfies SubnetList);
  });

  router.get('/security-groups', async (req, res) => {
    const q = parseWith(SecurityGroupListQuerySchema, req.query);
    const { vpc } = cloudCall(ctx, req).clients;
    const groups = await allPages(
      async (marker) => (await vpc.listSecurityGroups({ limit: PAGE, ...(q.vpcId ? { vpc_id: q.vpcId } : {}), ...(marker ? { marker } : {}) })).data.security_groups,
    );
    res.json({ items: groups.map(toSecurityGroup) } satisfies SecurityGroupList);
  });

  return router;
}
