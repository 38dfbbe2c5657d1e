import { availabilityZones, BUILTIN_IMAGES } from '../services/evs/catalog.ts';
import { attachVolume } from '../services/evs/model/attachments.ts';
import type { CreateSpec } from '../services/evs/model/create-spec.ts';
import type { Evs } from '../services/evs/model/evs.ts';
import type { ImageRow } from '../services/evs/model/rows.ts';
import { newVolumeRow, submitCreate } from '../services/evs/model/volume-ops.ts';
import { hex, uuid } from '../server/ids.ts';
import type { Ecs } from '../services/ecs/model/ecs.ts';
import { seedDemoServers } from '../services/ecs/seed.ts';
import type { Cbr } from '../services/cbr/model/cbr.ts';
import { seedCbrDemo } from '../services/cbr/seed.ts';
import type { Vbs } from '../services/vbs/model/vbs.ts';
import { seedVbsDemo } from '../services/vbs/seed.ts';
import { newOrderId } from '../services/evs/routes/common.ts';

/**
 * Servers the demo disks are attached to. They have fixed ids so that the compute service, when it
 * is emulated, can own servers with these ids and the attachments line up.
 */
export const DEMO_SERVERS = {
  'web-01': 'c3d3250c-7ce5-42cc-b620-dd2b63d19ca5',
  'db-01': '2080869e-ba46-4ea5-b45e-3191ac0f1d54',
} as const;

const DAY = 24 * 60 * 60 * 1000;

interface DemoDisk {
  name: string;
  type: CreateSpec['volumeType'];
  size: number;
  zone: 0 | 1 | 2;
  status?: string;
  image?: number;
  tags?: Record<string, string>;
  metadata?: Record<string, string>;
  description?: string;
  multiattach?: boolean;
  iops?: number;
  throughput?: number;
  prePaid?: boolean;
  attach?: { server: keyof typeof DEMO_SERVERS; device: string }[];
  snapshots?: { name: string; status: string }[];
  transfer?: string;
  ageDays: number;
}

const DISKS: DemoDisk[] = [
  { name: 'web-01-system', type: 'SSD', size: 40, zone: 0, image: 0, tags: { env: 'prod', app: 'web' }, attach: [{ server: 'web-01', device: '/dev/vda' }], ageDays: 200 },
  {
    name: 'web-01-data', type: 'SSD', size: 100, zone: 0, tags: { env: 'prod', app: 'web' }, attach: [{ server: 'web-01', device: '/dev/vdb' }],
    snapshots: [{ name: 'web-01-data-daily', status: 'available' }], ageDays: 199,
  },
  { name: 'db-01-system', type: 'GPSSD', size: 40, zone: 0, image: 1, tags: { env: 'prod', app: 'db' }, attach: [{ server: 'db-01', device: '/dev/vda' }], ageDays: 150 },
  {
    name: 'db-01-data', type: 'ESSD', size: 500, zone: 0, tags: { env: 'prod', app: 'db', owner: 'dba-team' }, attach: [{ server: 'db-01', device: '/dev/vdb' }],
    snapshots: [{ name: 'db-01-before-upgrade', status: 'available' }, { name: 'db-01-nightly', status: 'error' }], ageDays: 149,
  },
  {
    name: 'shared-logs', type: 'SAS', size: 200, zone: 0, multiattach: true, metadata: { 'hw:passthrough': 'true' }, tags: { env: 'prod' },
    attach: [{ server: 'web-01', device: '/dev/vdc' }, { server: 'db-01', device: '/dev/vdc' }], ageDays: 120,
  },
  { name: 'analytics-scratch', type: 'GPSSD2', size: 1000, zone: 1, iops: 12_000, throughput: 500, tags: { env: 'dev', team: 'analytics' }, ageDays: 60 },
  { name: 'ml-feature-store', type: 'ESSD2', size: 2000, zone: 1, iops: 50_000, tags: { env: 'dev', team: 'ml' }, ageDays: 45 },
  { name: 'backup-staging', type: 'SAS', size: 50, zone: 2, description: 'landing area for restored files', ageDays: 30 },
  { name: 'archive-2023', type: 'SATA', size: 500, zone: 2, tags: { env: 'archive' }, snapshots: [{ name: 'archive-2023-final', status: 'available' }], ageDays: 400 },
  { name: 'qa-broken', type: 'SSD', size: 20, zone: 1, status: 'error', tags: { env: 'qa' }, ageDays: 10 },
  { name: 'qa-expand-failed', type: 'GPSSD', size: 80, zone: 1, status: 'error_extending', tags: { env: 'qa' }, ageDays: 9 },
  {
    name: 'finance-reports', type: 'SSD', size: 100, zone: 2, prePaid: true, tags: { env: 'prod', 'cost-center': 'finance' },
    metadata: { __system__encrypted: '1', __system__cmkid: '94257794-d7aa-462c-9eaa-9f32c05b9966' }, ageDays: 90,
  },
  { name: 'migration-src', type: 'GPSSD', size: 60, zone: 2, status: 'awaiting-transfer', transfer: 'hand over to ops', ageDays: 5 },
];

