import { randomBytes } from 'node:crypto';
import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { availabilityZones, isVolumeType } from '../../evs/catalog.ts';
import { ecsError, novaBad, novaRoute } from '../errors.ts';
import { flavor } from '../catalog.ts';
import { port } from '../../vpc/ports.ts';
import type { Ecs } from '../model/ecs.ts';
import { checkAdminPass, groupForCreate, requireKeypair } from '../model/extras.ts';
import { bootImage, type CreatePlan, type DiskPlan } from '../model/create-plan.ts';
import { submitCreate } from '../model/lifecycle.ts';
import { atLeast, microversion, versionHeaders } from '../model/render.ts';
import { body, isObj, type Obj } from '../model/validate.ts';

const NAME_RE = /^[A-Za-z0-9_.-]{1,128}$/;

/** The seed's Nova examples send numbers and booleans as strings ("0", "40", "False"); both pass. */
function int(v: unknown, what: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw novaBad(`${what} must be an integer`);
  return n;
}

interface Bdm {
  root: DiskPlan | null;
  data: DiskPlan[];
  existing: { volumeId: string; boot: boolean }[];
  imageId: string | null;
}

/** block_device_mapping_v2: an image or an existing disk boots the server; blank entries add data disks. */
function parseBdm(ecs: Ecs, list: unknown, imageRef: string | undefined): Bdm {
  const out: Bdm = { root: null, data: [], existing: [], imageId: imageRef ?? null };
  if (list !== undefined && !Array.isArray(list)) throw novaBad('block_device_mapping_v2 must be an array');
  for (const [i, raw] of ((list as unknown[] | undefined) ?? []).entries()) {
    if (!isObj(raw)) throw novaBad(`block_device_mapping_v2[${i}] must be an object`);
    const boot = int(raw.boot_index, 'boot_index') === 0;
    const size = int(raw.volume_size, 'volume_size');
    const snapshot = raw.source_type === 'snapshot' && typeof raw.uuid === 'string' ? ecs.evs.store.snapshot(raw.uuid) : undefined;
    // A disk from a snapshot keeps the snapshot's disk type unless told otherwise.
    const type = raw.volume_type ?? snapshot?.volume_type ?? 'SSD';
    if (!isVolumeType(type)) throw ecsError('Ecs.0015', `volume_type ${JSON.stringify(type)}`);
    switch (raw.source_type) {
      case 'snapshot': {
        if (!snapshot) throw novaBad(`block_device_mapping_v2[${i}].uuid ${JSON.stringify(raw.uuid)} is not a snapshot of this project`);
        if (snapshot.status !== 'available') throw novaBad(`snapshot ${snapshot.id} is ${snapshot.status}; it must be available`);
        const s = size ?? snapshot.size;
        if (s < snapshot.size) throw novaBad(`volume_size ${s} is smaller than snapshot ${snapshot.id} (${snapshot.size} GB)`);
        const source = ecs.evs.store.volume(snapshot.volume_id);
        if (boot) {
          if (!source?.bootable) throw novaBad(`snapshot ${snapshot.id} is not of a system disk; it cannot boot the server`);
          if (s > 1024) throw novaBad(`volume_size ${s}: a system disk is at most 1024 GB`);
          out.root = { type, size: s, multiattach: false, snapshotId: snapshot.id };
          out.imageId = source.image_ref ?? null;
        } else {
          if (s > 32768) throw novaBad(`volume_size ${s}: a data disk is at most 32768 GB`);
          out.data.push({ type, size: s, multiattach: false, snapshotId: snapshot.id });
        }
        break;
      }
      case 'image': {
        const img = bootImage(ecs, raw.uuid, 'uuid');
        if (!boot) throw novaBad('an image source boots the server (boot_index 0)');
        const s = size ?? img.minDisk;
        if (s < img.minDisk || s > 1024) throw novaBad(`volume_size ${s}: ${img.minDisk} to 1024 GB for this image`);
        out.root = { type, size: s, multiattach: false };
        out.imageId = img.id;
        break;
      }
      case 'blank':
        if (boot) throw novaBad('a blank disk cannot boot the server');
        if (size === undefined || size < 10 || size > 32768) throw novaBad('volume_size of a blank disk is 10 to 32768 GB');
        out.data.push({ type, size, multiattach: false });
        break;
      case 'volume':
        if (typeof raw.uuid !== 'string') throw novaBad('uuid names the disk');
        out.existing.push({ volumeId: raw.uuid, boot });
        if (boot) {
          out.imageId = ecs.evs.store.volume(raw.uuid)?.image_ref ?? null;
        }
        break;
      default:
        throw novaBad(`source_type ${JSON.stringify(raw.source_type)}: image, snapshot, blank or volume`);
    }
  }
  const boots = (out.root ? 1 : 0) + out.existing.filter((e) => e.boot).length;
  if (boots > 1) throw novaBad('only one device boots the server');
  if (boots === 0) {
    if (imageRef === undefined) throw novaBad('imageRef is required unless a disk boots the server');
    const img = bootImage(ecs, imageRef);
    out.root = { type: 'SSD', size: img.minDisk, multiattach: false };
    out.imageId = img.id;
  }
  return out;
}

