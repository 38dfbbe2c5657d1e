/**
 * What the emulated compute region offers: flavors and limits. Images come from IMS (`ecs.ims`),
 * VPCs, subnets and security groups from VPC (`ecs.vpc`).
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
