import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallPage } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';
import { BackupWatch, deletedSince } from '../src/watch/backups.ts';
import { listen, SseClient } from './sse.ts';

let c: ConsoleOnEmulator;
let http: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
  http = await listen(c.app);
});
afterAll(async () => {
  await http.close();
  await c.close();
});
beforeEach(() => c.reset());

const backupEvents = (s: SseClient) =>
  s.messages.filter((m) => m.event === 'resource').map((m) => JSON.parse(m.data) as { resource: { type: string; id: string; name?: string }; status: string }).filter((e) => e.resource.type === 'backup');

const cloudCalls = async () => ((await c.admin.get('/api/v1/calls?limit=200')).body as CallPage).items;

/** A watch of its own over the console's profiles, viewers and event bus, on a clock the test may move. */
const watchOf = (intervalMs: number, now?: () => number) =>
  new BackupWatch({ viewers: c.ctx.viewers, profiles: c.ctx.profiles, bus: c.ctx.bus, clients: (p) => c.ctx.cloud.forProfile(p), log: c.ctx.log }, intervalMs, now);

/** The demo's nightly VBS policy run now, as the cloud would at 18:00 UTC; the ids of its two finished backups. */
async function runNightlyPolicy(): Promise<string[]> {
  const clients = c.ctx.cloud.forProfile(c.ctx.profiles.all()[0]!);
  const nightly = (await clients.vbs.listBackupPolicies()).data.backup_policies.find((p) => p.backup_policy_name === 'legacy-nightly')!;
  const before = new Set(((await clients.vbs.listBackups({ limit: 100 })).data.backups ?? []).map((b) => b.id));
  await clients.vbs.executeBackupPolicy(nightly.backup_policy_id);
  let made: string[] = [];
  for (let i = 0; i < 100 && made.length < 2; i++) {
    made = ((await clients.vbs.listBackups({ limit: 100 })).data.backups ?? []).filter((b) => !before.has(b.id) && b.status === 'available').map((b) => b.id);
    if (made.length < 2) await new Promise((r) => setTimeout(r, 20));
  }
  expect(made).toHaveLength(2);
  return made;
}