function parse(ecs: Ecs, o: Obj, hints: unknown, v: readonly [number, number]): CreatePlan {
  const f = typeof o.flavorRef === 'string' ? flavor(o.flavorRef) : undefined;
  if (!f || f.sale === 'abandon') throw ecsError('Ecs.0029', `flavorRef ${JSON.stringify(o.flavorRef)}`);
  if (typeof o.name !== 'string' || !NAME_RE.test(o.name)) throw novaBad('name is 1 to 128 letters, digits, _, - or .');
  if (!Array.isArray(o.networks) || o.networks.length === 0) throw novaBad('networks needs at least one {"uuid"}');
  const subnets = o.networks.map((n: unknown, i) => {
    if (!isObj(n)) throw novaBad(`networks[${i}] must be an object`);
    // 6.2.1: a port wins over uuid and fixed_ip.
    if (n.port !== undefined) {
      const p = typeof n.port === 'string' ? port(ecs.vpc, n.port) : undefined;
      if (!p) throw novaBad(`networks[${i}].port ${JSON.stringify(n.port)} is not a port of this project`);
      if (p.device_id) throw ecsError('Ecs.0919', `port ${p.id} is used by ${p.device_id}`);
      return { id: p.subnet_id, ip: p.ip_address, portId: p.id };
    }
    const sn = typeof n.uuid === 'string' ? ecs.vpc.subnetByNetwork(n.uuid) : undefined;
    if (!sn) throw novaBad(`networks[${i}].uuid ${JSON.stringify(n.uuid)} is not a network of this project`);
    if (n.fixed_ip !== undefined && typeof n.fixed_ip !== 'string') throw novaBad('fixed_ip must be a string');
    return { id: sn.id, ip: n.fixed_ip as string | undefined };
  });
  const vpcId = ecs.vpc.subnet(subnets[0]!.id)!.vpcId;
  const stray = subnets.find((x) => ecs.vpc.subnet(x.id)!.vpcId !== vpcId);
  if (stray) throw ecsError('Ecs.0014', `network of subnet ${stray.id} is not in VPC ${vpcId}`);
  const sgs = o.security_groups ?? [];
  if (!Array.isArray(sgs)) throw novaBad('security_groups must be an array');
  const securityGroups = sgs.map((g: unknown) => {
    const sg = isObj(g) && typeof g.name === 'string' ? ecs.vpc.securityGroup(g.name) : undefined;
    if (!sg) throw novaBad(`security group ${JSON.stringify(g)} not found`);
    return sg.id;
  });
  const zones = availabilityZones(ecs.rt.account.region);
  const az = o.availability_zone ?? zones[0];
  if (typeof az !== 'string' || !zones.includes(az)) throw novaBad(`availability_zone must be one of ${zones.join(', ')}`);
  const min = int(o.min_count, 'min_count') ?? 1;
  const max = int(o.max_count, 'max_count') ?? min;
  if (min < 1 || max < min) throw novaBad('1 ≤ min_count ≤ max_count');
  if (max > 500) throw ecsError('Ecs.0913', `max_count ${max}`);
  const metadata = o.metadata ?? {};
  if (!isObj(metadata) || Object.values(metadata).some((x) => typeof x !== 'string' || x.length > 255)) throw novaBad('metadata values are strings of at most 255 characters');
  let description = '';
  if (o.description !== undefined && o.description !== null) {
    if (!atLeast(v, 2, 19)) throw novaBad('description needs microversion 2.19');
    if (typeof o.description !== 'string' || o.description.length > 85) throw ecsError('Ecs.0041', 'at most 85 characters');
    description = o.description;
  }
  if (typeof o.key_name === 'string') requireKeypair(ecs, o.key_name);
  const bdm = parseBdm(ecs, o.block_device_mapping_v2, typeof o.imageRef === 'string' && o.imageRef !== '' ? o.imageRef : undefined);
  if (bdm.data.length + bdm.existing.filter((e) => !e.boot).length > f.maxDataDisks) throw ecsError('Ecs.0042', `flavor ${f.id} takes ${f.maxDataDisks}`);
  return {
    name: o.name, count: max, flavorId: f.id, imageId: bdm.imageId, az, vpcId, subnets, securityGroups, root: bdm.root, data: bdm.data,
    existing: bdm.existing, keyName: typeof o.key_name === 'string' ? o.key_name : null, userData: typeof o.user_data === 'string' ? o.user_data : null,
    metadata: metadata as Record<string, string>, description, adminPass: o.adminPass === undefined ? null : checkAdminPass(o.adminPass),
    groupId: groupForCreate(ecs, hints, max),
    // Nova create makes no EIP (6.2.1).
    publicIp: null,
  };
}

