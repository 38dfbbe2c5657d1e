import { ApiError } from '../../../server/errors.ts';
import { evsError } from '../errors.ts';
import { VOLUME_TYPES } from '../catalog.ts';
import type { EvsStore } from './store.ts';

/**
 * Quotas of 7.3.1. Usage is computed from the disks themselves, so it always equals what exists:
 * `in_use` counts visible disks and their sizes, `reserved` counts disks of create jobs still in
 * INIT plus the extra GiB of expansions in flight. Per-type limits are -1 (no own limit) by default,
 * as in the seed's example.
 */
export const DEFAULT_LIMITS: Readonly<Record<string, number>> = {
  volumes: 1_000,
  gigabytes: 100_000,
  snapshots: 1_000,
  backups: 1_000,
  backup_gigabytes: 100_000,
  per_volume_gigabytes: 32_768,
};

const TYPED_KEYS = VOLUME_TYPES.flatMap((t) => [`volumes_${t}`, `gigabytes_${t}`, `snapshots_${t}`]);
export const QUOTA_KEYS: readonly string[] = [...Object.keys(DEFAULT_LIMITS), ...TYPED_KEYS];

export interface QuotaItem {
  in_use: number;
  limit: number;
  reserved: number;
}

export type QuotaMode = 'custom' | 'cinder';

export class Quotas {
  constructor(private readonly store: EvsStore) {}

  limit(key: string): number {
    const row = this.store.s.get('SELECT hard_limit FROM quotas WHERE key = ?').get(key) as { hard_limit: number } | undefined;
    return row?.hard_limit ?? DEFAULT_LIMITS[key] ?? -1;
  }

  setLimits(limits: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(limits)) {
      if (!QUOTA_KEYS.includes(key)) throw new ApiError(400, 'Emulator.BadQuota', `unknown quota ${key}; known: ${QUOTA_KEYS.join(', ')}`);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -1) throw new ApiError(400, 'Emulator.BadQuota', `${key} must be an integer >= -1`);
    }
    const upsert = this.store.s.get('INSERT INTO quotas (key, hard_limit) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET hard_limit = excluded.hard_limit');
    for (const [key, value] of Object.entries(limits)) upsert.run(key, value);
  }

  usage(): Record<string, QuotaItem> {
    const items: Record<string, QuotaItem> = {};
    for (const key of QUOTA_KEYS) items[key] = { in_use: 0, limit: this.limit(key), reserved: 0 };
    const rows = this.store.s
      .get(`SELECT volume_type AS type, hidden, count(*) AS n, coalesce(sum(size), 0) AS gb,
              coalesce(sum(CASE WHEN pending_size > size THEN pending_size - size ELSE 0 END), 0) AS growing
            FROM volumes GROUP BY volume_type, hidden`)
      .all() as { type: string; hidden: number; n: number; gb: number; growing: number }[];
    for (const r of rows) {
      const field = r.hidden ? 'reserved' : 'in_use';
      for (const key of ['volumes', `volumes_${r.type}`]) if (items[key]) items[key][field] += r.n;
      for (const key of ['gigabytes', `gigabytes_${r.type}`]) {
        if (!items[key]) continue;
        items[key][field] += r.gb;
        items[key].reserved += r.growing;
      }
    }
    const snaps = this.store.s.get('SELECT volume_type AS type, count(*) AS n FROM snapshots GROUP BY volume_type').all() as { type: string; n: number }[];
    for (const r of snaps) for (const key of ['snapshots', `snapshots_${r.type}`]) if (items[key]) items[key].in_use += r.n;
    return items;
  }

  /** Refuses `count` new disks of `gigabytes` GiB in total, with the codes of the calling API family. */
  checkVolumes(type: string, count: number, gigabytes: number, mode: QuotaMode): void {
    const u = this.usage();
    for (const key of ['volumes', `volumes_${type}`]) {
      const q = u[key];
      if (q && q.limit >= 0 && q.in_use + q.reserved + count > q.limit) {
        throw this.exceeded(mode, 'EVS.1034', `${key}: ${q.in_use} in use, ${q.reserved} reserved, limit ${q.limit}, requested ${count}`);
      }
    }
    this.checkGigabytes(type, gigabytes, mode, u);
  }

  checkGigabytes(type: string, gigabytes: number, mode: QuotaMode, u = this.usage()): void {
    for (const key of ['gigabytes', `gigabytes_${type}`]) {
      const q = u[key];
      if (q && q.limit >= 0 && q.in_use + q.reserved + gigabytes > q.limit) {
        throw this.exceeded(mode, 'EVS.1042', `${key}: ${q.in_use} GiB in use, ${q.reserved} reserved, limit ${q.limit}, requested ${gigabytes}`);
      }
    }
  }

  checkSnapshot(type: string): void {
    const u = this.usage();
    for (const key of ['snapshots', `snapshots_${type}`]) {
      const q = u[key];
      if (q && q.limit >= 0 && q.in_use + 1 > q.limit) throw evsError('EVS.5413', `${key}: ${q.in_use} in use, limit ${q.limit}`);
    }
  }

  /** The largest single disk the per_volume_gigabytes quota allows. */
  perVolumeLimit(): number {
    const limit = this.limit('per_volume_gigabytes');
    return limit < 0 ? Number.POSITIVE_INFINITY : limit;
  }

  private exceeded(mode: QuotaMode, customCode: 'EVS.1034' | 'EVS.1042', detail: string): ApiError {
    // Custom APIs document their own quota codes; the Cinder-compatible ones report 413.
    return mode === 'custom' ? evsError(customCode, detail) : evsError('EVS.5413', detail);
  }
}
