import { uuid } from '../../../server/ids.ts';
import { ApiError } from '../../../server/errors.ts';
import { cbrError, invalid } from '../errors.ts';
import { CBR_DURATION, cbrTime, type Cbr } from './cbr.ts';
import { createPolicy } from './policies.ts';
import { partner } from './replicas.ts';
import { createVault } from './vaults.ts';
import type { Obj } from './validate.ts';

/**
 * Tenant migration (seed 004 §4.13.4-5): the VBS disk backups and policies of the project move to
 * CBR. Each VBS policy becomes a CBR backup policy with the same schedule and retention and a disk
 * vault holding its disks; disks with backups but no policy share one more vault; every available
 * VBS backup becomes an available CBR backup of its disk (same size, time and data version). Vault
 * sizes are what the backups use plus the `reservation` share, at least 10 GB. A VBS backup still
 * in progress makes the migration fail with 4006 and changes nothing. The partner region holds no
 * VBS data, so its migration (with `all_regions`) succeeds at once.
 */

interface MigrationRow {
  region: string;
  status: string;
  progress: number;
  doc: string;
}

interface MigrationDoc {
  reservation: number;
  fail_code?: number;
  fail_reason?: string;
}

interface VbsBackup {
  id: string;
  volume_id: string;
  name: string;
  description: string;
  size: number;
  availability_zone: string;
  snapshot_id: string;
  data_version: number;
  created_ms: number;
}

interface VbsPolicy {
  id: string;
  name: string;
  scheduled: string;
}

const WEEK: Record<string, string> = { SUN: 'SU', MON: 'MO', TUE: 'TU', WED: 'WE', THU: 'TH', FRI: 'FR', SAT: 'SA' };

export function startMigration(cbr: Cbr, o: Obj): Record<string, string> {
  if (typeof o.all_regions !== 'boolean') throw invalid('all_regions is required: true or false');
  const reservation = o.reservation;
  if (typeof reservation !== 'number' || !Number.isFinite(reservation) || reservation < 0 || reservation > 1) throw invalid('reservation is required: a number from 0 to 1');
  const region = cbr.rt.account.region;
  const current = cbr.s.get('SELECT status FROM cbr_migrations WHERE region = ?').get(region) as { status: string } | undefined;
  const answer: Record<string, string> = {};
  cbr.transaction(() => {
    if (current?.status !== 'migrating') {
      cbr.s.get("INSERT OR REPLACE INTO cbr_migrations (region, status, progress, doc) VALUES (?, 'migrating', 0, ?)").run(region, JSON.stringify({ reservation }));
      cbr.rt.scheduler.schedule('cbr.migrate.run', CBR_DURATION.migrate, { region });
    }
    answer[region] = 'running';
    if (o.all_regions) {
      const other = partner(cbr).region;
      cbr.s.get("INSERT OR REPLACE INTO cbr_migrations (region, status, progress, doc) VALUES (?, 'success', 100, ?)").run(other, JSON.stringify({ reservation }));
      answer[other] = 'running';
    }
  });
  return answer;
}

/** GET /v3/migrates: the overall status is the worst of the projects'. */
export function migrationStatus(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const all = q.get('all_regions');
  if (all !== null && all !== 'true' && all !== 'false') throw invalid('all_regions must be true or false');
  const region = cbr.rt.account.region;
  let rows = cbr.s.get('SELECT * FROM cbr_migrations ORDER BY seq').all() as MigrationRow[];
  if (all === 'false') rows = rows.filter((r) => r.region === region);
  if (rows.length === 0) throw cbrError('BackupService.4001', 'no migration was started');
  const p = partner(cbr);
  const status = rows.some((r) => r.status === 'failed') ? 'failed' : rows.some((r) => r.status === 'migrating') ? 'migrating' : 'success';
  return {
    status,
    project_status: rows.map((r) => {
      const doc = JSON.parse(r.doc) as MigrationDoc;
      const local = r.region === region;
      return {
        status: r.status, progress: r.progress, project_id: local ? cbr.rt.account.projectId : p.projectId, project_name: local ? cbr.rt.account.projectName : p.projectName, region_id: r.region,
        ...(r.status === 'failed' ? { fail_code: doc.fail_code, fail_reason: doc.fail_reason } : {}),
      };
    }),
  };
}

/** The migration transition. */
export function runMigration(cbr: Cbr, p: { region: string }, at: number): void {
  const row = cbr.s.get('SELECT * FROM cbr_migrations WHERE region = ?').get(p.region) as MigrationRow | undefined;
  if (!row || row.status !== 'migrating') return;
  const doc = JSON.parse(row.doc) as MigrationDoc;
  try {
    cbr.transaction(() => migrateVbs(cbr, doc.reservation, at));
    cbr.s.get("UPDATE cbr_migrations SET status = 'success', progress = 100 WHERE region = ?").run(p.region);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const failed: MigrationDoc = { ...doc, fail_code: Number(err.code.split('.')[1]), fail_reason: err.message };
    cbr.s.get("UPDATE cbr_migrations SET status = 'failed', progress = 0, doc = ? WHERE region = ?").run(JSON.stringify(failed), p.region);
  }
}