/** Nova create (6.2.1): 202 with the first server (or only the reservation id when asked). */
export function novaCreateRoutes(ecs: Ecs): RouteSpec[] {
  const create = (ctx: RequestContext) => {
    const v = microversion(ctx);
    const b = body(ctx);
    if (!isObj(b.server)) throw novaBad('server is required');
    const plan = parse(ecs, b.server, b['os:scheduler_hints'], v);
    const { serverIds } = submitCreate(ecs, plan);
    const first = serverIds[0]!;
    const reservation = `r-${first.slice(0, 8)}`;
    if (b.server.return_reservation_id === true || b.server.return_reservation_id === 'True' || b.server.return_reservation_id === 'true') {
      return { status: 202, body: { reservation_id: reservation }, headers: versionHeaders(v) };
    }
    const base = ecs.rt.endpoints().ecs;
    const pid = ecs.rt.account.projectId;
    return {
      status: 202,
      headers: { ...versionHeaders(v), Location: `${base}/v2.1/${pid}/servers/${first}` },
      body: {
        server: {
          id: first, reservation_id: reservation, 'OS-DCF:diskConfig': 'MANUAL',
          adminPass: plan.adminPass ?? randomBytes(9).toString('base64url'),
          security_groups: (plan.securityGroups.length ? plan.securityGroups : [ecs.vpc.securityGroup('default')!.id]).map((id) => ({ name: ecs.vpc.securityGroup(id)?.name ?? id })),
          links: [{ rel: 'self', href: `${base}/v2.1/${pid}/servers/${first}` }, { rel: 'bookmark', href: `${base}/${pid}/servers/${first}` }],
        },
      },
    };
  };
  const routes: RouteSpec[] = [
    { method: 'POST', path: '/v2.1/{project_id}/servers', operation: 'NovaCreateServers', handler: create },
    // The OpenStack client's boot-from-volume alias (6.2.1).
    { method: 'POST', path: '/v2/{project_id}/os-volumes_boot', operation: 'NovaCreateServers', handler: create },
  ];
  return routes.map(novaRoute);
}
