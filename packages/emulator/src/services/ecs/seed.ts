import { availabilityZones } from '../evs/catalog.ts';
import { uuid } from '../../server/ids.ts';
import { IMAGES, SUBNETS, VPC_ID } from './catalog.ts';
import { launchTime, novaTime, type Ecs } from './model/ecs.ts';
import type { CreatePlan } from './model/create-plan.ts';
import { newServerRow, usedIps } from './model/lifecycle.ts';
import type { VmState } from './model/rows.ts';
import { POWER } from './model/state.ts';

const DAY = 24 * 60 * 60 * 1000;
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
}

function plan(ecs: Ecs, d: DemoServer, image: number): CreatePlan {
  const az = availabilityZones(ecs.rt.account.region)[d.zone]!;
  return {
    name: d.name, count: 1, flavorId: d.flavor, imageId: IMAGES[image % IMAGES.length]!.id, az, vpcId: VPC_ID, subnets: [{ id: SUBNETS[0]!.id }],
    securityGroups: [], root: { type: 'SSD', size: 40, multiattach: false }, data: [], keyName: null, userData: null, metadata: {}, description: '',
    adminPass: null, groupId: undefined, existing: [],
  };
}

function insert(ecs: Ecs, d: DemoServer, image: number, now: number, used: Set<string>): string {
  const at = now - d.ageDays * DAY;
  const row = newServerRow(plan(ecs, d, image), d.name, at, used);
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
    { id: fixed['web-01'], name: 'web-01', flavor: 's3.large.2', vm: 'active', zone: 0, ageDays: 200, tags: ['env=prod', 'app=web'] },
    { id: fixed['db-01'], name: 'db-01', flavor: 'm3.xlarge.8', vm: 'stopped', zone: 0, ageDays: 150, tags: ['env=prod', 'app=db'] },
    { name: 'batch-worker', flavor: 'c3.xlarge.2', vm: 'stopped', zone: 1, ageDays: 40, tags: ['env=dev'] },
    { name: 'bastion', flavor: 's3.medium.4', vm: 'active', zone: 2, ageDays: 300, locked: true },
    { name: 'qa-failed-build', flavor: 's3.medium.2', vm: 'error', zone: 1, ageDays: 3, tags: ['env=qa'] },
  ];
  ecs.transaction(() => {
    const used = usedIps(ecs);
    list.forEach((d, i) => insert(ecs, d, i, now, used));
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
