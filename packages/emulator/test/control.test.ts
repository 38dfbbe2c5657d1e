import { describe, expect, it } from 'vitest';
import { DEMO_SERVERS } from '../src/index.ts';
import { control, createDisks, useTestEmulator, type Json } from './helpers.ts';

const client = useTestEmulator();

describe('control API', () => {
  it('describes the instance without the SK', async () => {
    const r = await control(client, 'GET', '/info');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ region: 'cn-north-4', projectId: client.projectId, ak: client.creds.ak, endpoints: client.emulator.info.endpoints });
    expect(r.text).not.toContain(client.creds.sk);
  });

  it('seeds the demo set: every kind of state, attachments to fixed servers, snapshots, tags, a transfer', async () => {
    const seeded = await control(client, 'POST', '/seed');
    expect(seeded.status).toBe(201);
    const state = (await control(client, 'GET', '/state')).body;
    expect(state.volumes).toMatchObject({ available: expect.any(Number), 'in-use': 5, error: 1, error_extending: 1, 'awaiting-transfer': 1 });
    expect(state.snapshots).toEqual({ available: 3, error: 1 });
    expect(state.transfers).toBe(1);
    const types = new Set((await client.evs('GET', '/v2/{pid}/cloudvolumes/detail')).body.volumes.map((v: Json) => v.volume_type));
    expect([...types].sort()).toEqual(['ESSD', 'ESSD2', 'GPSSD', 'GPSSD2', 'SAS', 'SATA', 'SSD']);
    const web = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { server_id: DEMO_SERVERS['web-01'] } });
    expect(web.body.count).toBe(3);
    const shared = web.body.volumes.find((v: Json) => v.name === 'shared-logs');
    expect(shared.attachments.map((a: Json) => a.server_id).sort()).toEqual(Object.values(DEMO_SERVERS).sort());
    expect(Object.keys((await client.evs('GET', '/v2/{pid}/cloudvolumes/tags')).body.tags)).toContain('env');
  });

  it('seeds at scale and pages through it', async () => {
    const r = await client.call('POST', '/__emulator/seed', { auth: 'none', query: { disks: '2500' } });
    expect(r.status).toBe(201);
    const page = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { limit: '100', offset: '1200' } });
    expect(page.body.count).toBe(2500);
    expect(page.body.volumes).toHaveLength(100);
    const q = await client.evs('GET', '/v2/{pid}/os-quota-sets/{pid}', { query: { usage: 'True' } });
    expect(q.body.quota_set.volumes.in_use).toBe(2500);
    expect(q.body.quota_set.volumes.limit).toBeGreaterThanOrEqual(2500);
    expect((await client.call('POST', '/__emulator/seed', { auth: 'none', query: { disks: 'lots' } })).status).toBe(400);
  });

  it('resets to an empty store', async () => {
    await control(client, 'POST', '/seed');
    await control(client, 'POST', '/reset');
    expect((await client.evs('GET', '/v2/{pid}/cloudvolumes/detail')).body.count).toBe(0);
    expect((await control(client, 'GET', '/state')).body.jobs).toEqual({});
    const again = await client.call('POST', '/__emulator/reset', { auth: 'none', query: { seed: 'demo' } });
    expect(again.body.seeded).toBe('demo');
  });

  it('shows raw tables and refuses unknown ones', async () => {
    await createDisks(client, { name: 'raw' });
    const r = await control(client, 'GET', '/state/volumes');
    expect(r.body.total).toBe(1);
    expect(r.body.rows[0]).toMatchObject({ name: 'raw', tags: {}, hidden: 0 });
    expect((await control(client, 'GET', '/state/secrets')).status).toBe(404);
  });

  it('freezes, advances and resumes the clock; changes the speed', async () => {
    const frozen = await control(client, 'POST', '/clock/freeze');
    expect(frozen.body.frozen).toBe(true);
    const t0 = Date.parse(frozen.body.now);
    const later = await control(client, 'POST', '/clock/advance', { seconds: 90 });
    expect(Date.parse(later.body.now) - t0).toBe(90_000);
    expect(Date.parse((await control(client, 'GET', '/clock')).body.now)).toBe(t0 + 90_000);
    expect((await control(client, 'POST', '/clock/advance', { ms: -5 })).status).toBe(400);
    expect((await control(client, 'POST', '/clock/resume')).body.frozen).toBe(false);
    expect((await control(client, 'PUT', '/clock', { speed: 10 })).body.speed).toBe(10);
    expect((await control(client, 'PUT', '/clock', { speed: 'warp' })).status).toBe(400);
    await control(client, 'PUT', '/clock', { speed: 'instant' });
  });
});

