import { describe, expect, it } from 'vitest';
import { AZ, control, createDisks, startTestEmulator, type Json, useTestEmulator } from './helpers.ts';

const client = useTestEmulator();

const CREATE = '/v2.1/{pid}/cloudvolumes';
const create = (volume: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  client.evs('POST', CREATE, { body: { volume: { availability_zone: AZ.a, volume_type: 'SSD', size: 10, ...volume }, ...extra } });
const detail = (id: string) => client.evs('GET', `/v2/{pid}/cloudvolumes/${id}`);

describe('create (POST /v2.1/{project_id}/cloudvolumes)', () => {
  it('answers 202 with job_id and volume_ids; the job succeeds and the disk is available', async () => {
    const r = await create({ name: 'data-1', description: 'first', metadata: { 'hw:passthrough': 'true' }, tags: { env: 'qa' } });
    expect(r.status).toBe(202);
    expect(Object.keys(r.body).sort()).toEqual(['job_id', 'volume_ids']);
    const job = await client.evs('GET', `/v1/{pid}/jobs/${r.body.job_id}`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ status: 'SUCCESS', job_type: 'createVolume', job_id: r.body.job_id });
    expect(job.body.entities).toEqual({ volume_type: 'SSD', size: 10, volume_id: r.body.volume_ids[0], name: 'data-1' });
    expect(job.body.end_time).not.toBe('');
    const d = await detail(r.body.volume_ids[0]);
    expect(d.status).toBe(200);
    expect(d.body.volume).toMatchObject({
      id: r.body.volume_ids[0], name: 'data-1', description: 'first', status: 'available', size: 10, volume_type: 'SSD', bootable: 'false',
      multiattach: false, shareable: 'false', tags: { env: 'qa' }, metadata: { 'hw:passthrough': 'true' }, availability_zone: AZ.a,
      'os-vol-tenant-attr:tenant_id': client.projectId, service_type: 'EVS', attachments: [],
    });
    expect(d.body.volume.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(d.body.volume.links[0].href).toBe(`${client.emulator.info.endpoints.evs}/v2/${client.projectId}/volumes/${r.body.volume_ids[0]}`);
    expect(d.body.volume.serial_number).toBeDefined();
  });

  it('creates a batch with one sub-job per disk and -0001 style names', async () => {
    const r = await create({ name: 'batch', count: 3.7 });
    expect(r.body.volume_ids).toHaveLength(3);
    const job = (await client.evs('GET', `/v1/{pid}/jobs/${r.body.job_id}`)).body;
    expect(job.job_type).toBe('batchCreateVolume');
    expect(job.status).toBe('SUCCESS');
    expect(Object.keys(job.entities)).toEqual(['sub_jobs']);
    expect(job.entities.sub_jobs.map((s: Json) => [s.job_type, s.status, s.entities.name])).toEqual([
      ['createVolume', 'SUCCESS', 'batch-0001'],
      ['createVolume', 'SUCCESS', 'batch-0002'],
      ['createVolume', 'SUCCESS', 'batch-0003'],
    ]);
    const sub = job.entities.sub_jobs[1];
    expect((await client.evs('GET', `/v1/{pid}/jobs/${sub.job_id}`)).body.entities.volume_id).toBe(r.body.volume_ids[1]);
  });

  it('creates GPSSD2 and ESSD2 disks with their IOPS and throughput', async () => {
    const { ids: [gp] } = await createDisks(client, { volume_type: 'GPSSD2', size: 100, iops: 5000, throughput: 500 });
    const v = (await detail(gp!)).body.volume;
    expect(v.iops).toMatchObject({ total_val: 5000, frozened: false });
    expect(v.throughput).toMatchObject({ total_val: 500 });
    const { ids: [es] } = await createDisks(client, { volume_type: 'ESSD2', size: 100, iops: 20000, availability_zone: AZ.b });
    const e = (await detail(es!)).body.volume;
    expect(e.iops.total_val).toBe(20000);
    expect(e.throughput).toBeUndefined();
    expect((await detail((await createDisks(client, {})).ids[0]!)).body.volume.iops).toBeUndefined();
  });

  it('creates from an image (bootable system disk) and from a snapshot', async () => {
    const images = await control(client, 'GET', '/state/images');
    const ubuntu = images.body.rows.find((i: Json) => i.name.startsWith('Ubuntu'));
    const { ids: [sys] } = await createDisks(client, { imageRef: ubuntu.id, size: 40 });
    const s = (await detail(sys!)).body.volume;
    expect(s.bootable).toBe('true');
    expect(s.volume_image_metadata).toMatchObject({ image_id: ubuntu.id, __os_type: 'Linux' });
    expect((await create({ imageRef: ubuntu.id, size: 20 })).body.error.code).toBe('EVS.1010');
    expect((await create({ imageRef: ubuntu.id, size: 2000 })).body.error.code).toBe('EVS.1010');
    expect((await create({ imageRef: ubuntu.id, size: 40, multiattach: true })).body.error.code).toBe('EVS.2094');
    expect((await create({ imageRef: '5b3a9c6e-0000-4f0a-b7c4-1e2d3f4a5b99', size: 40 })).body.error.code).toBe('EVS.2046');

    const snap = await client.evs('POST', '/v2/{pid}/cloudsnapshots', { body: { snapshot: { volume_id: sys, name: 's1' } } });
    expect(snap.status).toBe(202);
    const sid = snap.body.snapshot.id;
    const { ids: [copy] } = await createDisks(client, { snapshot_id: sid, size: 40 });
    expect((await detail(copy!)).body.volume.snapshot_id).toBe(sid);
    expect((await create({ snapshot_id: sid, size: 40, volume_type: 'SAS' })).body.error.code).toBe('EVS.2096');
    expect((await create({ snapshot_id: sid, size: 40, availability_zone: AZ.b })).body.error.code).toBe('EVS.2054');
    expect((await create({ snapshot_id: sid, size: 30 })).body.error.code).toBe('EVS.1010');
    expect((await create({ snapshot_id: sid, size: 40, metadata: { __system__encrypted: '0' } })).body.error.code).toBe('EVS.1043');
    expect((await create({ snapshot_id: sid, imageRef: ubuntu.id, size: 40 })).body.error.code).toBe('EVS.1016');
    expect((await create({ snapshot_id: '7b0c2c1e-1111-4222-8333-444455556666', size: 40 })).body.error.code).toBe('EVS.2045');
  });

  it('refuses bad input with the documented codes and a useful message', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ volume_type: 'NVME' }, 'EVS.1020'],
      [{ volume_type: 'SATA' }, 'EVS.2072'],
      [{ volume_type: 'ESSD', availability_zone: AZ.c }, 'EVS.2071'],
      [{ availability_zone: 'mars-1a' }, 'EVS.1036'],
      [{ size: 5 }, 'EVS.1010'],
      [{ size: 40000 }, 'EVS.1010'],
      [{ size: '10' }, 'EVS.1010'],
      [{ size: undefined }, 'EVS.1010'],
      [{ name: 'n'.repeat(65) }, 'EVS.1003'],
      [{ description: 'd'.repeat(86) }, 'EVS.1004'],
      [{ name: 42 }, 'EVS.1018'],
      [{ count: 101 }, 'EVS.1021'],
      [{ count: 0 }, 'EVS.1021'],
      [{ multiattach: 'maybe' }, 'EVS.1054'],
      [{ metadata: { 'hw:passthrough': 'yes' } }, 'EVS.1057'],
      [{ metadata: { __system__encrypted: '1' } }, 'EVS.2041'],
      [{ metadata: { big: 'x'.repeat(300) } }, 'EVS.1070'],
      [{ tags: { 'bad key!': 'v' } }, 'EVS.1062'],
      [{ tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }, 'EVS.1061'],
      [{ iops: 3000 }, 'EVS.2235'],
      [{ volume_type: 'GPSSD2', iops: 3000 }, 'EVS.2233'],
      [{ volume_type: 'ESSD2', iops: 3000, throughput: 200, availability_zone: AZ.b }, 'EVS.2232'],
      [{ volume_type: 'GPSSD2', size: 10, iops: 9000, throughput: 200 }, 'EVS.2231'],
      [{ volume_type: 'GPSSD2', size: 100, iops: 4000, throughput: 2000 }, 'EVS.2231'],
      [{ backup_id: '7b0c2c1e-1111-4222-8333-444455556666' }, 'EVS.1006'],
      [{ enterprise_project_id: 'abc' }, 'EVS.2059'],
    ];
    for (const [volume, code] of cases) {
      const r = await create(volume);
      expect(r.status, `${JSON.stringify(volume).slice(0, 80)}: ${r.text}`).toBe(400);
      expect(r.body.error.code, JSON.stringify(volume).slice(0, 80)).toBe(code);
      expect(r.body.error.message.length).toBeGreaterThan(5);
    }
    expect((await create({}, { bssParam: { chargingMode: 'monthly' } })).body.error.code).toBe('EVS.2147');
    expect((await create({}, { bssParam: { chargingMode: 'prePaid', periodType: 'month', periodNum: 12 } })).body.error.code).toBe('EVS.2147');
    expect((await create({}, { server_id: '7b0c2c1e-1111-4222-8333-444455556666' })).body.error.code).toBe('EVS.2229');
    expect((await client.evs('POST', CREATE, { body: {} })).body.error.code).toBe('EVS.1008');
    expect((await client.evs('POST', CREATE, { body: [] })).body.error.code).toBe('EVS.1008');
    const malformed = await client.evs('POST', CREATE, { raw: '{"volume": {' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'EVS.5400', message: expect.stringMatching(/^Malformed request body\./) });
    const state = await control(client, 'GET', '/state');
    expect(state.body.volumes).toEqual({});
  });

  it('survives a 10 MB body and answers 400; refuses a body over 12 MB at the gateway', async () => {
    const huge = await create({ name: 'x'.repeat(10 * 1024 * 1024) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('EVS.1003');
    const metadata = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key-${i}`, 'v'.repeat(250)]));
    const bigMeta = await create({ metadata });
    expect(bigMeta.body.error.code).toBe('EVS.1005');
    const tooBig = await client.evs('POST', CREATE, { raw: 'x'.repeat(13 * 1024 * 1024), auth: 'token' });
    expect(tooBig.status).toBe(413);
    expect((await client.evs('GET', '/v2/{pid}/cloudvolumes/detail')).status).toBe(200);
  });

  it('answers the same for a repeated X-Client-Token and refuses a conflicting one', async () => {
    const token = '9c4f3f0e-5b7d-4a51-9f0e-1b2c3d4e5f60';
    const body = { volume: { availability_zone: AZ.a, volume_type: 'SAS', size: 10 } };
    const first = await client.evs('POST', CREATE, { body, headers: { 'X-Client-Token': token } });
    const again = await client.evs('POST', CREATE, { body, headers: { 'X-Client-Token': token } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect((await control(client, 'GET', '/state')).body.volumes).toEqual({ available: 1 });
    const conflict = await client.evs('POST', CREATE, { body: { volume: { ...body.volume, size: 20 } }, headers: { 'X-Client-Token': token } });
    expect(conflict.body.error.code).toBe('EVS.2219');
    expect((await client.evs('POST', CREATE, { body, headers: { 'X-Client-Token': 'not-a-uuid' } })).body.error.code).toBe('EVS.2218');
    await control(client, 'POST', '/clock/advance', { seconds: 8 * 3600 + 5 });
    expect((await client.evs('POST', CREATE, { body, headers: { 'X-Client-Token': token } })).body.error.code).toBe('EVS.2220');
  });

  it('enforces the volume and gigabyte quotas and reports real usage', async () => {
    await control(client, 'PUT', '/quotas', { volumes: 3, gigabytes: 100 });
    await createDisks(client, { count: 2, size: 20 });
    const over = await create({ count: 2 });
    expect(over.body.error.code).toBe('EVS.1034');
    const big = await create({ size: 70 });
    expect(big.body.error.code).toBe('EVS.1042');
    const q = await client.evs('GET', '/v2/{pid}/os-quota-sets/{pid}', { query: { usage: 'True' } });
    expect(q.body.quota_set.volumes).toEqual({ in_use: 2, limit: 3, reserved: 0 });
    expect(q.body.quota_set.gigabytes).toEqual({ in_use: 40, limit: 100, reserved: 0 });
    expect(q.body.quota_set.volumes_SSD.in_use).toBe(2);
  });
});

describe('job lifecycle on the emulator clock', () => {
  it('INIT → RUNNING → SUCCESS as the frozen clock is advanced; the disk is 404 while INIT', async () => {
    const slow = await startTestEmulator({ speed: 'realistic' });
    try {
      const c = slow.client;
      await control(c, 'POST', '/clock/freeze');
      const r = await c.evs('POST', CREATE, { body: { volume: { availability_zone: AZ.a, volume_type: 'SSD', size: 10, name: 'slow' } } });
      const job = () => c.evs('GET', `/v1/{pid}/jobs/${r.body.job_id}`);
      const disk = () => c.evs('GET', `/v2/{pid}/cloudvolumes/${r.body.volume_ids[0]}`);
      expect((await job()).body.status).toBe('INIT');
      const hidden = await disk();
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe('EVS.5404');
      const q = await c.evs('GET', '/v2/{pid}/os-quota-sets/{pid}', { query: { usage: 'True' } });
      expect(q.body.quota_set.volumes).toMatchObject({ in_use: 0, reserved: 1 });

      await control(c, 'POST', '/clock/advance', { ms: 1000 });
      expect((await job()).body).toMatchObject({ status: 'RUNNING', end_time: '' });
      expect((await disk()).body.volume.status).toBe('creating');
      const del = await c.evs('DELETE', `/v2/{pid}/cloudvolumes/${r.body.volume_ids[0]}`);
      expect(del.body.error.code).toBe('EVS.1046');

      await control(c, 'POST', '/clock/advance', { seconds: 3 });
      expect((await job()).body.status).toBe('SUCCESS');
      expect((await disk()).body.volume.status).toBe('available');
    } finally {
      await slow.emulator.close();
    }
  });
});

describe('update, detail, list', () => {
  it('updates name and description and answers with the disk at top level', async () => {
    const { ids: [id] } = await createDisks(client, { name: 'old' });
    const r = await client.evs('PUT', `/v2/{pid}/cloudvolumes/${id}`, { body: { volume: { name: 'new', description: 'd' } } });
    expect(r.status).toBe(200);
    expect(r.body.volume).toBeUndefined();
    expect(r.body).toMatchObject({ id, name: 'new', description: 'd', status: 'available' });
    expect((await client.evs('PUT', `/v2/{pid}/cloudvolumes/${id}`, { body: { volume: {} } })).body.error.code).toBe('EVS.1007');
    expect((await client.evs('PUT', `/v2/{pid}/cloudvolumes/${id}`, { body: {} })).body.error.code).toBe('EVS.1001');
    expect((await client.evs('PUT', `/v2/{pid}/cloudvolumes/${id}`, { body: { volume: { name: 'n'.repeat(65) } } })).body.error.code).toBe('EVS.1003');
    const missing = await client.evs('PUT', '/v2/{pid}/cloudvolumes/7b0c2c1e-1111-4222-8333-444455556666', { body: { volume: { name: 'x' } } });
    expect(missing.status).toBe(404);
  });

  it('filters, sorts and pages with count and a next link', async () => {
    await createDisks(client, { name: 'alpha', size: 30, tags: { env: 'prod' } });
    await createDisks(client, { name: 'beta', size: 10, volume_type: 'SAS', multiattach: true });
    await createDisks(client, { name: 'alphabet', size: 20, availability_zone: AZ.b, metadata: { 'hw:passthrough': 'true' } });
    const list = (query: Record<string, string>) => client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query });
    const names = (r: Json) => r.body.volumes.map((v: Json) => v.name);

    expect(names(await list({ sort_key: 'size', sort_dir: 'asc' }))).toEqual(['beta', 'alphabet', 'alpha']);
    expect(names(await list({}))).toEqual(['alphabet', 'beta', 'alpha']);
    expect(names(await list({ name: 'alpha', sort_key: 'size' }))).toEqual(['alpha', 'alphabet']);
    expect(names(await list({ multiattach: 'true' }))).toEqual(['beta']);
    expect(names(await list({ availability_zone: AZ.b }))).toEqual(['alphabet']);
    expect(names(await list({ metadata: '{"hw:passthrough": "true"}' }))).toEqual(['alphabet']);
    expect(names(await list({ status: 'in-use' }))).toEqual([]);
    expect(names(await list({ volume_type_id: '6c81c680-df58-4512-81e7-ecf66d160638' }))).toEqual(['beta']);

    const page1 = await list({ sort_key: 'size', sort_dir: 'desc', limit: '2' });
    expect(page1.body.count).toBe(3);
    expect(names(page1)).toEqual(['alpha', 'alphabet']);
    const next = new URL(page1.body.volumes_links[0].href);
    expect(page1.body.volumes_links[0].rel).toBe('next');
    expect(next.pathname).toBe(`/evs/v2/${client.projectId}/volumes/detail`);
    const page2 = await list(Object.fromEntries(next.searchParams));
    expect(names(page2)).toEqual(['beta']);
    expect(page2.body.volumes_links).toBeUndefined();
    expect(names(await list({ sort_key: 'size', offset: '1', limit: '1' }))).toEqual(['alphabet']);
    const ids = page1.body.volumes.map((v: Json) => v.id);
    expect((await list({ ids: `['${ids[0]}','${ids[1]}']` })).body.count).toBe(2);

    for (const [query, code] of [
      [{ limit: '0' }, 'EVS.1023'], [{ limit: 'ten' }, 'EVS.1023'], [{ limit: '1001' }, 'EVS.2142'], [{ sort_key: 'name' }, 'EVS.1039'],
      [{ sort_dir: 'up' }, 'EVS.1040'], [{ marker: 'nope' }, 'EVS.1024'], [{ metadata: '{bad' }, 'EVS.1058'], [{ availability_zone: 'x' }, 'EVS.1041'],
      [{ offset: '-1' }, 'EVS.5400'], [{ ids: `[${Array.from({ length: 61 }, () => `'${ids[0]}'`).join(',')}]` }, 'EVS.2228'],
    ] as const) {
      const r = await list(query as Record<string, string>);
      expect(r.status, JSON.stringify(query)).toBe(400);
      expect(r.body.error.code, JSON.stringify(query)).toBe(code);
    }
  });
});

describe('expand, delete, QoS, unsubscribe', () => {
  it('expands through a job; refuses smaller sizes, shared in-use disks and wrong statuses', async () => {
    const { ids: [id] } = await createDisks(client, { size: 10 });
    const expand = (vid: string, newSize: unknown) => client.evs('POST', `/v2.1/{pid}/cloudvolumes/${vid}/action`, { body: { 'os-extend': { new_size: newSize } } });
    const r = await expand(id!, 20);
    expect(r.status).toBe(202);
    expect((await client.evs('GET', `/v1/{pid}/jobs/${r.body.job_id}`)).body).toMatchObject({ job_type: 'extendVolume', status: 'SUCCESS' });
    expect((await detail(id!)).body.volume.size).toBe(20);
    expect((await expand(id!, 20)).body.error.code).toBe('EVS.1015');
    expect((await expand(id!, 40000)).body.error.code).toBe('EVS.1010');
    expect((await expand(id!, '30')).body.error.code).toBe('EVS.1010');
    expect((await client.evs('POST', `/v2.1/{pid}/cloudvolumes/${id}/action`, { body: {} })).body.error.code).toBe('EVS.1011');
    await control(client, 'PUT', '/quotas', { gigabytes: 25 });
    expect((await expand(id!, 30)).body.error.code).toBe('EVS.1042');
  });

  it('deletes with a 200 job, taking snapshots along; refuses in-use and error_deleting disks', async () => {
    const { ids: [id] } = await createDisks(client, {});
    await client.evs('POST', '/v2/{pid}/cloudsnapshots', { body: { snapshot: { volume_id: id } } });
    const r = await client.evs('DELETE', `/v2/{pid}/cloudvolumes/${id}`);
    expect(r.status).toBe(200);
    expect((await client.evs('GET', `/v1/{pid}/jobs/${r.body.job_id}`)).body).toMatchObject({ job_type: 'deleteVolume', status: 'SUCCESS', entities: { volume_id: id } });
    expect((await detail(id!)).status).toBe(404);
    expect((await client.evs('GET', '/v2/{pid}/cloudsnapshots/detail')).body.count).toBe(0);
    expect((await client.evs('DELETE', `/v2/{pid}/cloudvolumes/${id}`)).status).toBe(404);

    await control(client, 'POST', '/seed');
    const inUse = (await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { status: 'in-use', limit: '1' } })).body.volumes[0];
    expect((await client.evs('DELETE', `/v2/{pid}/cloudvolumes/${inUse.id}`)).body.error.code).toBe('EVS.1046');
    const prepaid = (await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { name: 'finance-reports' } })).body.volumes[0];
    expect((await client.evs('DELETE', `/v2/{pid}/cloudvolumes/${prepaid.id}`)).body.error.code).toBe('EVS.1035');

    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'deleteVolume', code: 'EVS.2001' });
    const { ids: [doomed] } = await createDisks(client, {});
    const failed = await client.evs('DELETE', `/v2/{pid}/cloudvolumes/${doomed}`);
    expect((await client.evs('GET', `/v1/{pid}/jobs/${failed.body.job_id}`)).body).toMatchObject({ status: 'FAIL', error_code: 'EVS.2001' });
    expect((await detail(doomed!)).body.volume.status).toBe('error_deleting');
    const again = await client.evs('DELETE', `/v2/{pid}/cloudvolumes/${doomed}`);
    expect(again.status).toBe(500);
    expect(again.body.error.code).toBe('EVS.2020');
  });

  it('changes QoS of GPSSD2 and ESSD2 disks only', async () => {
    const { ids: [gp] } = await createDisks(client, { volume_type: 'GPSSD2', size: 100, iops: 3000, throughput: 125 });
    const qos = (id: string, body: unknown) => client.evs('PUT', `/v5/{pid}/cloudvolumes/${id}/qos`, { body });
    const r = await qos(gp!, { qos_modify: { iops: 10000, throughput: 300 } });
    expect(r.status).toBe(202);
    expect((await client.evs('GET', `/v1/{pid}/jobs/${r.body.job_id}`)).body.status).toBe('SUCCESS');
    const v = (await detail(gp!)).body.volume;
    expect([v.iops.total_val, v.throughput.total_val]).toEqual([10000, 300]);
    expect((await qos(gp!, { qos_modify: { iops: 900000 } })).body.error.code).toBe('EVS.2231');
    expect((await qos(gp!, { qos_modify: { throughput: 200 } })).body.error.code).toBe('EVS.1070');
    const { ids: [es] } = await createDisks(client, { volume_type: 'ESSD2', size: 100, iops: 3000, availability_zone: AZ.b });
    expect((await qos(es!, { qos_modify: { iops: 5000, throughput: 200 } })).body.error.code).toBe('EVS.2232');
    const { ids: [ssd] } = await createDisks(client, {});
    expect((await qos(ssd!, { qos_modify: { iops: 5000 } })).body.error.code).toBe('EVS.2234');
  });

  it('unsubscribes from yearly/monthly data disks and reports each result', async () => {
    const r = await create({ name: 'yearly' }, { bssParam: { chargingMode: 'prePaid', periodType: 'month', periodNum: 3, isAutoPay: 'true' } });
    expect(r.status).toBe(202);
    expect(r.body.order_id).toMatch(/^CS\d{10}/);
    expect(r.body.job_id).toBeUndefined();
    const id = r.body.volume_ids[0];
    expect((await detail(id)).body.volume.metadata.orderID).toBe(r.body.order_id);
    const { ids: [plain] } = await createDisks(client, {});
    const u = await client.evs('POST', '/v2/{pid}/cloudvolumes/unsubscribe', { body: { volume_ids: [id, plain] } });
    expect(u.status).toBe(202);
    expect(u.body.results).toEqual([
      { volume_id: id, order_id: expect.stringMatching(/^CS/), result: 'SUCCESS' },
      { volume_id: plain, result: 'FAIL', fail_reason: expect.any(String) },
    ]);
    expect((await detail(id)).status).toBe(404);
    const many = await client.evs('POST', '/v2/{pid}/cloudvolumes/unsubscribe', { body: { volume_ids: Array.from({ length: 61 }, () => plain) } });
    expect(many.body.error.code).toBe('EVS.2228');
  });
});
