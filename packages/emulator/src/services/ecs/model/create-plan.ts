import { availabilityZones, isVolumeType, volumeTypes, type VolumeType } from '../../evs/catalog.ts';
import { ecsError } from '../errors.ts';
import { flavor, LIMITS } from '../catalog.ts';
import { countPublicIps, EIP_TYPES, publicIp } from '../../vpc/publicips.ts';
import type { ImageInfo } from '../../ims/model.ts';
import type { Ecs } from './ecs.ts';
import { checkAdminPass, groupForCreate, requireKeypair } from './extras.ts';
import { isObj, type Obj } from './validate.ts';

export interface DiskPlan {
  type: VolumeType;
  size: number;
  multiattach: boolean;
  /** The EVS snapshot the new disk starts from (Nova block_device_mapping_v2 `source_type` snapshot). */
  snapshotId?: string;
}

export interface CreatePlan {
  name: string;
  count: number;
  flavorId: string;
  /** null when booting from an existing disk (Nova create). */
  imageId: string | null;
  az: string;
  vpcId: string;
  /** `portId`: a free VPC port the NIC takes over, with its address (Nova `networks[].port`). */
  subnets: { id: string; ip?: string; portId?: string }[];
  securityGroups: string[];
  /** The system disk to make; null when an existing disk boots the server. */
  root: DiskPlan | null;
  data: DiskPlan[];
  /** Existing EVS disks to attach (Nova block_device_mapping_v2 with source_type volume). */
  existing: { volumeId: string; boot: boolean }[];
  keyName: string | null;
  userData: string | null;
  metadata: Record<string, string>;
  description: string;
  adminPass: string | null;
  groupId: string | undefined;
  /** An EIP for the primary NIC (5.1.1 `publicip`): an existing one, or a new one with its bandwidth. */
  publicIp: PublicIpPlan | null;
}

export interface PublicIpPlan {
  id?: string;
  eip?: { type: string; size: number; shareType: 'PER' | 'WHOLE' };
  deleteOnTermination: boolean;
}

/** `publicip` of Table 5-3: `id` of a `DOWN` EIP, or `eip` {iptype, bandwidth {size 1-1000, sharetype, chargemode traffic}}. */
function parsePublicIp(ecs: Ecs, raw: unknown, count: number): PublicIpPlan | null {
  if (raw === undefined || raw === null) return null;
  if (!isObj(raw)) throw ecsError('Ecs.0005', 'publicip must be an object');
  if (raw.delete_on_termination !== undefined && typeof raw.delete_on_termination !== 'boolean') throw ecsError('Ecs.0005', 'publicip.delete_on_termination is a boolean');
  const deleteOnTermination = raw.delete_on_termination === true;
  const inUse = countPublicIps(ecs.vpc);
  if (typeof raw.id === 'string') {
    const ip = publicIp(ecs.vpc, raw.id);
    if (!ip) throw ecsError('Ecs.0005', `publicip.id ${raw.id} does not exist`);
    if (ip.status !== 'DOWN') throw ecsError('Ecs.0005', `EIP ${ip.public_ip_address} is ${ip.status}; only a DOWN EIP can be bound`);
    if (count > 1) throw ecsError('Ecs.0005', 'an existing EIP binds a single server (count 1)');
    return { id: ip.id, deleteOnTermination };
  }
  const eip = raw.eip;
  if (!isObj(eip) || typeof eip.iptype !== 'string' || !isObj(eip.bandwidth)) throw ecsError('Ecs.0005', 'publicip needs id, or eip with iptype and bandwidth');
  if (!EIP_TYPES.includes(eip.iptype)) throw ecsError('Ecs.0005', `publicip.eip.iptype is one of ${EIP_TYPES.join(', ')}`);
  const { size, sharetype, chargemode } = eip.bandwidth;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw ecsError('Ecs.0005', 'publicip.eip.bandwidth.size is a whole number of Mbit/s');
  if (size > 1000) throw ecsError('Ecs.0045', `${size} Mbit/s; at most 1000`);
  if (sharetype !== 'PER' && sharetype !== 'WHOLE') throw ecsError('Ecs.0005', 'publicip.eip.bandwidth.sharetype is PER or WHOLE');
  // The seed: any charge mode other than traffic makes the creation fail; it is refused up front here.
  if (chargemode !== undefined && chargemode !== 'traffic') throw ecsError('Ecs.0005', 'publicip.eip.bandwidth.chargemode is traffic');
  if (inUse + count > LIMITS.maxTotalFloatingIps) throw ecsError('Ecs.0013', `${inUse} of ${LIMITS.maxTotalFloatingIps} EIPs in use`);
  return { eip: { type: eip.iptype, size, shareType: sharetype }, deleteOnTermination };
}

