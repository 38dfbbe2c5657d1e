import { describe, expect, it } from 'vitest';
import { AZ, control, createDisks, useTestEmulator } from './helpers.ts';
import { createServers, ecs, job, server, serverBody } from './ecs-helpers.ts';

const client = useTestEmulator({}, { clock: 'instant' });

describe('create', () => {
  it('creates servers with their system and data disks attached in EVS', async () => {
    const { jobId, ids } = await createServers(client, { count: 2, name: 'web' });
    expect(ids).toHaveLength(2);
    const j = await job(client, jobId);
    expect(j).toMatchObject({ status: 'SUCCESS', job_type: 'createServer', entities: { sub_jobs_total: 2 } });
    expect(j.entities.sub_jobs.map((s: { job_type: string }) => s.job_type)).toEqual(['createSingleServer', 'createSingleServer']);
    expect(j.entities.sub_jobs.map((s: { entities: { server_id: string } }) => s.entities.server_id).sort()).toEqual([...ids].sort());
    const s = await server(client, ids[0]!);
    expect(s).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:vm_state': 'active', 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:power_state': 1, tags: [] });
    expect(s.name).toMatch(/^web-000[01]$/);
    expect(s['os-extended-volumes:volumes_attached']).toHaveLength(2);
    const disks = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { server_id: ids[0]! } });
    const byDevice = Object.fromEntries(
      (disks.body.volumes as { attachments: { device: string; server_id: string }[]; status: string; bootable: string; size: number }[]).map((v) => [v.attachments[0]!.device, v]),
    );
    expect(byDevice['/dev/vda']).toMatchObject({ status: 'in-use', bootable: 'true', size: 40 });
    expect(byDevice['/dev/vdb']).toMatchObject({ status: 'in-use', size: 20 });
    expect(byDevice['/dev/vdb']!.attachments[0]!.server_id).toBe(ids[0]);
  });

  it('answers documented 400s for bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ flavorRef: 'nope.large.2' }, 'Ecs.0029'],
      [{ imageRef: 'a2b6a1f4-0000-4000-8000-000000000000' }, 'Ecs.0031'],
      [{ nics: [{ subnet_id: 'a2b6a1f4-0000-4000-8000-000000000000' }] }, 'Ecs.0038'],
      [{ name: 'bad name!' }, 'Ecs.0915'],
      [{ count: 501 }, 'Ecs.0913'],
      [{ description: '<b>' }, 'Ecs.0041'],
      [{ data_volumes: Array.from({ length: 24 }, () => ({ volumetype: 'SSD', size: 10 })), flavorRef: 'm3.large.8' }, 'Ecs.0042'],
    ];
    for (const [extra, code] of cases) {
      const r = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody(extra) });
      expect([r.status, r.body.error.code], JSON.stringify(extra)).toEqual([400, code]);
    }
    const empty = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { raw: '' });
    expect(empty.status).toBe(400);
    const dry = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: { ...serverBody(), dry_run: true } });
    expect(dry.status).toBe(202);
    const list = await ecs(client, 'GET', '/v2.1/{pid}/servers');
    expect(list.body.servers).toEqual([]);
  });
});

