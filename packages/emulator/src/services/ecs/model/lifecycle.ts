import { hex, uuid } from '../../../server/ids.ts';
import { attachVolume, attachmentsOfServer, detachVolume } from '../../evs/model/attachments.ts';
import type { CreateSpec } from '../../evs/model/create-spec.ts';
import { finishDelete, newVolumeRow } from '../../evs/model/volume-ops.ts';
import { ecsError } from '../errors.ts';
import { flavor, LIMITS } from '../catalog.ts';
import { novaTime, launchTime, type Ecs } from './ecs.ts';
import type { CreatePlan, DiskPlan } from './create-plan.ts';
import { forgetServer, joinGroup, recordPassword } from './extras.ts';
import { submit, type OpArgs } from './ops.ts';
import type { Nic, NewServer, ServerRow } from './rows.ts';
import { POWER } from './state.ts';
import { allocatePublicIp, bindPublicIp, releaseServerPublicIps } from '../../vpc/publicips.ts';
import { bindPort, freePortAddresses, port, releasePortsOf } from '../../vpc/ports.ts';
import type { PublicIpPlan } from './create-plan.ts';

/** The EIP of `publicip` goes on the server's primary NIC as soon as the server exists. */
function bindNewServerIp(ecs: Ecs, p: PublicIpPlan, row: NewServer): void {
  const primary = (JSON.parse(row.nics) as Nic[])[0]!;
  const id = p.id ?? allocatePublicIp(ecs.vpc, { type: p.eip!.type, bandwidthSize: p.eip!.size, shareType: p.eip!.shareType }).id;
  bindPublicIp(ecs.vpc, id, { portId: primary.port_id, privateIp: primary.ip, serverId: row.id, deleteOnTermination: p.deleteOnTermination });
}

/** Quotas (Ecs.0001) for servers, cores and RAM; disk quotas are EVS's (Ecs.0021 wording kept by EVS). */
export function checkQuota(ecs: Ecs, flavorId: string, count: number): void {
  const f = flavor(flavorId)!;
  const u = ecs.usage();
  if (u.instances + count > LIMITS.maxTotalInstances) throw ecsError('Ecs.0001', `${u.instances} of ${LIMITS.maxTotalInstances} servers in use`);
  if (u.cores + f.vcpus * count > LIMITS.maxTotalCores) throw ecsError('Ecs.0001', `${u.cores} of ${LIMITS.maxTotalCores} vCPUs in use`);
  if (u.ram + f.ram * count > LIMITS.maxTotalRAMSize) throw ecsError('Ecs.0001', `${u.ram} of ${LIMITS.maxTotalRAMSize} MB RAM in use`);
}

/** A resize needs quota for the vCPUs and RAM it adds (Ecs.0001). */
export function checkResizeQuota(ecs: Ecs, fromId: string, toId: string): void {
  const from = flavor(fromId);
  const to = flavor(toId)!;
  const u = ecs.usage();
  if (u.cores + to.vcpus - (from?.vcpus ?? 0) > LIMITS.maxTotalCores) throw ecsError('Ecs.0001', `resizing to ${to.id} exceeds ${LIMITS.maxTotalCores} vCPUs`);
  if (u.ram + to.ram - (from?.ram ?? 0) > LIMITS.maxTotalRAMSize) throw ecsError('Ecs.0001', `resizing to ${to.id} exceeds ${LIMITS.maxTotalRAMSize} MB RAM`);
}

function mac(): string {
  return `fa:16:3e:${hex(3).match(/../g)!.join(':')}`;
}

/** Private IPs in use in the project. */
export function usedIps(ecs: Ecs): Set<string> {
  const used = new Set<string>();
  for (const r of ecs.s.get('SELECT nics FROM servers').all() as { nics: string }[]) for (const n of JSON.parse(r.nics) as Nic[]) used.add(n.ip);
  for (const ip of freePortAddresses(ecs.vpc)) used.add(ip);
  return used;
}

/** The first free address of a subnet's CIDR (Ecs.0012 when it is full); the address joins `used`. */
export function allocateIp(ecs: Ecs, subnetId: string, used: Set<string>): string {
  const sn = ecs.vpc.subnet(subnetId)!;
  // `used` only grows: every address before the last one handed out from it is taken, so a batch
  // (or a scale seed of thousands) continues there instead of scanning the subnet again.
  const cursors = scanned.get(used) ?? new Map<string, number>();
  scanned.set(used, cursors);
  for (let n = cursors.get(subnetId) ?? 0; ; n++) {
    const ip = ecs.vpc.hostAddress(sn, n);
    if (ip === undefined) throw ecsError('Ecs.0012', `subnet ${subnetId} is full`);
    if (ip !== sn.gatewayIp && !used.has(ip)) {
      used.add(ip);
      cursors.set(subnetId, n + 1);
      return ip;
    }
  }
}

