import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { control, useTestEmulator, type Json } from './helpers.ts';
import { createServers, ecs, job, server, serverBody, vpc } from './ecs-helpers.ts';

const client = useTestEmulator({}, { clock: 'instant' });

const addrs = (s: Json, type: 'fixed' | 'floating') =>
  Object.values(s.addresses as Record<string, Json[]>).flat().filter((a) => a['OS-EXT-IPS:type'] === type).map((a) => a.addr as string);
const eip = { eip: { iptype: '5_bgp', bandwidth: { size: 10, sharetype: 'PER', chargemode: 'traffic' } } };
const remove = async (ids: string[], extra: Record<string, unknown> = {}) => {
  const r = await ecs(client, 'POST', '/v1/{pid}/cloudservers/delete', { body: { servers: ids.map((id) => ({ id })), ...extra } });
  expect(r.status, r.text).toBe(200);
  expect((await job(client, r.body.job_id)).status).toBe('SUCCESS');
};

describe('X-Client-Token on create', () => {
  it('answers a retried create with the first answer and creates nothing more', async () => {
    const token = randomUUID();
    const send = (body: unknown, t: string = token) => ecs(client, 'POST', '/v1/{pid}/cloudservers', { body, headers: { 'X-Client-Token': t } });
    const first = await send(serverBody({ name: 'once' }));
    expect(first.status).toBe(200);
    const again = await send(serverBody({ name: 'once' }));
    expect(again.body).toEqual(first.body);
    const all = await ecs(client, 'GET', '/v2.1/{pid}/servers', { query: { name: '^once$' } });
    expect(all.body.servers).toHaveLength(1);
    const other = await send(serverBody({ name: 'twice' }));
    expect([other.status, other.body.error.code]).toEqual([400, 'Ecs.0005']);
    expect((await send(serverBody(), 'not-a-uuid')).body.error.code).toBe('Ecs.0005');
    // A refused create is not remembered: the same token may carry the corrected request.
    const fresh = randomUUID();
    expect((await send(serverBody({ flavorRef: 'nope' }), fresh)).status).toBe(400);
    expect((await send(serverBody({ name: 'fixed' }), fresh)).status).toBe(200);
  });
});

describe('EIPs', () => {
  it('binds a new EIP at create, shows it in the addresses, and keeps or releases it on delete', async () => {
    const { ids: [id] } = await createServers(client, { name: 'public', publicip: { ...eip, delete_on_termination: false } });
    const s = await server(client, id!);
    const [address] = addrs(s, 'floating');
    expect(address).toMatch(/^124\.70\.\d+\.\d+$/);
    const list = await vpc(client, 'GET', '/v1/{pid}/publicips');
    const ip = list.body.publicips.find((p: Json) => p.public_ip_address === address);
    expect(ip).toMatchObject({ status: 'ACTIVE', private_ip_address: addrs(s, 'fixed')[0], bandwidth_size: 10, type: '5_bgp' });
    const limits = await ecs(client, 'GET', '/v1/{pid}/cloudservers/limits');
    expect(limits.body.absolute.totalFloatingIpsUsed).toBe(1);

    await remove([id!], { delete_publicip: false });
    expect((await vpc(client, 'GET', `/v1/{pid}/publicips/${ip.id}`)).body.publicip).toMatchObject({ status: 'DOWN', public_ip_address: address });

    // An existing DOWN EIP binds again; with delete_on_termination it goes with the server.
    const { ids: [again] } = await createServers(client, { name: 'rebound', publicip: { id: ip.id, delete_on_termination: true } });
    expect(addrs(await server(client, again!), 'floating')).toEqual([address]);
    const busy = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ name: 'steal', publicip: { id: ip.id } }) });
    expect(busy.body.error.code).toBe('Ecs.0005');
    await remove([again!]);
    expect((await vpc(client, 'GET', `/v1/{pid}/publicips/${ip.id}`)).status).toBe(404);
  });

  it('refuses a bandwidth over 1000 Mbit/s and more EIPs than the quota', async () => {
    const big = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ publicip: { eip: { iptype: '5_bgp', bandwidth: { size: 2000, sharetype: 'PER', chargemode: 'traffic' } } } }) });
    expect(big.body.error.code).toBe('Ecs.0045');
    const many = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ count: 11, publicip: eip }) });
    expect(many.body.error.code).toBe('Ecs.0013');
  });
});