const NAME_RE = /^[A-Za-z0-9_.-]{1,128}$/;

function diskPlan(o: unknown, what: string, system: boolean, minSize: number): DiskPlan {
  if (!isObj(o)) throw ecsError('Ecs.0005', `${what} must be an object`);
  const type = o.volumetype;
  if (!isVolumeType(type)) throw ecsError('Ecs.0015', `${what}.volumetype ${JSON.stringify(type)} is not a disk type`);
  const raw = o.size ?? (system ? 0 : undefined);
  if (typeof raw !== 'number' || !Number.isInteger(raw)) throw ecsError('Ecs.0005', `${what}.size must be an integer`);
  const size = system && raw === 0 ? minSize : raw;
  if (system && size < minSize) throw ecsError('Ecs.0005', `${what}.size ${size} GB is below the image's min_disk ${minSize} GB`);
  const [min, max] = system ? [Math.max(1, minSize), 1024] : [10, 32768];
  if (size < min || size > max) throw ecsError('Ecs.0005', `${what}.size must be ${min} to ${max} GB, got ${size}`);
  return { type, size, multiattach: o.multiattach === true };
}

/** An image a server can boot from: a system image (Ecs.0031 otherwise) that is active (Ecs.0032). */
export function bootImage(ecs: Ecs, ref: unknown, what = 'imageRef'): ImageInfo {
  const img = typeof ref === 'string' ? ecs.ims.image(ref) : undefined;
  if (!img || !img.system) throw ecsError('Ecs.0031', `${what} ${JSON.stringify(ref)}`);
  if (img.status !== 'active') throw ecsError('Ecs.0032', `image ${img.id} is ${img.status}`);
  return img;
}

