/**
 * What the emulated region offers: AZs, disk types (with the AZs they are sold in), public images,
 * and the size and QoS limits of each type. Size limits are the seed's (6.1.1: system disks 1-1,024
 * GiB, data disks 10-32,768 GiB); GPSSD2/ESSD2 QoS ranges are not in the seed (it points to "Disk
 * Types and Performance") and follow that public page.
 */
export const VOLUME_TYPES = ['SATA', 'SAS', 'GPSSD', 'SSD', 'ESSD', 'GPSSD2', 'ESSD2'] as const;
export type VolumeType = (typeof VOLUME_TYPES)[number];

export function isVolumeType(value: unknown): value is VolumeType {
  return typeof value === 'string' && (VOLUME_TYPES as readonly string[]).includes(value);
}

export const DATA_DISK_MIN_GIB = 10;
export const DATA_DISK_MAX_GIB = 32_768;
export const SYSTEM_DISK_MIN_GIB = 1;
export const SYSTEM_DISK_MAX_GIB = 1_024;
/** Disks larger than this cannot be exported to an image (7.1.13). */
export const EXPORT_MAX_GIB = 1_024;

export function availabilityZones(region: string): string[] {
  return [`${region}a`, `${region}b`, `${region}c`];
}

export interface VolumeTypeInfo {
  id: string;
  name: VolumeType;
  description: string;
  /** AZs the type exists in; undefined = all. */
  zones: string[] | undefined;
  soldOut: string[];
  qosSpecsId: string | null;
}

const TYPE_IDS: Record<VolumeType, string> = {
  SATA: 'ea6e3c13-aac5-46e0-b280-745ed272e662',
  SAS: '6c81c680-df58-4512-81e7-ecf66d160638',
  GPSSD: '0f8a0c1e-3f46-4d8e-9a47-2a5ab1c9e301',
  SSD: '6f2dee9e-82f0-4be3-ad89-bae605a3d24f',
  ESSD: '8247b6ed-37f0-4c48-8ef1-f0027fb332bc',
  GPSSD2: 'b1d4f0c2-6a5e-4b1f-8e2d-3c9a7f5e4d21',
  ESSD2: 'c7e2a9d4-1b3f-4e6a-9d8c-5f0b2a4e6c32',
};

const DESCRIPTIONS: Record<VolumeType, string> = {
  SATA: 'Common I/O',
  SAS: 'High I/O',
  GPSSD: 'General Purpose SSD',
  SSD: 'Ultra-high I/O',
  ESSD: 'Extreme SSD',
  GPSSD2: 'General Purpose SSD V2',
  ESSD2: 'Extreme SSD V2',
};

export function volumeTypes(region: string): VolumeTypeInfo[] {
  const [a, b, c] = availabilityZones(region) as [string, string, string];
  return VOLUME_TYPES.map((name) => ({
    id: TYPE_IDS[name],
    name,
    description: DESCRIPTIONS[name],
    // SATA is "sold out" (6.1.1); the extreme SSD types exist only in some AZs, as in real regions.
    zones: name === 'ESSD' ? [a, b] : name === 'ESSD2' ? [b, c] : undefined,
    soldOut: name === 'SATA' ? [a, b, c] : [],
    qosSpecsId: name === 'SAS' || name === 'SATA' ? null : `${TYPE_IDS[name].slice(0, 24)}0000aaaa0000`,
  }));
}

export function volumeTypeById(id: string): VolumeType | undefined {
  return VOLUME_TYPES.find((t) => TYPE_IDS[t] === id);
}

export interface QosRange {
  iops: [number, number];
  /** undefined for a type whose throughput cannot be set. */
  throughput: [number, number] | undefined;
}

/** GPSSD2: 3,000-128,000 IOPS and at most 500 per GiB; 125-1,000 MiB/s and at most IOPS/4. ESSD2: 100-1,000,000 IOPS, at most 500 per GiB. */
export function qosRange(type: VolumeType, sizeGib: number, iops?: number): QosRange | undefined {
  if (type === 'GPSSD2') {
    const maxIops = Math.max(3_000, Math.min(128_000, 500 * sizeGib));
    const maxThroughput = Math.max(125, Math.min(1_000, Math.floor((iops ?? maxIops) / 4)));
    return { iops: [3_000, maxIops], throughput: [125, maxThroughput] };
  }
  if (type === 'ESSD2') return { iops: [100, Math.max(100, Math.min(1_000_000, 500 * sizeGib))], throughput: undefined };
  return undefined;
}

export interface ImageInfo {
  id: string;
  name: string;
  minDisk: number;
  /** A system-disk image makes a bootable system disk. */
  system: boolean;
  metadata: Record<string, string>;
}

function publicImage(id: string, name: string, platform: string, osType: 'Linux' | 'Windows'): ImageInfo {
  return {
    id,
    name,
    minDisk: 40,
    system: true,
    metadata: {
      image_id: id,
      image_name: name,
      __os_type: osType,
      __os_version: name,
      __platform: platform,
      __os_bit: '64',
      __imagetype: 'gold',
      __isregistered: 'true',
      __image_source_type: 'uds',
      __support_kvm: 'true',
      container_format: 'bare',
      disk_format: 'zvhd2',
      min_disk: '40',
      min_ram: '0',
      size: '0',
      virtual_env_type: 'FusionCompute',
    },
  };
}

export const BUILTIN_IMAGES: readonly ImageInfo[] = [
  publicImage('5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01', 'Ubuntu 22.04 server 64bit', 'Ubuntu', 'Linux'),
  publicImage('5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b02', 'CentOS 7.9 64bit', 'CentOS', 'Linux'),
  publicImage('5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b03', 'Windows Server 2019 Datacenter 64bit English', 'Windows', 'Windows'),
  {
    id: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b04',
    name: 'data-disk-template-20g',
    minDisk: 20,
    system: false,
    metadata: {
      image_id: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b04',
      image_name: 'data-disk-template-20g',
      __imagetype: 'private',
      __isregistered: 'true',
      __image_source_type: 'uds',
      container_format: 'bare',
      disk_format: 'zvhd2',
      min_disk: '20',
      min_ram: '0',
      size: '0',
    },
  },
];
