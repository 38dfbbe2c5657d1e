import { BUILTIN_IMAGES } from '../evs/catalog.ts';

/**
 * What the emulated compute region offers. Images, networks and security groups are a small fixed
 * catalog for now; every lookup goes through the functions below so that IMS and VPC services can
 * answer them later without touching the callers.
 */
export interface Flavor {
  id: string;
  vcpus: number;
  ram: number;
  performancetype: string;
  generation: string;
  /** Effective sale status (`cond:operation:status`). */
  sale: 'normal' | 'sellout' | 'abandon' | 'obt' | 'promotion';
  maxNics: number;
  /** Data disks a server of this flavor takes (Table 5-3: 59, "certain flavors support only 23"). */
  maxDataDisks: number;
}

const family = (gen: string, type: string, ratio: number, maxDataDisks = 59) =>
  [['medium', 1], ['large', 2], ['xlarge', 4], ['2xlarge', 8]].map(([size, vcpus]) => ({
    id: `${gen}.${size as string}.${ratio}`,
    vcpus: vcpus as number,
    ram: (vcpus as number) * ratio * 1024,
    performancetype: type,
    generation: gen,
    sale: 'normal' as const,
    maxNics: Math.min(12, Math.max(2, vcpus as number)),
    maxDataDisks,
  }));

export const FLAVORS: readonly Flavor[] = [
  ...family('s3', 'normal', 2),
  ...family('s3', 'normal', 4),
  ...family('c3', 'computingv3', 2),
  ...family('m3', 'highmem', 8, 23),
  { id: 't6.small.1', vcpus: 1, ram: 1024, performancetype: 'normal', generation: 't6', sale: 'sellout', maxNics: 1, maxDataDisks: 23 },
  { id: 's2.medium.2', vcpus: 1, ram: 2048, performancetype: 'normal', generation: 's2', sale: 'abandon', maxNics: 2, maxDataDisks: 23 },
];

export function flavor(id: string): Flavor | undefined {
  return FLAVORS.find((f) => f.id === id);
}

/** The 5.4.1 extra specs, every value a String. */
export function extraSpecs(f: Flavor): Record<string, string> {
  return {
    'ecs:performancetype': f.performancetype,
    'ecs:generation': f.generation,
    'ecs:virtualization_env_types': 'CloudCompute',
    resource_type: `IOptimized${f.generation.toUpperCase()}`,
    'instance_vnic:type': 'enhanced',
    'instance_vnic:instance_bandwidth': String(f.vcpus * 1000),
    'instance_vnic:max_count': String(f.maxNics),
    'quota:max_rate': String(f.vcpus * 1000),
    'quota:min_rate': String(f.vcpus * 200),
    'quota:max_pps': String(f.vcpus * 100_000),
    'cond:operation:status': f.sale,
  };
}

export interface Image {
  id: string;
  name: string;
  minDisk: number;
  osType: string;
}

/** Bootable images come from the same catalog EVS creates system disks from. */
export function image(id: string): Image | undefined {
  const i = BUILTIN_IMAGES.find((x) => x.id === id && x.system);
  return i && { id: i.id, name: i.name, minDisk: i.minDisk, osType: i.metadata.__os_type ?? 'Linux' };
}

export const IMAGES = BUILTIN_IMAGES.filter((i) => i.system).map((i) => image(i.id)!);

export interface Subnet {
  id: string;
  vpcId: string;
  /** The Neutron network id of the subnet, the key of `addresses`. */
  networkId: string;
  name: string;
  cidr: string;
}

export const VPC_ID = '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60';

export const SUBNETS: readonly Subnet[] = [
  { id: '8a1f2e3d-4c5b-4a69-8e7d-6c5b4a392811', vpcId: VPC_ID, networkId: '2a6f4aa6-d93e-45f5-a8cb-b030dbf8cd68', name: 'subnet-app', cidr: '10.0.0.0/16' },
  { id: '9b2e3f4a-5d6c-4b7a-9f8e-7d6c5b4a3922', vpcId: VPC_ID, networkId: '5c7e9a1b-3d4f-4a6b-8c9d-0e1f2a3b4c5d', name: 'subnet-db', cidr: '10.1.0.0/16' },
];

/** The n-th usable address of a /16 subnet, skipping .0-.9 of each /24 (gateway, DHCP, reserved). */
export function hostAddress(sn: Subnet, n: number): string | undefined {
  const [a, b] = sn.cidr.split('.');
  const third = Math.floor(n / 245);
  return third > 255 ? undefined : `${a}.${b}.${third}.${10 + (n % 245)}`;
}

export function inSubnet(sn: Subnet, ip: string): boolean {
  const [a, b] = sn.cidr.split('.');
  return ip.startsWith(`${a}.${b}.`) && /^\d+\.\d+\.\d+\.\d+$/.test(ip);
}

export function subnet(id: string): Subnet | undefined {
  return SUBNETS.find((s) => s.id === id);
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
}

export const SECURITY_GROUPS: readonly SecurityGroup[] = [
  { id: 'b4b4a5c2-7e61-4d3a-9c1f-2e3d4c5b6a71', name: 'default', description: 'Default security group' },
  { id: 'c5c5b6d3-8f72-4e4b-ad2a-3f4e5d6c7b82', name: 'sg-web', description: 'HTTP and HTTPS from anywhere' },
];

export function securityGroup(idOrName: string): SecurityGroup | undefined {
  return SECURITY_GROUPS.find((g) => g.id === idOrName || g.name === idOrName);
}

/** Project limits of 5.7.1 (example values where the seed gives them). */
export const LIMITS = {
  maxTotalInstances: 2048,
  maxTotalCores: 20480,
  maxTotalRAMSize: 25165824,
  maxServerMeta: 128,
  maxPersonality: 5,
  maxPersonalitySize: 10240,
  maxServerGroups: 1000,
  maxServerGroupMembers: 16,
  maxTotalKeypairs: -1,
  maxImageMeta: 128,
  maxSecurityGroups: 100,
  maxSecurityGroupRules: 5000,
  maxTotalFloatingIps: 10,
} as const;