/** Validates the `server` object of 5.1.1 (Table 5-3..5-6). */
export function parseCreate(ecs: Ecs, o: Obj): CreatePlan {
  const f = typeof o.flavorRef === 'string' ? flavor(o.flavorRef) : undefined;
  if (!f || f.sale === 'abandon') throw ecsError('Ecs.0029', `flavorRef ${JSON.stringify(o.flavorRef)}`);
  const img = bootImage(ecs, o.imageRef);
  const count = o.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw ecsError('Ecs.0005', 'count must be a positive integer');
  if (count > 500) throw ecsError('Ecs.0913', `count ${count} is above 500`);
  const name = o.name;
  if (typeof name !== 'string' || name.length === 0) throw ecsError('Ecs.0005', 'name is required');
  if (name.length > (count > 1 ? 59 : 128)) throw ecsError('Ecs.0914', `name is at most ${count > 1 ? 59 : 128} characters`);
  if (!NAME_RE.test(name)) throw ecsError('Ecs.0915', 'name takes letters, digits, _, - and .');
  if (typeof o.vpcid !== 'string' || o.vpcid === '') throw ecsError('Ecs.0005', 'vpcid is required');
  if (!ecs.vpc.vpc(o.vpcid)) throw ecsError('Ecs.0014', `vpc ${o.vpcid} does not exist`);
  if (!Array.isArray(o.nics) || o.nics.length === 0) throw ecsError('Ecs.0005', 'nics needs at least one NIC');
  if (o.nics.length > 12) throw ecsError('Ecs.0005', 'at most 12 NICs');
  const subnets = o.nics.map((n: unknown, i) => {
    if (!isObj(n) || typeof n.subnet_id !== 'string') throw ecsError('Ecs.0005', `nics[${i}].subnet_id is required`);
    const sn = ecs.vpc.subnet(n.subnet_id);
    if (!sn) throw ecsError('Ecs.0038', `subnet ${n.subnet_id}`);
    // The primary NIC decides the VPC (Ecs.0064); every other NIC must be in the same one (Ecs.0014).
    if (sn.vpcId !== o.vpcid) throw ecsError(i === 0 ? 'Ecs.0064' : 'Ecs.0014', `subnet ${sn.id} is in VPC ${sn.vpcId}, not ${String(o.vpcid)}`);
    const ip = typeof n.ip_address === 'string' && n.ip_address !== '' ? n.ip_address : undefined;
    return { id: sn.id, ip };
  });
  const sgs = o.security_groups === undefined ? [] : o.security_groups;
  if (!Array.isArray(sgs)) throw ecsError('Ecs.0005', 'security_groups must be an array');
  const securityGroups = sgs.map((g: unknown) => {
    const sg = isObj(g) && typeof g.id === 'string' ? ecs.vpc.securityGroup(g.id) : undefined;
    if (!sg) throw ecsError('Ecs.0014', `security group ${JSON.stringify(g)} does not exist`);
    if (sg.vpcId && sg.vpcId !== o.vpcid) throw ecsError('Ecs.0014', `security group ${sg.id} belongs to VPC ${sg.vpcId}`);
    return sg.id;
  });
  const zones = availabilityZones(ecs.rt.account.region);
  const az = o.availability_zone ?? zones[0];
  if (typeof az !== 'string' || !zones.includes(az)) throw ecsError('Ecs.0005', `availability_zone must be one of ${zones.join(', ')}`);
  const root = diskPlan(o.root_volume, 'root_volume', true, img.minDisk);
  const dataRaw = o.data_volumes ?? [];
  if (!Array.isArray(dataRaw)) throw ecsError('Ecs.0005', 'data_volumes must be an array');
  if (dataRaw.length > f.maxDataDisks) throw ecsError('Ecs.0042', `flavor ${f.id} takes at most ${f.maxDataDisks} data disks`);
  const data = dataRaw.map((d, i) => diskPlan(d, `data_volumes[${i}]`, false, 0));
  for (const d of [root, ...data]) {
    const info = volumeTypes(ecs.rt.account.region).find((t) => t.name === d.type)!;
    if ((info.zones && !info.zones.includes(az)) || info.soldOut.includes(az)) throw ecsError('Ecs.0015', `${d.type} is not sold in ${az}`);
  }
  const metadata: Record<string, string> = {};
  if (o.metadata !== undefined) {
    if (!isObj(o.metadata) || Object.keys(o.metadata).length > 10) throw ecsError('Ecs.0005', 'metadata takes at most 10 string pairs');
    for (const [k, v] of Object.entries(o.metadata)) {
      if (typeof v !== 'string' || k.length > 255 || v.length > 255) throw ecsError('Ecs.0005', `metadata ${k}`);
      metadata[k] = v;
    }
  }
  const description = o.description ?? '';
  if (typeof description !== 'string' || description.length > 85 || /[<>]/.test(description)) throw ecsError('Ecs.0041', 'at most 85 characters, no < or >');
  const userData = typeof o.user_data === 'string' ? o.user_data : null;
  if (typeof o.key_name === 'string') requireKeypair(ecs, o.key_name);
  const adminPass = o.adminPass === undefined ? null : checkAdminPass(o.adminPass);
  const groupId = groupForCreate(ecs, o['os:scheduler_hints'], count);
  if (userData !== null && Buffer.from(userData, 'base64').length > 32 * 1024) throw ecsError('Ecs.0005', 'user_data is at most 32 KB before encoding');
  return {
    name, count, flavorId: f.id, imageId: img.id, az, vpcId: o.vpcid, subnets, securityGroups, root, data,
    keyName: typeof o.key_name === 'string' ? o.key_name : null, userData, metadata, description, adminPass, groupId, existing: [],
    publicIp: parsePublicIp(ecs, o.publicip, count),
  };
}