describe('fault injection', () => {
  it('fails a share of requests of one operation with the chosen status and code, then stops', async () => {
    const added = await control(client, 'POST', '/faults', { kind: 'error', service: 'evs', operation: 'ListVolumes', rate: 1, status: 503, code: 'EVS.5503', message: 'Service unavailable.', count: 2 });
    expect(added.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const r = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail');
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ error: { code: 'EVS.5503', message: 'Service unavailable.' } });
    }
    expect((await client.evs('GET', '/v2/{pid}/cloudvolumes/detail')).status).toBe(200);
    expect((await control(client, 'GET', '/faults')).body.faults).toEqual([]);
  });

  it('leaves other operations and rate 0 alone, and can be removed', async () => {
    const f = (await control(client, 'POST', '/faults', { kind: 'error', operation: 'CreateVolume', status: 500, code: 'EVS.5500' })).body.fault;
    await control(client, 'POST', '/faults', { kind: 'error', operation: 'ListVolumes', rate: 0, status: 500 });
    expect((await client.evs('GET', '/v2/{pid}/cloudvolumes/detail')).status).toBe(200);
    expect((await client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: {} } })).status).toBe(500);
    expect((await client.call('DELETE', `/__emulator/faults/${f.id}`, { auth: 'none' })).status).toBe(204);
    expect((await client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: {} } })).status).toBe(400);
    expect((await control(client, 'POST', '/faults', { kind: 'chaos' })).status).toBe(400);
    expect((await control(client, 'POST', '/faults', { kind: 'error', rate: 2 })).status).toBe(400);
  });

  it('adds latency to matching requests', async () => {
    await control(client, 'POST', '/faults', { kind: 'latency', operation: 'ShowJob', fixedMs: 150, jitterMs: 20 });
    const { jobId } = await createDisks(client, {});
    const started = performance.now();
    expect((await client.evs('GET', `/v1/{pid}/jobs/${jobId}`)).status).toBe(200);
    // A lower bound only: a slow machine can make the call longer, never shorter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('makes the next job of a type fail with the chosen code; the disk ends in error', async () => {
    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'createVolume', code: 'EVS.2001', message: 'no capacity left' });
    const { jobId, ids } = await createDisks(client, {});
    const job = (await client.evs('GET', `/v1/{pid}/jobs/${jobId}`)).body;
    expect(job).toMatchObject({ status: 'FAIL', error_code: 'EVS.2001', fail_reason: 'no capacity left' });
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${ids[0]}`)).body.volume.status).toBe('error');
    const next = await createDisks(client, {});
    expect((await client.evs('GET', `/v1/{pid}/jobs/${next.jobId}`)).body.status).toBe('SUCCESS');

    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'createVolume', code: 'EVS.2001' });
    const batch = await createDisks(client, { count: 3 });
    const parent = (await client.evs('GET', `/v1/{pid}/jobs/${batch.jobId}`)).body;
    expect(parent.status).toBe('FAIL');
    expect(parent.entities.sub_jobs.map((s: Json) => s.status)).toEqual(['FAIL', 'SUCCESS', 'SUCCESS']);

    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'extendVolume', code: 'EVS.2026' });
    const r = await client.evs('POST', `/v2.1/{pid}/cloudvolumes/${ids[0]}/action`, { body: { 'os-extend': { new_size: 20 } } });
    expect(r.body.error.code).toBe('EVS.1064');
    const fine = next.ids[0]!;
    const ext = await client.evs('POST', `/v2.1/{pid}/cloudvolumes/${fine}/action`, { body: { 'os-extend': { new_size: 20 } } });
    expect((await client.evs('GET', `/v1/{pid}/jobs/${ext.body.job_id}`)).body.status).toBe('FAIL');
    const v = (await client.evs('GET', `/v2/{pid}/cloudvolumes/${fine}`)).body.volume;
    expect([v.status, v.size]).toEqual(['error_extending', 10]);
  });

  it('answers unknown jobs with Common.0011', async () => {
    const r = await client.evs('GET', '/v1/{pid}/jobs/ff80808288d41e1b018b0000deadbeef');
    expect([r.status, r.body.error.code]).toEqual([400, 'Common.0011']);
  });
});
