import { describe, expect, it } from 'vitest';
import { emulatorProcesses, until } from './processes.ts';
import { startEmulator, type RunningEmulator } from '../src/index.ts';
import { AZ, Client, type Json } from './helpers.ts';

const { start, tempDir } = emulatorProcesses('2');

describe('persistence', () => {
  it('kill -9 in the middle of a create: after a restart the disk is available and the job SUCCESS', async () => {
    const { client, crash, restart } = await start();
    const created = await client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SSD', size: 10, name: 'survivor', count: 2 } } });
    expect(created.status).toBe(202);
    const job = () => client.evs('GET', `/v1/{pid}/jobs/${created.body.job_id}`);
    await until(job, (r) => r.body.status === 'RUNNING', 'the job to run');
    await crash();

    await restart();
    const done = await until(job, (r) => r.body.status === 'SUCCESS', 'the job to finish after the restart');
    expect(done.body.entities.sub_jobs.map((s: Json) => s.status)).toEqual(['SUCCESS', 'SUCCESS']);
    for (const id of created.body.volume_ids) {
      const v = await client.evs('GET', `/v2/{pid}/cloudvolumes/${id}`);
      expect(v.body.volume).toMatchObject({ status: 'available', name: expect.stringMatching(/^survivor-000[12]$/) });
    }
    // The demo set was seeded on the first start only.
    const names = (await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { name: 'web-01-data' } })).body.volumes;
    expect(names).toHaveLength(1);
    await crash();
  }, 60_000);

  it('keeps everything acknowledged across a clean restart, tokens included', async () => {
    const dir = tempDir();
    let emulator: RunningEmulator = await startEmulator({ port: 0, dataDir: dir, speed: 'instant', quiet: true });
    let client = new Client(emulator);
    const token = await client.token();
    const r = await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.b, volume_type: 'GPSSD', size: 30, name: 'kept' } } });
    const id = r.body.volume.id;
    await client.evs('POST', `/v2/{pid}/volumes/${id}/metadata`, { body: { metadata: { owner: 'qa' } } });
    await emulator.close();

    emulator = await startEmulator({ port: 0, dataDir: dir, speed: 'instant', quiet: true });
    client = new Client(emulator);
    const v = await client.evs('GET', `/v2/{pid}/volumes/${id}`, { auth: 'none', headers: { 'X-Auth-Token': token } });
    expect(v.status).toBe(200);
    expect(v.body.volume).toMatchObject({ name: 'kept', status: 'available', metadata: { owner: 'qa' } });
    await emulator.close();
  });
});
