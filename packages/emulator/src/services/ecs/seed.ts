import { availabilityZones } from '../evs/catalog.ts';
import { uuid } from '../../server/ids.ts';
import { PUBLIC_IMAGES } from '../ims/catalog.ts';
import { DEFAULT_VPC, DEMO_VPC, seedDemoNetwork } from '../vpc/defaults.ts';
import { allocatePublicIp, bindPublicIp, publicIpsOfServer } from '../vpc/publicips.ts';
import { launchTime, novaTime, type Ecs } from './model/ecs.ts';
import type { CreatePlan } from './model/create-plan.ts';
import { newServerRow, usedIps } from './model/lifecycle.ts';
import type { Nic, VmState } from './model/rows.ts';
import { POWER } from './model/state.ts';

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_PRIVATE_IMAGE = '6c4b0d7f-9e32-4a1b-8c5d-2f3e4a5b6c01';
/** The scale seed's servers all sit in one /16 subnet (62,720 addresses). */
export const MAX_SCALE_SERVERS = 50_000;

interface DemoServer {
  id?: string;
  name: string;
  flavor: string;
  vm: VmState;
  zone: number;
  ageDays: number;
  tags?: string[];
  locked?: boolean;
  /** Where the server sits; the default VPC's app subnet when absent. */
  net?: { vpcId: string; subnetId: string; securityGroups: string[] };
}

/** Images the demo servers run, in order: Ubuntu and CentOS first, as the demo system disks say. */
const DEMO_IMAGES = [0, 1, 2, 6, 5].map((i) => PUBLIC_IMAGES[i]!.id);
const PROD_WEB = { vpcId: DEMO_VPC.id, subnetId: DEMO_VPC.subnets.web.id, securityGroups: [DEFAULT_VPC.securityGroups.default, DEFAULT_VPC.securityGroups.web] };
const PROD_DATA = { vpcId: DEMO_VPC.id, subnetId: DEMO_VPC.subnets.data.id, securityGroups: [DEFAULT_VPC.securityGroups.default, DEMO_VPC.securityGroup] };

function plan(ecs: Ecs, d: DemoServer, image: number): CreatePlan {
  const az = availabilityZones(ecs.rt.account.region)[d.zone]!;
  return {
    name: d.name, count: 1, flavorId: d.flavor, imageId: DEMO_IMAGES[image % DEMO_IMAGES.length]!, az, vpcId: d.net?.vpcId ?? DEFAULT_VPC.id,
    subnets: [{ id: d.net?.subnetId ?? DEFAULT_VPC.subnets.app.id }], securityGroups: d.net?.securityGroups ?? [], root: { type: 'SSD', size: 40, multiattach: false }, data: [], keyName: null, userData: null, metadata: {}, description: '',
    adminPass: null, groupId: undefined, existing: [], publicIp: null,
  };
}

function insert(ecs: Ecs, d: DemoServer, image: number, now: number, used: Set<string>): string {
  const at = now - d.ageDays * DAY;
  const row = newServerRow(ecs, plan(ecs, d, image), d.name, at, used);
  const power = d.vm === 'active' ? POWER.running : d.vm === 'stopped' ? POWER.shutdown : POWER.pending;
  ecs.insertServer({
    ...row, id: d.id ?? row.id, vm_state: d.vm, power_state: power, launched_at: launchTime(at + 60_000), tags1d: JSON.stringify(d.tags ?? []),
    locked: d.locked ? 1 : 0, updated: novaTime(at + 60_000),
    fault: d.vm === 'error' ? JSON.stringify({ code: 500, created: novaTime(at + 60_000), message: 'No valid host was found.' }) : null,
  });
  return d.id ?? row.id;
}

/**
 * Servers of the demo set. The two with fixed ids own the demo disks EVS already attached to
 * them (system disk /dev/vda and data disks), in different states; the others show a stopped, a
 * locked and a failed server without disks.
 */