const scanned = new WeakMap<Set<string>, Map<string, number>>();

export function newServerRow(ecs: Ecs, plan: CreatePlan, name: string, at: number, used: Set<string>): NewServer {
  const nics: Nic[] = plan.subnets.map((s, i) => {
    const p = s.portId ? port(ecs.vpc, s.portId) : undefined;
    return {
      port_id: p?.id ?? uuid(), net_id: ecs.vpc.subnet(s.id)!.networkId, subnet_id: s.id, ip: s.ip ?? allocateIp(ecs, s.id, used), mac: p?.mac_address ?? mac(),
      primary: i === 0, security_groups: plan.securityGroups.length ? plan.securityGroups : [ecs.vpc.securityGroup('default')!.id], ...(p ? { external: true } : {}),
    };
  });
  return {
    id: uuid(), name, description: plan.description, vm_state: 'building', task_state: null, power_state: POWER.pending, flavor_id: plan.flavorId,
    old_flavor_id: null, image_id: plan.imageId, availability_zone: plan.az, key_name: plan.keyName, vpc_id: plan.vpcId,
    nics: JSON.stringify(nics), security_groups: JSON.stringify(nics[0]!.security_groups), metadata: JSON.stringify(plan.metadata), tags: '[]',
    tags1d: '[]', locked: 0, user_data: plan.userData, fault: null, instance_name: `instance-${hex(4)}`, host: `pod01.${plan.az}`,
    created: novaTime(at), updated: novaTime(at), launched_at: null,
  };
}

function diskSpec(ecs: Ecs, plan: CreatePlan, d: DiskPlan, system: boolean, name: string): CreateSpec {
  return {
    name, description: '', size: d.size, volumeType: d.type, availabilityZone: plan.az, multiattach: d.multiattach, bootable: system,
    metadata: {}, tags: {}, sysTags: {}, snapshot: d.snapshotId ? ecs.evs.store.snapshot(d.snapshotId) : undefined, image: undefined, iops: null, throughput: null, enterpriseProjectId: '0',
    dedicatedStorageId: null,
  };
}

/**
 * Create (5.1.1): servers appear at once in BUILD with their disks `creating` in EVS; one parent job
 * with a createSingleServer sub-job per server. Returns the job and the server ids (`serverIds`).
 */
/** Existing disks named at create: available, in the server's AZ, bootable when they boot it. */
function reserveExisting(ecs: Ecs, plan: CreatePlan): void {
  if (plan.existing.length > 0 && plan.count > 1) throw ecsError('Ecs.0005', 'existing disks attach to a single server (count 1)');
  for (const e of plan.existing) {
    const v = ecs.evs.store.volume(e.volumeId);
    if (!v || v.status !== 'available') throw ecsError('Ecs.0103', `disk ${e.volumeId} is ${v ? v.status : 'missing'}`);
    if (v.availability_zone !== plan.az) throw ecsError('Ecs.0121', `disk ${v.id} is in ${v.availability_zone}`);
    if (e.boot && !v.bootable) throw ecsError('Ecs.0005', `disk ${v.id} is not bootable`);
    ecs.evs.store.updateVolume(v.id, { status: 'attaching' }, ecs.evs.stamp());
  }
}

/**
 * Create (5.1.1, and Nova 6.2.1): servers appear at once in BUILD with their new disks `creating` in
 * EVS; one parent job with a createSingleServer sub-job per server. Returns the job and the server ids.
 */