describe('transitions on the emulator clock', () => {
  it('a stopping server stays ACTIVE with powering-off, then SHUTOFF; the job has a sub-job per server', async () => {
    const { ids } = await createServers(client, { count: 2, name: 'batch' });
    await control(client, 'PUT', '/clock', { speed: 'realistic' });
    await control(client, 'POST', '/clock/freeze');
    const stop = await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { 'os-stop': { type: 'HARD', servers: ids.map((id) => ({ id })) } } });
    expect(stop.status).toBe(200);
    const jobId = stop.body.job_id as string;
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(await server(client, ids[0]!)).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:task_state': 'powering-off' });
    expect((await job(client, jobId)).status).toBe('INIT');
    const again = await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { 'os-stop': { servers: [{ id: ids[0] }] } } });
    expect([again.status, again.body.error.code]).toEqual([501, 'Ecs.0603']);
    await control(client, 'POST', '/clock/advance', { seconds: 2 });
    expect((await job(client, jobId)).status).toBe('RUNNING');
    await control(client, 'POST', '/clock/advance', { seconds: 10 });
    const done = await job(client, jobId);
    expect(done).toMatchObject({ status: 'SUCCESS', job_type: 'batchStopServer', entities: { sub_jobs_total: 2 } });
    expect(done.end_time).toMatch(/Z$/);
    expect(await server(client, ids[1]!)).toMatchObject({ status: 'SHUTOFF', 'OS-EXT-STS:vm_state': 'stopped', 'OS-EXT-STS:task_state': null });
  });

  it('start needs SHUTOFF and stop needs ACTIVE (Ecs.0100); reboot passes through REBOOT', async () => {
    const { ids } = await createServers(client);
    const id = ids[0]!;
    const start = await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { 'os-start': { servers: [{ id }] } } });
    expect([start.status, start.body.error.code]).toEqual([400, 'Ecs.0100']);
    await control(client, 'PUT', '/clock', { speed: 'realistic' });
    await control(client, 'POST', '/clock/freeze');
    await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { reboot: { type: 'SOFT', servers: [{ id }] } } });
    await control(client, 'POST', '/clock/advance', { ms: 3000 });
    expect(await server(client, id)).toMatchObject({ status: 'REBOOT', 'OS-EXT-STS:task_state': 'reboot_pending' });
    await control(client, 'POST', '/clock/advance', { seconds: 10 });
    expect((await server(client, id)).status).toBe('ACTIVE');
    const missing = await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { 'os-stop': { servers: [{ id: 'a2b6a1f4-0000-4000-8000-000000000000' }] } } });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'Ecs.0114']);
    const badType = await ecs(client, 'POST', '/v1/{pid}/cloudservers/action', { body: { reboot: { servers: [{ id }] } } });
    expect([badType.status, badType.body.error.code]).toEqual([400, 'Ecs.0005']);
  });
});

describe('disks', () => {
  it('attach moves the disk through attaching to in-use; detach back to available', async () => {
    const { ids } = await createServers(client);
    const id = ids[0]!;
    const { ids: [diskId] } = await createDisks(client, { availability_zone: AZ.a });
    await control(client, 'PUT', '/clock', { speed: 'realistic' });
    await control(client, 'POST', '/clock/freeze');
    const r = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/attachvolume`, { body: { volumeAttachment: { volumeId: diskId, device: '/dev/sdc' } } });
    expect(r.status).toBe(200);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${diskId}`)).body.volume.status).toBe('attaching');
    await control(client, 'POST', '/clock/advance', { seconds: 10 });
    expect((await job(client, r.body.job_id)).status).toBe('SUCCESS');
    const v = (await client.evs('GET', `/v2/{pid}/cloudvolumes/${diskId}`)).body.volume;
    expect(v.status).toBe('in-use');
    expect(v.attachments[0]).toMatchObject({ server_id: id, device: '/dev/vdc' });
    const nova = await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-volume_attachments`);
    expect(nova.body.volumeAttachments.map((a: { device: string }) => a.device)).toEqual(['/dev/vda', '/dev/vdb', '/dev/vdc']);
    const bd = await ecs(client, 'GET', `/v2.1/servers/${id}/block_device/${diskId}`);
    expect(bd.body.volumeAttachment).toMatchObject({ serverId: id, volumeId: diskId, device: '/dev/vdc', bus: 'virtio' });

    const twice = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/attachvolume`, { body: { volumeAttachment: { volumeId: diskId } } });
    expect([twice.status, twice.body.error.code]).toEqual([400, 'Ecs.0057']);
    const system = nova.body.volumeAttachments[0].volumeId as string;
    const sys = await ecs(client, 'DELETE', `/v1/{pid}/cloudservers/${id}/detachvolume/${system}`);
    expect([sys.status, sys.body.error.code]).toEqual([400, 'Ecs.0100']);

    const d = await ecs(client, 'DELETE', `/v1/{pid}/cloudservers/${id}/detachvolume/${diskId}`);
    expect(d.status).toBe(200);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${diskId}`)).body.volume.status).toBe('detaching');
    await control(client, 'POST', '/clock/advance', { seconds: 10 });
    const after = (await client.evs('GET', `/v2/{pid}/cloudvolumes/${diskId}`)).body.volume;
    expect([after.status, after.attachments]).toEqual(['available', []]);
    const gone = await ecs(client, 'DELETE', `/v1/{pid}/cloudservers/${id}/detachvolume/${diskId}`);
    expect([gone.status, gone.body.error.code]).toEqual([400, 'Ecs.0111']);
  });

  it('refuses a disk in another AZ, a disk in use, and a busy or locked server', async () => {
    const { ids } = await createServers(client);
    const id = ids[0]!;
    const { ids: [far] } = await createDisks(client, { availability_zone: AZ.b });
    const r = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/attachvolume`, { body: { volumeAttachment: { volumeId: far } } });
    expect(r.body.error.code).toBe('Ecs.0121');
    const { ids: [other] } = await createServers(client, { name: 'other' });
    const theirs = (await ecs(client, 'GET', `/v2.1/{pid}/servers/${other}/os-volume_attachments`)).body.volumeAttachments[1].volumeId;
    const used = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/attachvolume`, { body: { volumeAttachment: { volumeId: theirs } } });
    expect(used.body.error.code).toBe('Ecs.0103');
    await ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body: { lock: null } });
    const { ids: [near] } = await createDisks(client, { availability_zone: AZ.a });
    const locked = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/attachvolume`, { body: { volumeAttachment: { volumeId: near } } });
    expect([locked.status, locked.body.error.code]).toEqual([400, 'Ecs.0605']);
  });
});

