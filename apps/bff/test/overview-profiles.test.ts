import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorDefaults, startEmulator, type RunningEmulator } from '@console/emulator';
import type { Overview } from '@console/contract';
import { emulatorProfile } from '../src/profiles/index.ts';
import { loginAs, makeApp } from './helpers.ts';

// Two cloud accounts: the demo one and an empty one, each behind its own emulator. What the
// overview and search show follows the profile the user works in, and the choice outlives the session.

let demo: RunningEmulator;
let empty: RunningEmulator;
beforeAll(async () => {
  [demo, empty] = await Promise.all([
    startEmulator({ port: 0, dbPath: ':memory:', speed: 'instant', seed: 'demo', quiet: true }),
    startEmulator({ port: 0, dbPath: ':memory:', speed: 'instant', seed: 'none', quiet: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([demo.close(), empty.close()]);
});

const profileOf = (e: RunningEmulator, id: string, name: string) => ({
  ...emulatorProfile({ url: e.url, region: e.info.region, projectId: e.info.projectId, ak: e.info.ak, sk: emulatorDefaults.sk }),
  id,
  name,
});

describe('overview per profile', () => {
  it('counts the active profile only, and the switch is remembered for the next session', async () => {
    const { app, ctx } = await makeApp({ profiles: [profileOf(demo, 'demo', 'Demo account'), profileOf(empty, 'empty', 'Empty account')] });
    const admin = await loginAs(app);
    const before = (await admin.get('/api/v1/overview')).body as Overview;
    expect(before.disks!.total).toBeGreaterThan(0);
    const name = (await admin.get('/api/v1/disks?limit=1')).body.items[0].name as string;
    expect((await admin.get(`/api/v1/search?q=${encodeURIComponent(name)}`)).body.items.length).toBeGreaterThan(0);

    expect((await admin.send('put', '/api/v1/me/profile', { profileId: 'empty' })).status).toBe(200);
    const after = (await admin.get('/api/v1/overview')).body as Overview;
    expect(after.disks).toMatchObject({ total: 0, byStatus: {}, byType: [], sizeGiB: 0 });
    expect(after.servers!.total).toBe(0);
    expect((await admin.get(`/api/v1/search?q=${encodeURIComponent(name)}`)).body.items).toEqual([]);

    const again = await loginAs(app);
    expect((await again.get('/api/v1/me')).body.profile.id).toBe('empty');
    expect(((await again.get('/api/v1/overview')).body as Overview).disks!.total).toBe(0);
    ctx.db.close();
  });
});
