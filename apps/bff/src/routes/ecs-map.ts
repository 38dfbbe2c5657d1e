import type { EcsTypes } from '@console/cloud';
import { serverStatusText, type EcsQuotas, type Flavor, type Server, type ServerDisk } from '@console/contract';
import { utcIso } from './evs-map.ts';

// The one place where ECS wire names become console names.

/** The device a server boots from, whatever the bus. */
export const ROOT_DEVICE = /^\/dev\/(x?vd|sd|hd)a$/;

/** 1D tags (`key=value` or `key`) as the key → value map the screens use for disks too. */
export function tagsOf(tags: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) {
    const eq = t.indexOf('=');
    if (eq < 0) out[t] = '';
    else out[t.slice(0, eq)] = t.slice(eq + 1);
  }
  return out;
}

/** vCPUs and RAM are not in the server object below microversion 2.47: the flavor catalog fills them. */
export function toServer(s: EcsTypes.NovaServer, flavors?: ReadonlyMap<string, Flavor>): Server {
  const addresses: Server['addresses'] = { private: [], public: [] };
  for (const list of Object.values(s.addresses ?? {})) {
    for (const a of list) (a['OS-EXT-IPS:type'] === 'floating' ? addresses.public : addresses.private).push(a.addr);
  }
  const flavorId = s.flavor.id ?? s.flavor.original_name ?? '';
  const known = flavors?.get(flavorId);
  const vcpus = s.flavor.vcpus ?? known?.vcpus;
  const ramMiB = s.flavor.ram ?? known?.ramMiB;
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.metadata ?? {})) if (v !== undefined && v !== null) metadata[k] = String(v);
  const taskState = s['OS-EXT-STS:task_state'] || null;
  const disks: ServerDisk[] = (s['os-extended-volumes:volumes_attached'] ?? []).map((v) => ({ diskId: v.id }));
  const createdAt = utcIso(s.created);
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? '',
    status: s.status,
    taskState,
    statusText: serverStatusText(s.status, taskState),
    flavor: { id: flavorId, name: known?.name ?? flavorId, ...(vcpus !== undefined ? { vcpus } : {}), ...(ramMiB !== undefined ? { ramMiB } : {}) },
    // The image name is system metadata (Table 8-17) where the cloud gives it.
    image: s.image ? { id: s.image.id, ...(metadata.image_name ? { name: metadata.image_name } : {}) } : null,
    addresses,
    availabilityZone: s['OS-EXT-AZ:availability_zone'],
    disks,
    diskCount: disks.length,
    tags: tagsOf(s.tags),
    metadata,
    locked: s.locked === true,
    keyName: s.key_name ?? null,
    ...(s.fault ? { fault: { ...(typeof s.fault.code === 'number' ? { code: s.fault.code } : {}), message: s.fault.message } } : {}),
    createdAt,
    updatedAt: s.updated ? utcIso(s.updated) : createdAt,
  };
}

/** `block_device` (5.6.3): `bootIndex` 0 is the system disk; `size` may come as a string. */
export function toServerDisk(b: EcsTypes.BlockDeviceAttachment): ServerDisk {
  const size = Number(b.size);
  return {
    diskId: b.volumeId || b.id,
    device: b.device,
    bootIndex: b.bootIndex ?? null,
    system: b.bootIndex === 0 || ROOT_DEVICE.test(b.device),
    ...(Number.isFinite(size) && size > 0 ? { sizeGiB: size } : {}),
  };
}

/** `cond:operation:az` is `az0(normal), az1(sellout)`; empty parentheses are invalid and skipped. */
function zoneStatuses(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (spec ?? '').matchAll(/([^,\s()]+)\(([^)]+)\)/g)) out[m[1]!] = m[2]!.trim();
  return out;
}

export function toFlavor(f: EcsTypes.Flavor): Flavor {
  const spec = f.os_extra_specs ?? {};
  return {
    id: f.id,
    name: f.name || f.id,
    vcpus: Number(f.vcpus),
    ramMiB: Number(f.ram),
    ...(spec['ecs:performancetype'] ? { performanceType: spec['ecs:performancetype'] } : {}),
    ...(spec['ecs:generation'] ? { generation: spec['ecs:generation'] } : {}),
    status: spec['cond:operation:status'] || 'normal',
    statusByZone: zoneStatuses(spec['cond:operation:az']),
  };
}

/** Effective sale status in a zone: the zone's override, else the region's (spec §4.2). */
export function flavorStatusIn(f: Flavor, zone: string | undefined): string {
  return (zone && f.statusByZone[zone]) || f.status;
}

export const SELLABLE = new Set(['normal', 'obt', 'promotion']);

const usage = (limit: number | undefined, used: number | undefined) => ({ limit: limit === undefined || limit < 0 ? null : limit, used: used ?? 0 });

export function toEcsQuotas(a: EcsTypes.AbsoluteLimits): EcsQuotas {
  return {
    instances: usage(a.maxTotalInstances, a.totalInstancesUsed),
    cores: usage(a.maxTotalCores, a.totalCoresUsed),
    ramMiB: usage(a.maxTotalRAMSize, a.totalRAMUsed),
    ...(a.maxServerGroups !== undefined ? { serverGroups: usage(a.maxServerGroups, a.totalServerGroupsUsed) } : {}),
  };
}
