import { hex, uuid } from '../../server/ids.ts';
import type { Cbr, ObjectType } from './model/cbr.ts';
import { PROVIDERS, cbrTime } from './model/cbr.ts';
import { finishBackup, startCheckpoint } from './model/backups.ts';
import { createPolicy } from './model/policies.ts';
import { associatePolicy } from './model/vault-ops.ts';
import { createVault } from './model/vaults.ts';

const DAY = 86_400_000;
export const MAX_SCALE_BACKUPS = 200_000;

function vault(cbr: Cbr, name: string, objectType: ObjectType, size: number, resources: { id: string; type: string }[]): string {
  return createVault(cbr, {
    name,
    billing: { consistent_level: 'crash_consistent', object_type: objectType, protect_type: 'backup', size },
    resources,
  });
}

/** Runs a policy's backup of a vault as it happened `daysAgo` days ago at 18:00 UTC, finished 4 minutes later. */
function pastRun(cbr: Cbr, vaultId: string, policyId: string, daysAgo: number): void {
  const at = Math.floor((cbr.now() - daysAgo * DAY) / DAY) * DAY + 18 * 3_600_000;
  const cp = startCheckpoint(cbr, vaultId, { autoTrigger: true, incremental: true, policyId }, at);
  for (const { id } of cbr.s.get('SELECT id FROM cbr_backups WHERE checkpoint_id = ? AND parent_id IS NULL').all(cp.id) as { id: string }[]) finishBackup(cbr, id, at + 240_000);
}

/**
 * The demo vaults: the demo disks' data disks in a disk vault under a daily policy, the demo
 * servers (when the compute service runs) in a server vault under a weekly one, with three days of
 * automatic backups, a failed manual backup and their operation logs.
 */
export function seedCbrDemo(cbr: Cbr): { vaults: number; policies: number; backups: number } {
  const disks = (cbr.s.get("SELECT id FROM volumes WHERE hidden = 0 AND name IN ('db-01-data', 'web-01-data', 'archive-2023') ORDER BY seq").all() as { id: string }[]).map((d) => ({ id: d.id, type: 'OS::Cinder::Volume' }));
  const servers = ['c3d3250c-7ce5-42cc-b620-dd2b63d19ca5', '2080869e-ba46-4ea5-b45e-3191ac0f1d54'].filter((id) => cbr.servers.server(id)).map((id) => ({ id, type: 'OS::Nova::Server' }));
  let vaults = 0;
  cbr.transaction(() => {
    const daily = createPolicy(cbr, { name: 'daily-18utc', operation_type: 'backup', operation_definition: { max_backups: 7 }, trigger: { properties: { pattern: ['FREQ=DAILY;INTERVAL=1;BYHOUR=18;BYMINUTE=00'] } } });
    const weekly = createPolicy(cbr, {
      name: 'weekly-keep-4', operation_type: 'backup',
      operation_definition: { max_backups: 2, week_backups: 4, timezone: 'UTC+08:00' },
      trigger: { properties: { pattern: ['FREQ=WEEKLY;BYDAY=SU,WE;BYHOUR=18;BYMINUTE=00'] } },
    });
    createPolicy(cbr, { name: 'paused-monthly', enabled: false, operation_type: 'backup', operation_definition: { retention_duration_days: 30 }, trigger: { properties: { pattern: ['FREQ=WEEKLY;BYDAY=MO;BYHOUR=1;BYMINUTE=00'] } } });
    const diskVault = vault(cbr, 'vault-disks', 'disk', 2000, disks);
    associatePolicy(cbr, diskVault, { policy_id: daily });
    vaults++;
    if (disks.length > 0) {
      for (const d of [3, 2, 1]) pastRun(cbr, diskVault, daily, d);
      // A manual backup that failed, so the task list shows a failure.
      const at = cbr.now() - 5 * 3_600_000;
      const cp = startCheckpoint(cbr, diskVault, { resources: [disks[0]!.id], name: 'manual_before_upgrade', incremental: false, autoTrigger: false }, at);
      const fail = JSON.stringify({ code: 'BackupService.9910', message: 'The backup agent did not respond.' });
      for (const { id } of cbr.s.get('SELECT id FROM cbr_backups WHERE checkpoint_id = ?').all(cp.id) as { id: string }[]) {
        cbr.s.get("UPDATE cbr_backups SET doc = json_set(doc, '$.fail', json(?)) WHERE id = ?").run(fail, id);
        finishBackup(cbr, id, at + 60_000);
      }
    }
    if (servers.length > 0) {
      const serverVault = vault(cbr, 'vault-servers', 'server', 2000, servers);
      associatePolicy(cbr, serverVault, { policy_id: weekly });
      vaults++;
      for (const d of [3, 1]) pastRun(cbr, serverVault, weekly, d);
    }
  });
  const backups = (cbr.s.get('SELECT count(*) AS n FROM cbr_backups WHERE parent_id IS NULL').get() as { n: number }).n;
  return { vaults, policies: 3, backups };
}