export function seedDemoServers(ecs: Ecs, fixed: Record<'web-01' | 'db-01', string>): { servers: number } {
  const now = ecs.rt.clock.now();
  const list: DemoServer[] = [
    { id: fixed['web-01'], name: 'web-01', flavor: 's3.large.2', vm: 'active', zone: 0, ageDays: 200, tags: ['env=prod', 'app=web'], net: PROD_WEB },
    { id: fixed['db-01'], name: 'db-01', flavor: 'm3.xlarge.8', vm: 'stopped', zone: 0, ageDays: 150, tags: ['env=prod', 'app=db'], net: PROD_DATA },
    { name: 'batch-worker', flavor: 'c3.xlarge.2', vm: 'stopped', zone: 1, ageDays: 40, tags: ['env=dev'] },
    { name: 'bastion', flavor: 's3.medium.4', vm: 'active', zone: 2, ageDays: 300, locked: true },
    { name: 'qa-failed-build', flavor: 's3.medium.2', vm: 'error', zone: 1, ageDays: 3, tags: ['env=qa'] },
  ];
  seedDemoNetwork(ecs.vpc);
  ecs.transaction(() => {
    const used = usedIps(ecs);
    list.forEach((d, i) => insert(ecs, d, i, now, used));
    // web-01 is reachable from the internet through an EIP on its primary NIC.
    if (publicIpsOfServer(ecs.vpc, fixed['web-01']).length === 0) {
      const nic = (JSON.parse(ecs.server(fixed['web-01'])!.nics) as Nic[])[0]!;
      const eip = allocatePublicIp(ecs.vpc, { type: '5_bgp', bandwidthSize: 100, shareType: 'PER', bandwidthName: 'bandwidth-web-01' });
      bindPublicIp(ecs.vpc, eip.id, { portId: nic.port_id, privateIp: nic.ip, serverId: fixed['web-01'], deleteOnTermination: false });
    }
    // A private image the project made of its web server, as the image list of a real project has.
    if (!ecs.ims.image(DEMO_PRIVATE_IMAGE)) {
      ecs.ims.insertPrivate({
        id: DEMO_PRIVATE_IMAGE, name: 'web-01-golden', minDisk: 40, minRam: 1024, osType: 'Linux', platform: 'Ubuntu', osVersion: 'Ubuntu 22.04 server 64bit',
        description: 'web-01 with nginx and the app, before the 2.0 release', source: `instance,${fixed['web-01']}`, sizeGiB: 6,
      });
      ecs.ims.setStatus(DEMO_PRIVATE_IMAGE, 'active');
    }
  });
  return { servers: list.length };
}

/**
 * `count` more servers for scale tests, spread over the last year, most running. Disks already
 * attached by the disk scale seed to server ids that have no server get one now.
 */
export function seedScaleServers(ecs: Ecs, count: number, random: () => number = Math.random): { servers: number } {
  const now = ecs.rt.clock.now();
  const flavors = ['s3.medium.2', 's3.large.2', 's3.xlarge.4', 'c3.large.2'];
  ecs.transaction(() => {
    const used = usedIps(ecs);
    const orphans = (ecs.s.get('SELECT DISTINCT server_id FROM attachments WHERE server_id NOT IN (SELECT id FROM servers)').all() as { server_id: string }[]).map((r) => r.server_id);
    for (let i = 0; i < count; i++) {
      const roll = random();
      const vm: VmState = roll < 0.75 ? 'active' : roll < 0.97 ? 'stopped' : 'error';
      const d: DemoServer = {
        id: orphans[i] ?? uuid(), name: `scale-${String(i).padStart(6, '0')}`, flavor: flavors[Math.floor(random() * flavors.length)]!, vm,
        zone: Math.floor(random() * 3), ageDays: Math.floor(random() * 365), tags: random() < 0.3 ? ['batch=scale'] : [],
      };
      insert(ecs, d, i, now, used);
    }
  });
  return { servers: count };
}
