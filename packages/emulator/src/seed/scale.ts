import { availabilityZones } from '../services/evs/catalog.ts';
import type { Evs } from '../services/evs/model/evs.ts';
import { hex, uuid } from '../server/ids.ts';

const TYPES = ['SAS', 'SSD', 'GPSSD', 'ESSD', 'GPSSD2', 'ESSD2'] as const;
const SIZES = [10, 20, 40, 50, 80, 100, 200, 500, 1000, 2000];
const ENVS = ['prod', 'staging', 'dev', 'qa'];
const YEAR = 365 * 24 * 60 * 60 * 1000;
export const MAX_SCALE_DISKS = 100_000;

/**
 * Adds `count` disks spread over the last year: mostly available, some attached to a pool of
 * servers, a few in error, a third tagged. Quota limits are raised where needed so the result is
 * a state the real service could be in.
 */
export function seedScale(evs: Evs, count: number, random: () => number = Math.random): { volumes: number } {
  const zones = availabilityZones(evs.rt.account.region);
  const now = evs.rt.clock.now();
  const servers = Array.from({ length: Math.max(1, Math.ceil(count / 50)) }, () => uuid());
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  evs.transaction(() => {
    const attach = evs.store.s.get('INSERT INTO attachments (id, volume_id, server_id, device, host_name, attached_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < count; i++) {
      const type = pick(TYPES);
      const zone = type === 'ESSD' ? zones[0]! : type === 'ESSD2' ? zones[1]! : pick(zones);
      const size = pick(SIZES);
      const roll = random();
      const status = roll < 0.08 ? 'in-use' : roll < 0.1 ? 'error' : 'available';
      const at = evs.stamp(now - Math.floor(random() * YEAR));
      const iops = type === 'GPSSD2' ? 3_000 : type === 'ESSD2' ? Math.min(500 * size, 20_000) : null;
      const id = uuid();
      evs.store.insertVolume({
        id, name: `scale-${type.toLowerCase()}-${String(i).padStart(6, '0')}`, description: '', status, size, pending_size: null,
        volume_type: type, availability_zone: zone, multiattach: 0, bootable: 0, metadata: '{}',
        tags: random() < 0.33 ? JSON.stringify({ env: pick(ENVS), batch: 'scale' }) : '{}', sys_tags: '{}', image_metadata: null,
        snapshot_id: null, image_ref: null, backup_id: null, iops, throughput: type === 'GPSSD2' ? 125 : null,
        qos_id: iops === null ? null : uuid(), enterprise_project_id: '0', service_type: 'EVS', dedicated_storage_id: null,
        dedicated_storage_name: null, wwn: `688860300${hex(12).slice(0, 23)}`, charging_mode: 'postPaid', order_id: null,
        attach_count: status === 'in-use' ? 1 : 0, hidden: 0, created_at: at, updated_at: at,
      });
      if (status === 'in-use') attach.run(uuid(), id, pick(servers), '/dev/vdb', `pod01.${zone}`, at);
    }
    const usage = evs.quotas.usage();
    const raise: Record<string, number> = {};
    for (const [key, need] of [['volumes', usage.volumes!.in_use + usage.volumes!.reserved], ['gigabytes', usage.gigabytes!.in_use + usage.gigabytes!.reserved]] as const) {
      const limit = evs.quotas.limit(key);
      if (limit >= 0 && need > limit) raise[key] = need + (key === 'volumes' ? 1_000 : 100_000);
    }
    if (Object.keys(raise).length > 0) evs.quotas.setLimits(raise);
  });
  return { volumes: count };
}