/** `?backups=N`: one disk vault holding N available backups of up to 100 disks, spread over the last year, each with its task. */
export function seedScaleBackups(cbr: Cbr, count: number, random: () => number = Math.random): { backups: number; vaultId: string } {
  const disks = cbr.s
    .get('SELECT id, name, size, availability_zone FROM volumes WHERE hidden = 0 AND id NOT IN (SELECT resource_id FROM cbr_vault_resources) ORDER BY seq LIMIT 100')
    .all() as { id: string; name: string; size: number; availability_zone: string }[];
  if (disks.length === 0) throw new Error('no free disks to back up: seed disks first');
  const now = cbr.now();
  let vaultId = '';
  cbr.transaction(() => {
    const total = disks.reduce((n, d) => n + d.size, 0);
    vaultId = vault(cbr, `vault-scale-${hex(2)}`, 'disk', Math.min(10_485_760, Math.max(10, total * Math.ceil(count / disks.length) + 100)), disks.map((d) => ({ id: d.id, type: 'OS::Cinder::Volume' })));
    const backup = cbr.s.get(`INSERT INTO cbr_backups (id, checkpoint_id, vault_id, parent_id, resource_id, resource_name, resource_type, name, status, created_ms, updated_ms, auto_trigger, incremental, size, data_version, doc)
      VALUES (?, ?, ?, NULL, ?, ?, 'OS::Cinder::Volume', ?, 'available', ?, ?, 1, ?, ?, 1, ?)`);
    const checkpoint = cbr.s.get("INSERT INTO cbr_checkpoints (id, vault_id, status, created_at, doc) VALUES (?, ?, 'available', ?, ?)");
    const oplog = cbr.s.get(`INSERT INTO cbr_oplogs (id, operation_type, status, vault_id, vault_name, checkpoint_id, policy_id, provider_id, resource_id, resource_name, created_ms, doc)
      VALUES (?, 'backup', 'success', ?, ?, ?, '', ?, ?, ?, ?, ?)`);
    const vaultName = cbr.requireVault(vaultId).name;
    for (let i = 0; i < count; i++) {
      const d = disks[i % disks.length]!;
      const at = now - Math.floor(random() * 365 * DAY);
      const id = uuid();
      const cp = uuid();
      const incremental = i >= disks.length ? 1 : 0;
      const name = `autobk_${hex(2)}_${d.name}`;
      const opId = uuid();
      checkpoint.run(cp, vaultId, cbrTime(at), JSON.stringify({ vault: { id: vaultId, name: vaultName, resources: [], skipped_resources: [] }, extra_info: { name, description: '', retention_duration: -1 } }));
      backup.run(id, cp, vaultId, d.id, d.name, name, at, at + 240_000, incremental, incremental ? Math.max(1, Math.ceil(d.size / 10)) : d.size, JSON.stringify({
        description: '', resource_az: d.availability_zone, oplog_id: opId, policy_id: '', resource_size: d.size,
        extend_info: { auto_trigger: true, support_lld: false, supported_restore_mode: 'backup', encrypted: false, is_multi_az: false, bootable: false, system_disk: false },
      }));
      oplog.run(opId, vaultId, vaultName, cp, PROVIDERS.disk, d.id, d.name, at, JSON.stringify({
        created_at: cbrTime(at), started_at: cbrTime(at), ended_at: cbrTime(at + 240_000), updated_at: cbrTime(at + 240_000), error_info: { code: '', message: '' },
        extra_info: { backup: { backup_id: id, backup_name: name, incremental: String(incremental === 1), app_consistency_status: '0', app_consistency_error_code: '', app_consistency_error_message: '' }, common: { progress: 100, request_id: `req-${uuid()}`, task_id: hex(16) }, resource: { id: d.id, name: d.name, type: 'OS::Cinder::Volume', extra_info: { exclude_volumes: [] } } },
      }));
    }
  });
  return { backups: count, vaultId };
}