describe('Nova createImage', () => {
  it('makes a private IMS image of the system disk that boots new servers once saved', async () => {
    // Real durations on a frozen clock: the image stays `saving` until the clock is moved.
    await control(client, 'PUT', '/clock', { speed: 'realistic' });
    await control(client, 'POST', '/clock/freeze');
    const { ids: [id] } = await createServers(client, { name: 'golden', root_volume: { volumetype: 'SSD', size: 60 } });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const act = (body: unknown, version = '2.45') => ecs(client, 'POST', `/v2.1/{pid}/servers/${id}/action`, { body, headers: { 'X-OpenStack-Nova-API-Version': version } });
    const r = await act({ createImage: { name: 'golden-image' } });
    expect(r.status).toBe(202);
    const imageId = r.body.image_id as string;
    const shown = await client.call('GET', `/ims/v2/images/${imageId}`);
    expect(shown.body).toMatchObject({ name: 'golden-image', status: 'saving', __imagetype: 'private', visibility: 'private', min_disk: 60, __os_type: 'Linux', __platform: 'Ubuntu' });
    expect(shown.body.__data_origin).toBe(`instance,${id}`);
    // Not bootable before it is saved.
    const early = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ imageRef: imageId, root_volume: { volumetype: 'SSD' } }) });
    expect(early.body.error.code).toBe('Ecs.0032');
    await control(client, 'POST', '/clock/advance', { seconds: 10 });
    expect((await client.call('GET', `/ims/v2/images/${imageId}`)).body.status).toBe('active');
    const mine = await client.call('GET', '/ims/v2/cloudimages', { query: { __imagetype: 'private' } });
    expect(mine.body.images.map((i: Json) => i.id)).toContain(imageId);
    await control(client, 'POST', '/clock/resume');
    await control(client, 'PUT', '/clock', { speed: 'instant' });
    const small = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ imageRef: imageId, root_volume: { volumetype: 'SSD', size: 40 } }) });
    expect(small.body.error.message).toContain('min_disk 60');
    expect((await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ imageRef: imageId, root_volume: { volumetype: 'SSD' } }) })).status).toBe(200);

    // Before 2.44 the image is named by a Location header.
    const old = await act({ createImage: { name: 'golden-2' } }, '2.1');
    expect(old.status).toBe(202);
    expect(old.headers.location).toMatch(/\/ims\/v2\/images\/[0-9a-f-]{36}$/);
    expect((await act({ createImage: {} })).status).toBe(400);
  });

  it('IMS makes the same image as a job (POST /v2/cloudimages/action)', async () => {
    const { ids: [id] } = await createServers(client, { name: 'to-image', data_volumes: [] });
    const post = (body: unknown) => client.call('POST', '/ims/v2/cloudimages/action', { body });
    const r = await post({ name: 'to image 1', instance_id: id, description: 'before the upgrade', min_ram: 2048 });
    expect(r.status, r.text).toBe(200);
    const j = await client.call('GET', `/ims${client.path(`/v1/{pid}/jobs/${r.body.job_id}`)}`);
    expect(j.body).toMatchObject({ job_type: 'createImageByInstance', status: 'SUCCESS', entities: { image_id: expect.any(String) } });
    const image = await client.call('GET', `/ims/v2/images/${j.body.entities.image_id}`);
    expect(image.body).toMatchObject({ name: 'to image 1', status: 'active', min_ram: 2048, __description: 'before the upgrade', __imagetype: 'private' });
    expect((await post({ name: 'x', instance_id: '00000000-0000-4000-8000-000000000000' })).body.error.code).toBe('IMG.0032');
    expect((await post({ name: ' bad', instance_id: id })).body.error.code).toBe('IMG.0001');
    // An ECS job id is not an IMS job.
    const ecsJob = (await ecs(client, 'POST', '/v1/{pid}/cloudservers/delete', { body: { servers: [{ id }] } })).body.job_id as string;
    expect((await client.call('GET', `/ims${client.path(`/v1/{pid}/jobs/${ecsJob}`)}`)).status).toBe(404);
  });
});