describe('disk rules', () => {
  it('a shared disk attaches to several servers and stays in-use until the last detach', async () => {
    const { ids } = await createServers(client, { count: 2 });
    const { ids: [shared] } = await createDisks(client, { availability_zone: AZ.a, multiattach: true });
    for (const id of ids) {
      const r = await ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/attachvolume`, { body: { volumeAttachment: { volumeId: shared } } });
      expect(r.status, r.text).toBe(200);
    }
    const v = (await client.evs('GET', `/v2/{pid}/cloudvolumes/${shared}`)).body.volume;
    expect(v.attachments.map((a: { server_id: string }) => a.server_id).sort()).toEqual([...ids].sort());
    await ecs(client, 'DELETE', `/v1/{pid}/cloudservers/${ids[0]}/detachvolume/${shared}`);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${shared}`)).body.volume.status).toBe('in-use');
    await ecs(client, 'DELETE', `/v1/{pid}/cloudservers/${ids[1]}/detachvolume/${shared}`);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${shared}`)).body.volume.status).toBe('available');
  });

  it('device names follow the KVM rules and the flavor caps data disks', async () => {
    const data = Array.from({ length: 22 }, () => ({ volumetype: 'SSD', size: 10 }));
    const { ids: [id] } = await createServers(client, { flavorRef: 'm3.large.8', data_volumes: data });
    const { ids: disks } = await createDisks(client, { availability_zone: AZ.a, count: 3 });
    const attach = (volumeId: string, device?: string) =>
      ecs(client, 'POST', `/v1/{pid}/cloudservers/${id}/attachvolume`, { body: { volumeAttachment: { volumeId, ...(device ? { device } : {}) } } });
    expect((await attach(disks[0]!, '/dev/vdb')).body.error.code).toBe('Ecs.0005');
    expect((await attach(disks[0]!, '/dev/vda')).body.error.code).toBe('Ecs.0005');
    expect((await attach(disks[0]!, '/dev/hda')).body.error.code).toBe('Ecs.0005');
    expect((await attach(disks[0]!, '/dev/sdz')).status).toBe(200);
    const last = (await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-volume_attachments/${disks[0]}`)).body.volumeAttachment;
    expect(last.device).toBe('/dev/vdz');
    const full = await attach(disks[1]!);
    expect([full.status, full.body.error.code]).toEqual([400, 'Ecs.0104']);
  });
});