/** A realistic demo set: disks of every type in several states, attachments, snapshots, tags, a transfer and a create job in flight. */
export function seedDemo(evs: Evs, ecs?: Ecs, cbr?: Cbr, vbs?: Vbs): { volumes: number; snapshots: number; servers?: number; vaults?: number; backups?: number; vbsBackups?: number } {
  const zones = availabilityZones(evs.rt.account.region);
  const now = evs.rt.clock.now();
  let snapshots = 0;
  evs.transaction(() => {
    for (const d of DISKS) {
      const at = evs.stamp(now - d.ageDays * DAY);
      const image = d.image === undefined ? undefined : imageRow(evs, BUILTIN_IMAGES[d.image]!.id);
      const spec: CreateSpec = {
        name: d.name, description: d.description ?? '', size: d.size, volumeType: d.type, availabilityZone: zones[d.zone]!,
        multiattach: d.multiattach ?? false, bootable: image !== undefined, metadata: d.metadata ?? {}, tags: d.tags ?? {}, sysTags: {},
        snapshot: undefined, image, iops: d.iops ?? null, throughput: d.throughput ?? null, enterpriseProjectId: '0', dedicatedStorageId: null,
      };
      const billing = d.prePaid ? { chargingMode: 'prePaid' as const, orderId: newOrderId(now - d.ageDays * DAY) } : { chargingMode: 'postPaid' as const };
      const row = newVolumeRow(evs, spec, uuid(), d.name, d.attach ? 'available' : (d.status ?? 'available'), false, billing);
      evs.store.insertVolume({ ...row, created_at: at, updated_at: at });
      for (const a of d.attach ?? []) attachVolume(evs, { volumeId: row.id, serverId: DEMO_SERVERS[a.server], device: a.device, hostName: `pod01.${zones[d.zone]}` });
      for (const s of d.snapshots ?? []) {
        snapshots += 1;
        evs.store.insertSnapshot({
          id: uuid(), volume_id: row.id, name: s.name, description: null, status: s.status, size: d.size, metadata: '{}',
          volume_type: d.type, availability_zone: zones[d.zone]!, service_type: 'EVS', enterprise_project_id: '0',
          dedicated_storage_id: null, dedicated_storage_name: null, created_at: at, updated_at: null,
        });
      }
      if (d.transfer) {
        evs.store.s.get('INSERT INTO transfers (id, volume_id, name, auth_key, created_at) VALUES (?, ?, ?, ?, ?)').run(uuid(), row.id, d.transfer, hex(8), at);
      }
    }
    // One disk still being created: its job runs on the emulator clock like any other.
    const spec: CreateSpec = {
      name: 'new-project-data', description: 'created by the demo seed', size: 100, volumeType: 'GPSSD', availabilityZone: zones[1]!,
      multiattach: false, bootable: false, metadata: {}, tags: { env: 'dev' }, sysTags: {}, snapshot: undefined, image: undefined,
      iops: null, throughput: null, enterpriseProjectId: '0', dedicatedStorageId: null,
    };
    submitCreate(evs, spec, 1, { chargingMode: 'postPaid' });
  });
  // The servers the demo disks are attached to, when the compute service runs alongside.
  const servers = ecs ? seedDemoServers(ecs, DEMO_SERVERS).servers : undefined;
  // Vaults, policies and a few days of backups of those disks and servers.
  const backups = cbr ? seedCbrDemo(cbr) : undefined;
  // Legacy VBS policies and backups of disks the vaults leave alone, for the console's VBS view.
  const legacy = vbs ? seedVbsDemo(vbs) : undefined;
  return {
    volumes: DISKS.length + 1, snapshots, ...(servers === undefined ? {} : { servers }), ...(backups ? { vaults: backups.vaults, backups: backups.backups } : {}),
    ...(legacy ? { vbsBackups: legacy.backups } : {}),
  };
}

function imageRow(evs: Evs, id: string): ImageRow | undefined {
  return evs.store.s.get('SELECT * FROM images WHERE id = ?').get(id) as ImageRow | undefined;
}