/** VBS's schedule as CBR RRULEs: start_time "22:00,02:00" (UTC) with a day interval or weekdays. */
function trigger(s: { start_time: string; frequency?: number; week_frequency?: string[] }): string {
  const hours = s.start_time.split(',').map((t) => Number(t.slice(0, 2))).sort((x, y) => x - y).join(',');
  if (s.week_frequency) return `FREQ=WEEKLY;BYDAY=${s.week_frequency.map((d) => WEEK[d]).join(',')};BYHOUR=${hours};BYMINUTE=00`;
  return `FREQ=DAILY;INTERVAL=${s.frequency ?? 1};BYHOUR=${hours};BYMINUTE=00`;
}

function vaultFor(cbr: Cbr, name: string, disks: string[], backups: VbsBackup[], reservation: number): string {
  const used = backups.filter((b) => disks.includes(b.volume_id)).reduce((n, b) => n + b.size, 0);
  return createVault(cbr, {
    name,
    billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: Math.max(10, Math.ceil(used * (1 + reservation))) },
    resources: disks.map((id) => ({ id, type: 'OS::Cinder::Volume' })),
  });
}

function migrateVbs(cbr: Cbr, reservation: number, at: number): void {
  const busy = cbr.s.get("SELECT id, status FROM vbs_backups WHERE status NOT IN ('available', 'error') LIMIT 1").get() as { id: string; status: string } | undefined;
  if (busy) throw cbrError('BackupService.4006', `VBS backup ${busy.id} is ${busy.status}`);
  const backups = cbr.s.get("SELECT * FROM vbs_backups WHERE status = 'available' ORDER BY created_ms, seq").all() as VbsBackup[];
  const policies = cbr.s.get('SELECT id, name, scheduled FROM vbs_policies ORDER BY seq').all() as VbsPolicy[];
  const bindings = cbr.s.get('SELECT resource_id, policy_id FROM vbs_policy_resources').all() as { resource_id: string; policy_id: string }[];
  // VBS lets go of the disks first: CBR refuses disks that VBS still protects (7005).
  for (const table of ['vbs_policy_resources', 'vbs_tasks', 'vbs_shares', 'vbs_backups', 'vbs_policies']) cbr.s.get(`DELETE FROM ${table}`).run();
  for (const p of policies) {
    const s = JSON.parse(p.scheduled) as { start_time: string; frequency?: number; week_frequency?: string[]; rentention_num?: number; rentention_day?: number; status: string };
    const policyId = createPolicy(cbr, {
      name: p.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64),
      operation_type: 'backup',
      enabled: s.status === 'ON',
      operation_definition: s.rentention_num !== undefined ? { max_backups: s.rentention_num } : { retention_duration_days: s.rentention_day },
      trigger: { properties: { pattern: [trigger(s)] } },
    });
    const disks = bindings.filter((b) => b.policy_id === p.id).map((b) => b.resource_id).filter((id) => !cbr.resource(id));
    if (disks.length === 0) continue;
    const vaultId = vaultFor(cbr, `vbs-${p.name}`.slice(0, 64), disks, backups, reservation);
    cbr.s.get('INSERT INTO cbr_vault_policies (vault_id, policy_id) VALUES (?, ?)').run(vaultId, policyId);
  }
  const loose = [...new Set(backups.map((b) => b.volume_id))].filter((id) => !cbr.resource(id) && cbr.evs.store.volume(id));
  if (loose.length > 0) vaultFor(cbr, 'vbs-migrated', loose, backups, reservation);
  const checkpoint = cbr.s.get("INSERT INTO cbr_checkpoints (id, vault_id, status, created_at, doc) VALUES (?, ?, 'available', ?, ?)");
  const insert = cbr.s.get(`INSERT INTO cbr_backups (id, checkpoint_id, vault_id, parent_id, resource_id, resource_name, resource_type, name, status, created_ms, updated_ms, auto_trigger, incremental, size, data_version, doc)
    VALUES (?, ?, ?, NULL, ?, ?, 'OS::Cinder::Volume', ?, 'available', ?, ?, ?, ?, ?, ?, ?)`);
  const seen = new Set<string>();
  for (const b of backups) {
    const holder = cbr.resource(b.volume_id);
    const vault = holder ? cbr.vault(holder.vault_id) : undefined;
    if (!holder || !vault) continue;
    const cp = uuid();
    const disk = cbr.evs.store.volume(b.volume_id);
    checkpoint.run(cp, vault.id, cbrTime(b.created_ms), JSON.stringify({ vault: { id: vault.id, name: vault.name, resources: [], skipped_resources: [] }, extra_info: { name: b.name, description: b.description, retention_duration: -1 } }));
    // VBS backs up a disk fully the first time and incrementally after (seed 003: has_dependent_backups).
    const incremental = seen.has(b.volume_id) ? 1 : 0;
    seen.add(b.volume_id);
    insert.run(b.id, cp, vault.id, b.volume_id, holder.name, b.name, b.created_ms, at, b.name.startsWith('autobk') ? 1 : 0, incremental, b.size, b.data_version, JSON.stringify({
      description: b.description, resource_az: b.availability_zone, oplog_id: '', policy_id: '', resource_size: disk?.size ?? b.size,
      extend_info: { auto_trigger: b.name.startsWith('autobk'), support_lld: false, supported_restore_mode: 'backup', encrypted: false, is_multi_az: false, bootable: disk?.bootable === 1, system_disk: disk?.bootable === 1, snapshot_id: b.snapshot_id },
    }));
  }
}
