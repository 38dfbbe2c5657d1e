import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { ResourceIdSchema } from './disks.ts';

// Images (IMS) and networks (VPC) the server wizard chooses from. Nothing here is a fixed catalogue:
// every choice comes from the cloud the active profile points at.

export const IMAGE_OS_TYPES = ['Linux', 'Windows', 'Other'] as const;
export const IMAGE_VISIBILITIES = ['public', 'private', 'shared', 'market'] as const;

export const ImageSchema = z.object({
  id: z.string(),
  name: z.string(),
  osType: z.enum(IMAGE_OS_TYPES),
  /** The distribution family, e.g. Ubuntu, CentOS, EulerOS, Windows. */
  platform: z.string(),
  /** The full OS name and version, e.g. "Ubuntu 22.04 server 64bit". */
  osVersion: z.string(),
  visibility: z.enum(IMAGE_VISIBILITIES),
  /** IMS status: queued, saving, deleted, killed or active; only active images boot servers. */
  status: z.string(),
  /** The smallest system disk a server from this image may have. */
  minDiskGiB: z.number(),
  minRamMiB: z.number(),
  sizeBytes: z.number().optional(),
  createdAt: z.string(),
});
export type Image = z.infer<typeof ImageSchema>;

export const ImageListQuerySchema = z.object({
  osType: z.enum(IMAGE_OS_TYPES, { error: `one of ${IMAGE_OS_TYPES.join(', ')}` }).optional(),
  platform: z.string().min(1).max(64).optional(),
  visibility: z.enum(IMAGE_VISIBILITIES, { error: `one of ${IMAGE_VISIBILITIES.join(', ')}` }).optional(),
  /** Exact image name, as IMS filters it. */
  name: z.string().min(1).max(255).optional(),
});
export type ImageListQuery = z.infer<typeof ImageListQuerySchema>;
export const ImageListSchema = z.object({ items: z.array(ImageSchema) });
export type ImageList = z.infer<typeof ImageListSchema>;

export const VpcSchema = z.object({
  id: z.string(),
  name: z.string(),
  cidr: z.string(),
  /** CREATING, OK or ERROR. */
  status: z.string(),
  description: z.string().optional(),
});
export type Vpc = z.infer<typeof VpcSchema>;
export const VpcListSchema = z.object({ items: z.array(VpcSchema) });
export type VpcList = z.infer<typeof VpcListSchema>;

export const SubnetSchema = z.object({
  id: z.string(),
  name: z.string(),
  cidr: z.string(),
  gatewayIp: z.string(),
  vpcId: z.string(),
  availabilityZone: z.string().optional(),
  /** ACTIVE, UNKNOWN or ERROR. */
  status: z.string(),
});
export type Subnet = z.infer<typeof SubnetSchema>;
export const SubnetListSchema = z.object({ items: z.array(SubnetSchema) });
export type SubnetList = z.infer<typeof SubnetListSchema>;

export const SecurityGroupRuleSchema = z.object({
  id: z.string(),
  direction: z.enum(['ingress', 'egress']),
  ethertype: z.enum(['IPv4', 'IPv6']),
  /** tcp, udp, icmp, …; absent for any protocol. */
  protocol: z.string().optional(),
  portRangeMin: z.number().optional(),
  portRangeMax: z.number().optional(),
  remoteIpPrefix: z.string().optional(),
});
export type SecurityGroupRule = z.infer<typeof SecurityGroupRuleSchema>;

export const SecurityGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  vpcId: z.string().optional(),
  rules: z.array(SecurityGroupRuleSchema),
});
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;
export const SecurityGroupListSchema = z.object({ items: z.array(SecurityGroupSchema) });
export type SecurityGroupList = z.infer<typeof SecurityGroupListSchema>;

export const SecurityGroupListQuerySchema = z.object({ vpcId: ResourceIdSchema.optional() });
export type SecurityGroupListQuery = z.infer<typeof SecurityGroupListQuerySchema>;

export const networkApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/images', summary: 'Images a server can boot from (filter by OS type, platform, visibility, name)', role: 'viewer', query: ImageListQuerySchema, response: ImageListSchema },
  { method: 'GET', path: '/api/v1/images/:id', summary: 'One image', role: 'viewer', response: ImageSchema },
  { method: 'GET', path: '/api/v1/vpcs', summary: 'Virtual private clouds', role: 'viewer', response: VpcListSchema },
  { method: 'GET', path: '/api/v1/vpcs/:id/subnets', summary: 'Subnets of a VPC', role: 'viewer', response: SubnetListSchema },
  { method: 'GET', path: '/api/v1/security-groups', summary: 'Security groups with their rules, optionally of one VPC', role: 'viewer', query: SecurityGroupListQuerySchema, response: SecurityGroupListSchema },
];
