import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreatePolicySchema, scheduleIssues, type Policy } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const DAILY = 'FREQ=DAILY;INTERVAL=1;BYHOUR=14;BYMINUTE=00';

describe('schedule rules (shared with the SPA editor)', () => {
  it.each([
    [['FREQ=MONTHLY;BYHOUR=1;BYMINUTE=00'], 'schedule.0', 'FREQ must be WEEKLY or DAILY'],
    [['FREQ=DAILY;BYHOUR=25;BYMINUTE=00'], 'schedule.0', 'BYHOUR takes numbers from 0 to 23, comma-separated'],
    [['FREQ=DAILY;BYHOUR=1'], 'schedule.0', 'BYHOUR and BYMINUTE are required (UTC)'],
    [['FREQ=WEEKLY;BYHOUR=1;BYMINUTE=00'], 'schedule.0', 'FREQ=WEEKLY needs BYDAY, e.g. BYDAY=MO,WE,FR'],
    [['FREQ=WEEKLY;BYDAY=XX;BYHOUR=1;BYMINUTE=00'], 'schedule.0', 'BYDAY XX is not one of MO, TU, WE, TH, FR, SA, SU'],
    [['FREQ=DAILY;BYDAY=MO;BYHOUR=1;BYMINUTE=00'], 'schedule.0', 'FREQ=DAILY takes no BYDAY; use FREQ=WEEKLY to pick days'],
    [['FREQ=DAILY;COUNT=3;BYHOUR=1;BYMINUTE=00'], 'schedule.0', 'COUNT is not supported; use only FREQ, BYDAY, BYHOUR, BYMINUTE, INTERVAL'],
    [[DAILY, 'FREQ=DAILY;BYHOUR=14;BYMINUTE=30'], 'schedule', 'backup times must be at least one hour apart; 14:00 and 14:30 UTC are not'],
    [['FREQ=DAILY;BYHOUR=0;BYMINUTE=00', 'FREQ=DAILY;BYHOUR=23;BYMINUTE=30'], 'schedule', 'backup times must be at least one hour apart; 23:30 and 00:00 UTC are not'],
    [['FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12;BYMINUTE=00,30'], 'schedule', 'at most 24 backup times a day; this schedule has 26'],
    [[], 'schedule', 'add at least one backup time'],
  ])('refuses %j at %s', async (schedule, path, message) => {
    const res = await c.operator.send('post', '/api/v1/policies', { name: 'bad', schedule, retention: { maxBackups: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path, message }]);
  });

  it('accepts 24 hourly times and a weekly rule', () => {
    const hourly = `FREQ=DAILY;INTERVAL=1;BYHOUR=${Array.from({ length: 24 }, (_, i) => i).join(',')};BYMINUTE=00`;
    expect(scheduleIssues([hourly])).toEqual([]);
    expect(scheduleIssues(['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00'])).toEqual([]);
    expect(scheduleIssues([hourly, 'FREQ=DAILY;BYHOUR=5;BYMINUTE=30'])).toHaveLength(1);
  });
});

describe('retention rules', () => {
  it.each([
    [{ maxBackups: 3, retentionDays: 7 }, 'retention.retentionDays', 'keep backups either for a number of days or up to a number of backups, not both'],
    [{ retentionDays: 7, dayBackups: 3, timezone: 'UTC+08:00' }, 'retention.retentionDays', 'a number of days cannot be combined with dayBackups'],
    [{ weekBackups: 4 }, 'retention.timezone', 'needed with day/week/month/year counts: say where a day begins'],
    [{ maxBackups: 3, timezone: 'UTC+08:00' }, 'retention.timezone', 'only used with day/week/month/year counts; leave it empty'],
    [{ dayBackups: 0, timezone: 'UTC+08:00' }, 'retention.dayBackups', 'keep at least one daily, weekly, monthly or yearly backup'],
    [{ maxBackups: 100_000 }, 'retention.maxBackups', 'at most 99999'],
    [{ monthBackups: 101, timezone: 'UTC+08:00' }, 'retention.monthBackups', 'at most 100'],
    [{ weekBackups: 2, timezone: 'GMT+8' }, 'retention.timezone', 'a zone like UTC+08:00 or UTC-05:00'],
  ])('refuses %j at %s', (retention, path, message) => {
    const r = CreatePolicySchema.safeParse({ name: 'p', schedule: [DAILY], retention });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual([{ path, message }]);
  });

  it('refuses through the API with the field named', async () => {
    const res = await c.operator.send('post', '/api/v1/policies', { name: 'bad', schedule: [DAILY], retention: { maxBackups: 3, retentionDays: 7 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'retention.retentionDays', message: 'keep backups either for a number of days or up to a number of backups, not both' }]);
  });
});

describe('policies', () => {
  it('creates, reads, switches retention, disables and deletes a policy', async () => {
    const res = await c.operator.send('post', '/api/v1/policies', { name: 'nightly_2', schedule: [DAILY], retention: { maxBackups: 5, weekBackups: 4, timezone: 'UTC+08:00' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body.policy as Policy;
    expect(p).toEqual({ id: expect.any(String), name: 'nightly_2', enabled: true, type: 'backup', schedule: [DAILY], scheduleStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), retention: { maxBackups: 5, weekBackups: 4, timezone: 'UTC+08:00' }, vaultIds: [] });
    expect(res.body.task.status).toBe('succeeded');
    expect((await c.viewer.get(`/api/v1/policies/${p.id}`)).body).toEqual(p);

    // Switching rule kinds: every field is sent, so the old count does not linger and clash.
    const days = await c.operator.send('patch', `/api/v1/policies/${p.id}`, { retention: { retentionDays: 30 } });
    expect(days.status, JSON.stringify(days.body)).toBe(200);
    expect(days.body.policy.retention).toEqual({ retentionDays: 30 });

    const off = await c.operator.send('patch', `/api/v1/policies/${p.id}`, { enabled: false });
    expect(off.body.policy).toMatchObject({ enabled: false, retention: { retentionDays: 30 }, schedule: [DAILY] });

    const del = await c.operator.send('delete', `/api/v1/policies/${p.id}`);
    expect(del.status).toBe(200);
    expect((await c.viewer.get(`/api/v1/policies/${p.id}`)).status).toBe(404);
  });

  it('lists the policies of a vault', async () => {
    const all = (await c.viewer.get('/api/v1/policies')).body.items as Policy[];
    const daily = all.find((p) => p.name === 'daily-18utc')!;
    expect(daily.vaultIds).toHaveLength(1);
    const ofVault = (await c.viewer.get(`/api/v1/policies?vaultId=${daily.vaultIds[0]}`)).body.items as Policy[];
    expect(ofVault.map((p) => p.name)).toEqual(['daily-18utc']);
    expect(all.find((p) => p.name === 'paused-monthly')).toMatchObject({ enabled: false, retention: { retentionDays: 30 } });
  });
});
