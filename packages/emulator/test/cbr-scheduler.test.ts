import { beforeEach, describe, expect, it } from 'vitest';
import { createDisks, control, reset, useTestEmulator } from './helpers.ts';
import { backups, cbr, createPolicy, createVault, disk } from './cbr-helpers.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const client = useTestEmulator({}, { resetEachTest: false });

/** Freezes the clock at the next 01:00 UTC and returns that time. */
async function freezeAtOneAm(): Promise<number> {
  await reset(client, 'frozen');
  const now = Date.parse((await control(client, 'GET', '/clock')).body.now);
  const target = Math.floor(now / DAY) * DAY + DAY + HOUR;
  await control(client, 'POST', '/clock/advance', { ms: target - now });
  return target;
}

async function protectedDisk(definition: Record<string, unknown>, pattern?: string[]): Promise<{ vaultId: string; diskId: string; policyId: string }> {
  const { ids } = await createDisks(client, { name: 'nightly' });
  const vault = await createVault(client, 'disk', [disk(ids[0]!)], { billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 1000 } });
  const policy = await createPolicy(client, definition, pattern);
  const r = await cbr(client, 'POST', `/v3/{pid}/vaults/${vault.id}/associatepolicy`, { body: { policy_id: policy.id } });
  expect(r.status).toBe(200);
  return { vaultId: vault.id, diskId: ids[0]!, policyId: policy.id };
}

const created = (list: { created_at: string }[]) => list.map((b) => Date.parse(b.created_at)).sort((a, b) => a - b);

describe('CBR policy scheduler', () => {
  let start: number;
  beforeEach(async () => {
    start = await freezeAtOneAm();
  });

  it('fires a daily policy for ten days and keeps the newest max_backups automatic backups', async () => {
    const { vaultId } = await protectedDisk({ max_backups: 3 });
    await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vaultId, parameters: { name: 'manual_keep' } } } });
    await control(client, 'POST', '/clock/advance', { ms: 10 * DAY });
    const all = await backups(client, { vault_id: vaultId });
    const auto = all.filter((b) => b.extend_info.auto_trigger);
    expect(all.filter((b) => b.name === 'manual_keep')).toHaveLength(1);
    expect(auto.every((b) => b.status === 'available' && b.name.startsWith('autobk_'))).toBe(true);
    // Fires at 02:00 on each of the ten days; the last three remain.
    expect(created(auto)).toEqual([7, 8, 9].map((d) => start + d * DAY + HOUR));
    const logs = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { vault_id: vaultId, limit: '100' } });
    const byType = (type: string) => logs.body.operation_logs.filter((l: { operation_type: string; status: string }) => l.operation_type === type && l.status === 'success');
    expect(byType('backup')).toHaveLength(11);
    expect(byType('delete')).toHaveLength(7);
    expect(byType('backup').filter((l: { policy_id: string }) => l.policy_id !== '')).toHaveLength(10);
  });

  it('deletes backups older than retention_duration_days', async () => {
    const { vaultId } = await protectedDisk({ retention_duration_days: 4 });
    await control(client, 'POST', '/clock/advance', { ms: 10 * DAY });
    expect(created(await backups(client, { vault_id: vaultId }))).toEqual([6, 7, 8, 9].map((d) => start + d * DAY + HOUR));
  });

  it('keeps the union of max_backups and the latest backup of each of the last day_backups days', async () => {
    const { vaultId } = await protectedDisk({ max_backups: 2, day_backups: 4, timezone: 'UTC+00:00' }, ['FREQ=DAILY;INTERVAL=1;BYHOUR=2,14;BYMINUTE=00']);
    await control(client, 'POST', '/clock/advance', { ms: 10 * DAY });
    const at = (d: number, h: number) => start - HOUR + d * DAY + h * HOUR;
    expect(created(await backups(client, { vault_id: vaultId }))).toEqual([at(6, 14), at(7, 14), at(8, 14), at(9, 2), at(9, 14)]);
  });

  it('stops firing when the policy is disabled and follows a changed schedule', async () => {
    const { vaultId, policyId } = await protectedDisk({ max_backups: 10 });
    await control(client, 'POST', '/clock/advance', { ms: 2 * DAY });
    expect(await backups(client, { vault_id: vaultId })).toHaveLength(2);
    await cbr(client, 'PUT', `/v3/{pid}/policies/${policyId}`, { body: { policy: { enabled: false } } });
    await control(client, 'POST', '/clock/advance', { ms: 3 * DAY });
    expect(await backups(client, { vault_id: vaultId })).toHaveLength(2);
    // Weekly on Mondays only, from now on: at most one firing in any seven days.
    await cbr(client, 'PUT', `/v3/{pid}/policies/${policyId}`, { body: { policy: { enabled: true, trigger: { properties: { pattern: ['FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=00'] } } } } });
    await control(client, 'POST', '/clock/advance', { ms: 7 * DAY });
    const list = await backups(client, { vault_id: vaultId });
    expect(list).toHaveLength(3);
    expect(new Date(Date.parse(list[0].created_at)).getUTCDay()).toBe(1);
  });
});
