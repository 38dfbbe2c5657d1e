import { setTimeout as delay } from 'node:timers/promises';
import { emulatorDefaults, startEmulator, type RunningEmulator } from '@console/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloudError, createCloudClients, normalizeJob, SERVICE_NAMES, type CallRecord, type CloudClients, type CloudProfile,
  type NormalizedJob, type ServiceName,
} from '../src/index.ts';

let emulator: RunningEmulator;
let cloud: CloudClients;
let profile: CloudProfile;
const records: CallRecord[] = [];

function profileOf(running: RunningEmulator, sk: string): CloudProfile {
  const endpoints = {} as Record<ServiceName, string>;
  // Every service sits under its own prefix of the one emulator URL.
  for (const service of SERVICE_NAMES) endpoints[service] = `${running.url}/${service}`;
  return { region: running.info.region, projectId: running.info.projectId, credentials: { ak: running.info.ak, sk }, endpoints };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dbPath: ':memory:', speed: 'instant', seed: 'demo', quiet: true });
  profile = profileOf(emulator, emulatorDefaults.sk);
  cloud = createCloudClients(profile, { onCall: (r) => records.push(r) });
});

afterAll(async () => {
  await emulator?.close();
});

/** Polls the job the way the task tracker will; bounded by a count, not by a clock. */
async function pollJob(jobId: string): Promise<NormalizedJob> {
  for (let i = 0; i < 200; i++) {
    const job = normalizeJob((await cloud.evs.showJob(jobId)).data);
    if (job.finished) return job;
    await delay(25);
  }
  throw new Error(`job ${jobId} did not finish`);
}

describe('EvsClient against the emulator', () => {
  it('lists the demo disks with a total count and request ids', async () => {
    const res = await cloud.evs.listDisks({ limit: 5 });
    expect(res.status).toBe(200);
    expect(res.data.count).toBeGreaterThan(5);
    expect(res.data.volumes).toHaveLength(5);
    expect(res.data.volumes[0]).toMatchObject({ id: expect.any(String), status: expect.any(String), size: expect.any(Number) });
    expect(res.requestId).toBeTruthy();
  });

  it('creates a disk and polls its job to SUCCESS, after which the disk is available', async () => {
    const zones = (await cloud.evs.listAvailabilityZones()).data.availabilityZoneInfo.filter((z) => z.zoneState.available);
    const zone = zones[0]?.zoneName;
    expect(zone).toBeTruthy();

    const created = await cloud.evs.createDisks(
      { volume: { availability_zone: zone as string, volume_type: 'SSD', size: 20, name: 'cloud-client-it', tags: { origin: 'it' } } },
      { clientToken: '2b1f6c1e-8d0a-4f3b-9c5e-7a6d4e3f2a10' },
    );
    expect(created.status).toBe(202);
    const jobId = created.data.job_id;
    expect(jobId).toBeTruthy();
    expect(created.data.volume_ids).toHaveLength(1);

    const job = await pollJob(jobId as string);
    expect(job.status).toBe('SUCCESS');
    expect(job.failReason).toBeUndefined();

    const volumeId = created.data.volume_ids?.[0] as string;
    const disk = (await cloud.evs.showDisk(volumeId)).data.volume;
    expect(disk).toMatchObject({ id: volumeId, name: 'cloud-client-it', size: 20, volume_type: 'SSD', status: 'available' });

    const listed = await cloud.evs.listDisks({ name: 'cloud-client-it' });
    expect(listed.data.volumes.map((v) => v.id)).toContain(volumeId);
  });

  it('turns the emulator’s error bodies into CloudErrors', async () => {
    const missing = await cloud.evs.showDisk('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CloudError);
    expect(missing).toMatchObject({ service: 'evs', httpStatus: 404, kind: 'http', requestId: expect.any(String) });
    expect((missing as CloudError).code).not.toBe('');

    const wrongKey = createCloudClients(profileOf(emulator, 'not-the-emulator-secret-key'));
    const unauthorized = (await wrongKey.evs.listDisks().catch((e: unknown) => e)) as CloudError;
    expect(unauthorized).toBeInstanceOf(CloudError);
    expect(unauthorized).toMatchObject({ httpStatus: 401, code: 'APIGW.0301', shape: 'huawei' });
    expect(JSON.stringify(unauthorized)).not.toContain('not-the-emulator-secret-key');
  });

  it('never hands the secret key to the observer', () => {
    expect(records.length).toBeGreaterThan(3);
    expect(JSON.stringify(records)).not.toContain(emulatorDefaults.sk);
    expect(records.every((r) => r.service === 'evs' && r.route.includes('{project_id}'))).toBe(true);
  });
});