describe('delete', () => {
  it('takes the system disk; keeps data disks unless delete_volume', async () => {
    const { ids } = await createServers(client, { count: 2 });
    const dataOf = async (id: string) => (await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}/os-volume_attachments`)).body.volumeAttachments.map((a: { volumeId: string }) => a.volumeId) as string[];
    const [sys0, data0] = await dataOf(ids[0]!);
    const [, data1] = await dataOf(ids[1]!);
    const r1 = await ecs(client, 'POST', '/v1/{pid}/cloudservers/delete', { body: { servers: [{ id: ids[0] }] } });
    const r2 = await ecs(client, 'POST', '/v1/{pid}/cloudservers/delete', { body: { servers: [{ id: ids[1] }], delete_volume: true, delete_publicip: true } });
    expect((await job(client, r1.body.job_id)).status).toBe('SUCCESS');
    expect((await job(client, r2.body.job_id)).status).toBe('SUCCESS');
    expect((await ecs(client, 'GET', `/v2.1/{pid}/servers/${ids[0]}`)).status).toBe(404);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${sys0}`)).status).toBe(404);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${data0}`)).body.volume.status).toBe('available');
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${data1}`)).status).toBe(404);
  });
});

describe('faults and seeds', () => {
  it('a failed create leaves the server in ERROR with a fault and rolls its disks back', async () => {
    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'createSingleServer', code: 'Ecs.0319', message: 'Insufficient resources for this flavor.' });
    const { jobId, ids } = await createServers(client);
    const j = await job(client, jobId);
    expect(j).toMatchObject({ status: 'FAIL', error_code: 'Ecs.0319' });
    expect(j.entities.sub_jobs[0]).toMatchObject({ status: 'FAIL', fail_reason: 'Insufficient resources for this flavor.' });
    const s = await server(client, ids[0]!);
    expect(s).toMatchObject({ status: 'ERROR', fault: { code: 500, message: 'Insufficient resources for this flavor.' } });
    expect(s['os-extended-volumes:volumes_attached']).toEqual([]);
    const disks = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail');
    expect(disks.body.volumes).toEqual([]);
  });

  it('injects errors and latency per ECS operation', async () => {
    await control(client, 'POST', '/faults', { kind: 'error', service: 'ecs', operation: 'NovaListServersDetails', status: 503, code: 'Ecs.0000', rate: 1 });
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers/detail')).status).toBe(503);
    expect((await ecs(client, 'GET', '/v2.1/{pid}/servers')).status).toBe(200);
  });

  it('the demo seed owns the servers the demo disks are attached to', async () => {
    await control(client, 'POST', '/reset?seed=demo');
    const list = await ecs(client, 'GET', '/v2.1/{pid}/servers/detail', { headers: { 'X-OpenStack-Nova-API-Version': '2.26' } });
    const byName = Object.fromEntries(list.body.servers.map((s: { name: string }) => [s.name, s]));
    expect(byName['web-01']).toMatchObject({ id: 'c3d3250c-7ce5-42cc-b620-dd2b63d19ca5', status: 'ACTIVE' });
    expect(byName['db-01']).toMatchObject({ id: '2080869e-ba46-4ea5-b45e-3191ac0f1d54', status: 'SHUTOFF' });
    expect(byName['bastion'].locked).toBe(true);
    expect(byName['qa-failed-build'].status).toBe('ERROR');
    const bd = await ecs(client, 'GET', '/v2.1/servers/c3d3250c-7ce5-42cc-b620-dd2b63d19ca5/block_device');
    expect(bd.body.volumeAttachments.map((a: { device: string }) => a.device)).toEqual(['/dev/vda', '/dev/vdb', '/dev/vdc']);
    expect(bd.body.volumeAttachments[0].bootIndex).toBe(0);
    // The shared disk is attached to both servers; EVS reports their status through ECS.
    const shared = (await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { name: 'shared-logs' } })).body.volumes[0];
    expect(shared.attachments.map((a: { server_id: string }) => a.server_id).sort()).toEqual(['2080869e-ba46-4ea5-b45e-3191ac0f1d54', 'c3d3250c-7ce5-42cc-b620-dd2b63d19ca5']);
  });

  it('the scale seed adds servers', async () => {
    const r = await control(client, 'POST', '/seed?servers=300');
    expect(r.body, r.text).toMatchObject({ seeded: 'scale', servers: 300 });
    const page = await ecs(client, 'GET', '/v2.1/{pid}/servers/detail', { query: { limit: '1000' } });
    expect(page.body.servers).toHaveLength(300);
    expect((await control(client, 'POST', '/seed?servers=0')).status).toBe(400);
  });
});
