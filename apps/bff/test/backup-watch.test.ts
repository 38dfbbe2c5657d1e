import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallPage } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';
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

describe('backups made outside the console', () => {
  it('become resource events for the browsers watching: a policy run, then a deletion', async () => {
    const stream = await SseClient.open(http.url, c.viewer.cookie);
    try {
      const clients = c.ctx.cloud.forProfile(c.ctx.profiles.all()[0]!);
      await c.ctx.backupWatch.tick(); // learns what exists: nothing to announce
      expect(backupEvents(stream)).toEqual([]);

      // the demo's nightly VBS policy runs on its own, as the cloud would at 18:00 UTC
      const nightly = (await clients.vbs.listBackupPolicies()).data.backup_policies.find((p) => p.backup_policy_name === 'legacy-nightly')!;
      const before = new Set(((await clients.vbs.listBackups({ limit: 100 })).data.backups ?? []).map((b) => b.id));
      await clients.vbs.executeBackupPolicy(nightly.backup_policy_id);
      let made: string[] = [];
      for (let i = 0; i < 100 && made.length < 2; i++) {
        made = ((await clients.vbs.listBackups({ limit: 100 })).data.backups ?? []).filter((b) => !before.has(b.id) && b.status === 'available').map((b) => b.id);
        if (made.length < 2) await new Promise((r) => setTimeout(r, 20));
      }
      expect(made).toHaveLength(2);

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
});
