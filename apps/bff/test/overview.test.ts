import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OverviewSchema, backupSuccessRate, type Backup, type Disk, type EcsQuotas, type EvsQuotas, type Overview, type Server, type Vault } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());
beforeEach(() => c.reset());

const overview = async (): Promise<Overview> => {
  const res = await c.viewer.get('/api/v1/overview');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return OverviewSchema.parse(res.body);
};

const tally = (values: string[]) => values.reduce<Record<string, number>>((out, v) => ({ ...out, [v]: (out[v] ?? 0) + 1 }), {});

describe('overview', () => {
  it('counts what the lists of the same profile show', async () => {
    const o = await overview();
    expect(o.errors).toEqual({});

    const disks = (await c.viewer.get('/api/v1/disks?limit=1000')).body as { items: Disk[]; total: number };
    expect(o.disks!.total).toBe(disks.total);
    expect(o.disks!.total).toBeGreaterThan(0);
    expect(o.disks!.byStatus).toEqual(tally(disks.items.map((d) => d.status)));
    const sizeByType = disks.items.reduce<Record<string, number>>((out, d) => ({ ...out, [d.type]: (out[d.type] ?? 0) + d.sizeGiB }), {});
    expect(Object.fromEntries(o.disks!.byType.map((t) => [t.type, t.sizeGiB]))).toEqual(sizeByType);
    expect(o.disks!.sizeGiB).toBe(disks.items.reduce((n, d) => n + d.sizeGiB, 0));
    // largest first, for the chart
    expect(o.disks!.byType.map((t) => t.sizeGiB)).toEqual([...o.disks!.byType.map((t) => t.sizeGiB)].sort((a, b) => b - a));

    const servers = ((await c.viewer.get('/api/v1/servers?limit=1000')).body as { items: Server[] }).items;
    expect(o.servers).toEqual({ total: servers.length, byStatus: tally(servers.map((s) => s.status)) });

    const snapshots = (await c.viewer.get('/api/v1/snapshots?limit=1')).body as { total: number };
    expect(o.snapshots!.total).toBe(snapshots.total);

    const vaults = (await c.viewer.get('/api/v1/vaults?limit=1000')).body as { items: Vault[]; total: number };
    expect(o.vaults!.total).toBe(vaults.total);
    expect(o.vaults!.items.map((v) => v.id).sort()).toEqual(vaults.items.map((v) => v.id).sort());
    const fullest = [...vaults.items].sort((a, b) => b.capacity.usedGiB - a.capacity.usedGiB)[0]!;
    expect(o.vaults!.items[0]).toMatchObject({ name: fullest.name, usedGiB: fullest.capacity.usedGiB, sizeGiB: fullest.capacity.sizeGiB });

    const evs = (await c.viewer.get('/api/v1/quotas/evs')).body as EvsQuotas;
    const ecs = (await c.viewer.get('/api/v1/quotas/ecs')).body as EcsQuotas;
    expect(o.evsQuotas).toEqual(evs);
    expect(o.ecsQuotas).toEqual(ecs);
  });

  it('counts the backups of the last 24 hours as the backup list filtered the same way', async () => {
    const o = await overview();
    const since = encodeURIComponent(o.backups!.since);
    expect(Date.parse(o.generatedAt) - Date.parse(o.backups!.since)).toBe(24 * 3_600_000);
    const list = async (status?: string) => ((await c.viewer.get(`/api/v1/backups?limit=1000&since=${since}${status ? `&status=${status}` : ''}`)).body as { items: Backup[]; total: number }).total;
    expect(o.backups).toMatchObject({ total: await list(), succeeded: await list('available'), failed: await list('error') });
    expect(o.backups!.total).toBe(o.backups!.succeeded + o.backups!.failed + o.backups!.other);
  });

  it('follows changes: a new disk is counted by status, type and capacity', async () => {
    const before = await overview();
    const zone = ((await c.viewer.get('/api/v1/availability-zones')).body as { items: { name: string }[] }).items[0]!.name;
    const created = await c.operator.send('post', '/api/v1/disks', { name: 'overview-new', availabilityZone: zone, type: 'SSD', sizeGiB: 37 });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    expect((await c.settled(created.body.task.id)).status).toBe('succeeded');
    const after = await overview();
    expect(after.disks!.total).toBe(before.disks!.total + 1);
    expect(after.disks!.byStatus.available).toBe((before.disks!.byStatus.available ?? 0) + 1);
    const ssd = (o: Overview) => o.disks!.byType.find((t) => t.type === 'SSD') ?? { count: 0, sizeGiB: 0 };
    expect(ssd(after)).toMatchObject({ count: ssd(before).count + 1, sizeGiB: ssd(before).sizeGiB + 37 });
  });

  it('keeps the other parts when one service fails, naming the failure', async () => {
    const fault = await c.control('POST', '/faults', { kind: 'error', service: 'cbr', operation: 'ListVault', status: 500, code: 'BackupService.9999', message: 'vault store down' });
    expect(fault.status, JSON.stringify(fault.body)).toBeLessThan(300);
    const o = await overview();
    expect(o.vaults).toBeUndefined();
    expect(o.errors.vaults).toMatchObject({ code: 'BackupService.9999' });
    expect(o.disks!.total).toBeGreaterThan(0);
    expect(o.backups).toBeDefined();
  });

  it('is open to viewers and closed without a session', async () => {
    const { default: request } = await import('supertest');
    expect((await request(c.app).get('/api/v1/overview')).status).toBe(401);
  });
});

describe('backupSuccessRate', () => {
  it('is the share of finished backups that succeeded, and undefined when none finished', () => {
    expect(backupSuccessRate({ succeeded: 3, failed: 1 })).toBe(75);
    expect(backupSuccessRate({ succeeded: 2, failed: 1 })).toBe(66.7);
    expect(backupSuccessRate({ succeeded: 0, failed: 0 })).toBeUndefined();
  });
});