export function submitCreate(ecs: Ecs, plan: CreatePlan): { jobId: string; serverIds: string[] } {
  return ecs.transaction(() => {
    checkQuota(ecs, plan.flavorId, plan.count);
    const fresh = plan.root ? [plan.root, ...plan.data] : plan.data;
    for (const d of fresh) ecs.evs.quotas.checkVolumes(d.type, plan.count, d.size * plan.count, 'custom');
    const at = ecs.rt.clock.now();
    const servers: { server: ServerRow; args: OpArgs }[] = [];
    const used = usedIps(ecs);
    for (const sn of plan.subnets) {
      if (sn.ip !== undefined && plan.count > 1) throw ecsError('Ecs.0005', 'ip_address is for a single server (count 1)');
      if (sn.ip !== undefined && !ecs.vpc.inSubnet(ecs.vpc.subnet(sn.id)!, sn.ip)) throw ecsError('Ecs.0039', `${sn.ip} is not in subnet ${sn.id}`);
      if (sn.portId !== undefined && plan.count > 1) throw ecsError('Ecs.0005', 'a port is for a single server (count 1)');
      // A port holds its own address; any other fixed address must be free.
      if (sn.ip !== undefined && sn.portId === undefined && used.has(sn.ip)) throw ecsError('Ecs.0010', sn.ip);
    }
    reserveExisting(ecs, plan);
    for (let i = 0; i < plan.count; i++) {
      const name = plan.count > 1 ? `${plan.name}-${String(i).padStart(4, '0')}` : plan.name;
      const row = newServerRow(ecs, plan, name, at, used);
      ecs.insertServer(row);
      if (plan.publicIp) bindNewServerIp(ecs, plan.publicIp, row);
      for (const sn of plan.subnets) if (sn.portId) bindPort(ecs.vpc, sn.portId, row.id);
      const made = fresh.map((d, k) => {
        const system = d === plan.root;
        const id = uuid();
        const spec = diskSpec(ecs, plan, d, system, system ? `${name}-sys` : `${name}-data-${k}`);
        const vol = newVolumeRow(ecs.evs, spec, id, spec.name, 'creating', false, { chargingMode: 'postPaid' });
        ecs.evs.store.insertVolume({ ...vol, image_ref: system ? plan.imageId : null });
        return id;
      });
      const boot = plan.existing.filter((e) => e.boot).map((e) => e.volumeId);
      const extra = plan.existing.filter((e) => !e.boot).map((e) => e.volumeId);
      ecs.recordAction(row.id, 'create', row.id.replaceAll('-', ''));
      if (plan.groupId) joinGroup(ecs, plan.groupId, row.id);
      if (plan.adminPass && plan.imageId && ecs.ims.image(plan.imageId)?.osType === 'Windows') recordPassword(ecs, row.id, plan.adminPass);
      servers.push({ server: ecs.server(row.id)!, args: { disks: [...boot, ...made, ...extra], existing: [...boot, ...extra] } });
    }
    const jobId = submit(ecs, 'create', servers, true);
    return { jobId, serverIds: servers.map((t) => t.server.id) };
  });
}

/** The disks made for a server being created: `available`, then attached as /dev/vda, /dev/vdb… */
export function provisionDisks(ecs: Ecs, s: ServerRow, disks: readonly string[], at: number): void {
  disks.forEach((id, k) => {
    if (!ecs.evs.store.volume(id)) return;
    ecs.evs.store.updateVolume(id, { status: 'available' }, ecs.evs.stamp(at));
    attachVolume(ecs.evs, { volumeId: id, serverId: s.id, device: `/dev/vd${'abcdefghijklmnopqrstuvwxyz'[k]}`, hostName: s.host });
  });
}

export function finishCreateServer(ecs: Ecs, s: ServerRow, _args: unknown, at: number): void {
  ecs.update(s.id, { vm_state: 'active', task_state: null, power_state: POWER.running, launched_at: launchTime(at) }, at);
}

/**
 * Delete (5.1.2): the system disk goes with the server; data disks are detached and kept unless
 * `delete_volume`; a shared disk still attached elsewhere is only detached.
 */
export function finishDeleteServer(ecs: Ecs, s: ServerRow, args: { deleteVolume?: boolean; deletePublicIp?: boolean }, at: number): void {
  releaseServerPublicIps(ecs.vpc, s.id, args.deletePublicIp);
  releasePortsOf(ecs.vpc, s.id);
  for (const a of attachmentsOfServer(ecs.evs, s.id)) {
    const v = ecs.evs.store.volume(a.volume_id);
    detachVolume(ecs.evs, { volumeId: a.volume_id, serverId: s.id });
    if (!v) continue;
    const system = a.device === '/dev/vda' || a.device === '/dev/sda';
    const after = ecs.evs.store.volume(a.volume_id);
    if ((system || args.deleteVolume) && after && after.attach_count === 0) {
      ecs.evs.store.updateVolume(a.volume_id, { status: 'deleting' }, ecs.evs.stamp(at));
      finishDelete(ecs.evs, a.volume_id, at);
    }
  }
  forgetServer(ecs, s.id);
  ecs.deleteServer(s.id);
}