describe('backups made outside the console', () => {
  it('become resource events for the browsers watching: a policy run, then a deletion', async () => {
    const stream = await SseClient.open(http.url, c.viewer.cookie);
    try {
      const clients = c.ctx.cloud.forProfile(c.ctx.profiles.all()[0]!);
      await c.ctx.backupWatch.tick(); // learns what exists: nothing to announce
      expect(backupEvents(stream)).toEqual([]);

      // the demo's nightly VBS policy runs on its own
      const made = await runNightlyPolicy();

      await c.ctx.backupWatch.tick();
      await stream.until(() => made.every((id) => backupEvents(stream).some((e) => e.resource.id === id)));
      expect(backupEvents(stream).filter((e) => made.includes(e.resource.id)).map((e) => e.status)).toEqual(['available', 'available']);

      // nothing changed: nothing more is said
      const said = backupEvents(stream).length;
      await c.ctx.backupWatch.tick();
      expect(backupEvents(stream)).toHaveLength(said);

      await clients.vbs.deleteBackup(made[0]!);
      for (let i = 0; i < 100; i++) {
        if (!((await clients.vbs.listBackups({ limit: 100 })).data.backups ?? []).some((b) => b.id === made[0])) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.ctx.backupWatch.tick();
      await stream.until(() => backupEvents(stream).some((e) => e.resource.id === made[0] && e.status === 'deleted'));
    } finally {
      stream.close();
    }
  });

  it('lists backups only while someone has the console open, once per service however many do', async () => {
    const streams = await Promise.all([c.viewer, c.operator, c.admin, c.viewer].map((u) => SseClient.open(http.url, u.cookie)));
    const listed = async () => (await cloudCalls()).filter((x) => x.method === 'GET' && /\/backups(\/detail)?$/.test(x.path)).length;
    const start = await listed();
    await c.ctx.backupWatch.tick();
    // one CBR and one VBS list for the one profile all four look at
    expect((await listed()) - start).toBe(2);

    for (const s of streams) s.close();
    for (let i = 0; i < 100 && c.ctx.viewers.users().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(c.ctx.viewers.users()).toEqual([]);
    const idle = await listed();
    await c.ctx.backupWatch.tick();
    expect(await listed()).toBe(idle);
  });

  it('keeps what it knew while a page loads, so a backup made meanwhile is announced; forgets a profile left alone', async () => {
    let clock = 0;
    const watch = watchOf(0, () => clock);
    const leaveAll = async (s: SseClient) => {
      s.close();
      for (let i = 0; i < 100 && c.ctx.viewers.users().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(c.ctx.viewers.users()).toEqual([]);
    };

    let stream = await SseClient.open(http.url, c.viewer.cookie);
    await watch.tick();
    // the page navigates: its stream closes, a look runs in the gap, the new page's stream opens
    await leaveAll(stream);
    clock += 5_000;
    await watch.tick();
    const made = await runNightlyPolicy();
    stream = await SseClient.open(http.url, c.viewer.cookie);
    try {
      await watch.tick();
      await stream.until(() => made.every((id) => backupEvents(stream).some((e) => e.resource.id === id)));
    } finally {
      await leaveAll(stream);
    }

    // nobody looked for minutes: what changed meanwhile is not news, the next page load shows it
    clock += 10 * 60_000;
    await watch.tick();
    await runNightlyPolicy();
    stream = await SseClient.open(http.url, c.viewer.cookie);
    try {
      await watch.tick();
      await watch.tick();
      expect(backupEvents(stream)).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('takes its first look at a profile as soon as someone opens it, not a period later', async () => {
    const watch = watchOf(3_600_000);
    watch.start();
    const listed = async () => (await cloudCalls()).filter((x) => x.method === 'GET' && /\/backups(\/detail)?$/.test(x.path)).length;
    const start = await listed();
    const streams: SseClient[] = [];
    try {
      streams.push(await SseClient.open(http.url, c.viewer.cookie));
      for (let i = 0; i < 100 && (await listed()) - start < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect((await listed()) - start).toBe(2);
      // the profile is known now: a second browser does not cost another look
      streams.push(await SseClient.open(http.url, c.operator.cookie));
      await new Promise((r) => setTimeout(r, 200));
      expect((await listed()) - start).toBe(2);
    } finally {
      for (const s of streams) s.close();
      await watch.stop();
    }
  });
});

describe('telling deleted backups from ones that left the window', () => {
  const seen = (entries: [string, number | undefined][]) => new Map(entries.map(([id, createdMs]) => [id, { name: id, status: 'available', ...(createdMs === undefined ? {} : { createdMs }) }]));
  const ids = (pairs: [string, unknown][]) => pairs.map(([id]) => id);

  it('with every backup listed, any that is missing was deleted', () => {
    expect(ids(deletedSince(seen([['a', 1], ['b', 2], ['c', 3]]), { backups: seen([['a', 1], ['c', 3]]), complete: true }))).toEqual(['b']);
  });

  it('with only the newest listed, one newer than the oldest listed was deleted; older ones were pushed out', () => {
    const before = seen([['old', 10], ['mid', 20], ['new', 30], ['newest', 40]]);
    // a three-wide window: 'new' is gone though older ones are still listed
    expect(ids(deletedSince(before, { backups: seen([['newest', 40], ['mid', 20], ['old', 10]]), complete: false }))).toEqual(['new']);
    // two backups arrived and pushed the three older ones out: nothing says they were deleted
    expect(ids(deletedSince(before, { backups: seen([['x', 60], ['y', 50], ['newest', 40]]), complete: false }))).toEqual([]);
  });

  it('without creation times (the VBS list has no order) an incomplete window says nothing of deletions', () => {
    expect(deletedSince(seen([['a', undefined], ['b', undefined]]), { backups: seen([['a', undefined]]), complete: false })).toEqual([]);
  });
});
