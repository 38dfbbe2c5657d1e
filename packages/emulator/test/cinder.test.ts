import { describe, expect, it } from 'vitest';
import { AZ, control, useTestEmulator, type Json } from './helpers.ts';

// Every call in this file is signed by the official SDK's signer.
const client = useTestEmulator({}, { auth: 'sdk' });

const createVolume = async (volume: Record<string, unknown> = {}) => {
  const r = await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SAS', size: 10, ...volume } } });
  if (r.status !== 202) throw new Error(r.text);
  return r.body.volume.id as string;
};
const show = (id: string) => client.evs('GET', `/v2/{pid}/volumes/${id}`);
const action = (id: string, body: unknown) => client.evs('POST', `/v2/{pid}/volumes/${id}/action`, { body });

describe('Cinder volumes', () => {
  it('creates with 202 and status creating, then the disk becomes available', async () => {
    const r = await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SAS', size: 10, name: 'openapi_vol01', metadata: { 'hw:passthrough': 'true' } } } });
    expect(r.status).toBe(202);
    expect(r.body.volume).toMatchObject({ status: 'creating', name: 'openapi_vol01', encrypted: false, shareable: false, multiattach: false, bootable: 'false' });
    const v = (await show(r.body.volume.id)).body.volume;
    expect(v).toMatchObject({ status: 'available', size: 10, 'os-vol-tenant-attr:tenant_id': client.projectId });
    expect((await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SAS', size: 10, source_volid: r.body.volume.id } } })).body.error.code).toBe('EVS.1070');
    expect((await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SAS', size: 10, imageRef: '7b0c2c1e-1111-4222-8333-444455556666' } } })).body.error.message).toMatch(/^Invalid imageRef provided\./);
    await control(client, 'PUT', '/quotas', { volumes: 1 });
    const over = await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SAS', size: 10 } } });
    expect([over.status, over.body.error.code]).toEqual([413, 'EVS.5413']);
  });

  it('lists summaries and details with marker paging and exact name match', async () => {
    const a = await createVolume({ name: 'zjb' });
    await createVolume({ name: 'zjb_u25' });
    const list = await client.evs('GET', '/v2/{pid}/volumes', { query: { limit: '1' } });
    expect(list.body.volumes).toHaveLength(1);
    expect(Object.keys(list.body.volumes[0]).sort()).toEqual(['id', 'links', 'name']);
    expect(list.body.volumes_links[0].href).toContain('/volumes?');
    const rest = await client.evs('GET', '/v2/{pid}/volumes', { query: { marker: list.body.volumes[0].id } });
    expect(rest.body.volumes.map((v: Json) => v.id)).toEqual([a]);
    const detail = await client.evs('GET', '/v2/{pid}/volumes/detail', { query: { name: 'zjb' } });
    expect(detail.body.volumes.map((v: Json) => v.id)).toEqual([a]);
    expect(detail.body.count).toBeUndefined();
    expect((await client.evs('GET', '/v2/{pid}/volumes', { query: { limit: 'x' } })).body.error.message).toMatch(/^limit param must be an integer\./);
    expect((await client.evs('GET', '/v2/{pid}/volumes', { query: { limit: '-3' } })).body.error.message).toMatch(/^limit param must be positive\./);
  });

  it('updates wrapped in volume, with display_* fallbacks and protected metadata', async () => {
    const id = await createVolume({ metadata: { 'hw:passthrough': 'false' } });
    const r = await client.evs('PUT', `/v2/{pid}/volumes/${id}`, { body: { volume: { display_name: 'shown', description: 'desc', metadata: { owner: 'qa' } } } });
    expect(r.status).toBe(200);
    expect(r.body.volume).toMatchObject({ name: 'shown', description: 'desc', metadata: { owner: 'qa', 'hw:passthrough': 'false' } });
    const locked = await client.evs('PUT', `/v2/{pid}/volumes/${id}`, { body: { volume: { metadata: { 'hw:passthrough': 'true' } } } });
    expect(locked.body.error.code).toBe('EVS.2047');
  });

  it('deletes with 202 and no body; refuses a disk with snapshots unless cascade=true', async () => {
    const id = await createVolume();
    await client.evs('POST', '/v2/{pid}/snapshots', { body: { snapshot: { volume_id: id } } });
    const refused = await client.evs('DELETE', `/v2/{pid}/volumes/${id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/snapshot/);
    const ok = await client.evs('DELETE', `/v2/{pid}/volumes/${id}`, { query: { cascade: 'true' } });
    expect([ok.status, ok.text]).toEqual([202, '']);
    expect((await show(id)).status).toBe(404);
  });

  it('runs the actions with their own success codes', async () => {
    const id = await createVolume({ size: 10 });
    expect((await action(id, { 'os-extend': { new_size: 20 } })).status).toBe(202);
    expect((await show(id)).body.volume.size).toBe(20);
    expect((await action(id, { 'os-extend': { new_size: 10 } })).body.error.code).toBe('EVS.1015');
    expect((await action(id, { 'os-set_bootable': { bootable: true } })).status).toBe(200);
    expect((await show(id)).body.volume.bootable).toBe('true');
    expect((await action(id, { 'os-update_readonly_flag': { readonly: true } })).status).toBe(202);
    expect((await show(id)).body.volume.metadata.readonly).toBe('True');

    const up = await action(id, { 'os-volume_upload_image': { image_name: 'my image', force: true, disk_format: 'vhd' } });
    expect(up.status).toBe(202);
    expect(up.body['os-volume_upload_image']).toMatchObject({ id, image_name: 'my image', status: 'uploading', size: 20, container_format: 'bare', volume_type: { name: 'SAS' } });
    expect((await show(id)).body.volume.status).toBe('available');
    const images = (await control(client, 'GET', '/state/images')).body.rows;
    expect(images.some((i: Json) => i.name === 'my image')).toBe(true);
    expect((await action(id, { 'os-volume_uploaded_image': { image_name: 'bad/name' } })).body.error.code).toBe('EVS.5400');

    const server = '7b0c2c1e-1111-4222-8333-444455556666';
    expect((await action(id, { 'os-attach': { instance_uuid: server, mountpoint: '/dev/vdb' } })).status).toBe(202);
    const attached = (await show(id)).body.volume;
    expect(attached.status).toBe('in-use');
    expect(attached.attachments).toEqual([expect.objectContaining({ server_id: server, device: '/dev/vdb', volume_id: id, id })]);
    expect((await action(id, { 'os-volume_upload_image': { image_name: 'x' } })).body.error.message).toMatch(/force/);
    expect((await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { server_id: server } })).body.count).toBe(1);
    expect((await action(id, { 'os-detach': { attachment_id: attached.attachments[0].attachment_id } })).status).toBe(202);
    expect((await show(id)).body.volume.status).toBe('available');
    expect((await action(id, { 'os-reserve': {} })).status).toBe(202);
    expect((await show(id)).body.volume.status).toBe('attaching');
    expect((await action(id, { 'os-unreserve': {} })).status).toBe(202);
    expect((await action(id, { 'os-unreserve': {} })).body.error.code).toBe('EVS.5400');
    expect((await action(id, { 'os-frobnicate': {} })).body.error.code).toBe('EVS.5400');
    expect((await action(id, { 'os-extend': { new_size: 30 }, 'os-reserve': {} })).body.error.code).toBe('EVS.5400');
  });
});

describe('Cinder snapshots and metadata', () => {
  it('creates, lists (null links), shows, updates and deletes snapshots', async () => {
    const vid = await createVolume();
    const r = await client.evs('POST', '/v2/{pid}/snapshots', { body: { snapshot: { volume_id: vid, name: 'snap-001', description: null } } });
    expect(r.status).toBe(202);
    expect(r.body.snapshot).toMatchObject({ status: 'creating', volume_id: vid, description: null });
    expect(r.body.snapshot['os-extended-snapshot-attributes:progress']).toBeUndefined();
    const id = r.body.snapshot.id;
    const list = await client.evs('GET', '/v2/{pid}/snapshots');
    expect(list.body).toEqual({ snapshots: [expect.objectContaining({ id, status: 'available' })], snapshots_links: null });
    const detail = await client.evs('GET', '/v2/{pid}/snapshots/detail', { query: { volume_id: vid } });
    expect(detail.body.snapshots[0]['os-extended-snapshot-attributes:project_id']).toBe(client.projectId);
    expect((await client.evs('GET', `/v2/{pid}/snapshots/${id}`)).body.snapshot.size).toBe(10);
    expect((await client.evs('PUT', `/v2/{pid}/snapshots/${id}`, { body: { snapshot: { name: 'name_xx3' } } })).body.snapshot.name).toBe('name_xx3');
    expect((await client.evs('DELETE', `/v2/{pid}/snapshots/${id}`)).status).toBe(202);
    expect((await client.evs('GET', '/v2/{pid}/snapshots')).body.snapshots).toEqual([]);
    expect((await client.evs('GET', `/v2/{pid}/snapshots/${id}`)).status).toBe(404);
    expect((await client.evs('POST', '/v2/{pid}/snapshots', { body: { snapshot: { volume_id: vid, metadata: 'x' } } })).body.error.code).toBe('EVS.1018');
    expect((await client.evs('GET', '/v2/{pid}/snapshots/detail', { query: { limit: '0' } })).body.error.code).toBe('EVS.5400');
    expect((await client.evs('GET', '/v2/{pid}/snapshots', { query: { marker: 'nope' } })).body.error.code).toBe('EVS.1024');
  });

  it('adds, replaces, reads, updates and deletes disk and snapshot metadata', async () => {
    const vid = await createVolume();
    const sid = (await client.evs('POST', '/v2/{pid}/snapshots', { body: { snapshot: { volume_id: vid } } })).body.snapshot.id;
    for (const base of [`/v2/{pid}/volumes/${vid}`, `/v2/{pid}/snapshots/${sid}`]) {
      const add = await client.evs('POST', `${base}/metadata`, { body: { metadata: { key1: 'value1', key2: 'value2' } } });
      expect(add.status).toBe(200);
      expect(add.body.metadata).toEqual({ key1: 'value1', key2: 'value2' });
      expect((await client.evs('GET', `${base}/metadata/key1`)).body).toEqual({ meta: { key1: 'value1' } });
      expect((await client.evs('PUT', `${base}/metadata/key1`, { body: { meta: { key1: 'v1' } } })).body).toEqual({ meta: { key1: 'v1' } });
      expect((await client.evs('PUT', `${base}/metadata/key1`, { body: { meta: { other: 'v1' } } })).body.error.message).toMatch(/^Request body and URI mismatch/);
      expect((await client.evs('PUT', `${base}/metadata`, { body: { metadata: { only: 'this' } } })).body.metadata).toEqual({ only: 'this' });
      expect((await client.evs('DELETE', `${base}/metadata/only`)).status).toBe(200);
      expect((await client.evs('GET', `${base}/metadata`)).body.metadata).toEqual({});
      expect((await client.evs('GET', `${base}/metadata/only`)).status).toBe(404);
      expect((await client.evs('POST', `${base}/metadata`, { body: { metadata: { k: 1 } } })).body.error.code).toBe('EVS.1018');
    }
    expect((await client.evs('GET', `/v3/{pid}/volumes/${vid}/metadata`)).body).toEqual({ metadata: {} });
  });
});

describe('transfers', () => {
  it('creates (disk awaiting-transfer, auth key once), lists, shows and accepts', async () => {
    const vid = await createVolume();
    const r = await client.evs('POST', '/v2/{pid}/os-volume-transfer', { body: { transfer: { volume_id: vid, name: 'first volume' } } });
    expect(r.status).toBe(202);
    expect(r.body.transfer).toMatchObject({ name: 'first volume', volume_id: vid, auth_key: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const id = r.body.transfer.id;
    expect((await show(vid)).body.volume.status).toBe('awaiting-transfer');
    expect((await client.evs('GET', `/v2/{pid}/os-volume-transfer/${id}`)).body.transfer.auth_key).toBeUndefined();
    expect((await client.evs('GET', '/v2/{pid}/os-volume-transfer')).body.transfers).toEqual([{ id, name: 'first volume', volume_id: vid, links: expect.any(Array) }]);
    expect((await client.evs('GET', '/v2/{pid}/os-volume-transfer/detail')).body.transfers[0].created_at).toBeDefined();
    expect((await client.evs('POST', `/v2/{pid}/os-volume-transfer/${id}/accept`, { body: { accept: { auth_key: 'wrong' } } })).status).toBe(400);
    const ok = await client.evs('POST', `/v2/{pid}/os-volume-transfer/${id}/accept`, { body: { accept: { auth_key: r.body.transfer.auth_key } } });
    expect(ok.status).toBe(202);
    expect((await show(vid)).body.volume.status).toBe('available');
    expect((await client.evs('DELETE', `/v2/{pid}/os-volume-transfer/${id}`)).status).toBe(404);
  });

  it('refuses disks that cannot move and restores the disk when a transfer is deleted', async () => {
    const vid = await createVolume();
    await client.evs('POST', '/v2/{pid}/snapshots', { body: { snapshot: { volume_id: vid } } });
    expect((await client.evs('POST', '/v2/{pid}/os-volume-transfer', { body: { transfer: { volume_id: vid, name: 't' } } })).body.error.message).toMatch(/snapshots/);
    const free = await createVolume();
    const t = await client.evs('POST', '/v2/{pid}/os-volume-transfer', { body: { transfer: { volume_id: free, name: 't' } } });
    expect((await client.evs('DELETE', `/v2/{pid}/os-volume-transfer/${t.body.transfer.id}`)).status).toBe(202);
    expect((await show(free)).body.volume.status).toBe('available');
  });
});

describe('catalogue APIs', () => {
  it('lists disk types (also without a token), their details, AZs and extensions', async () => {
    const types = await client.evs('GET', '/v2/{pid}/types', { auth: 'none' });
    expect(types.status).toBe(200);
    const byName = Object.fromEntries(types.body.volume_types.map((t: Json) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['ESSD', 'ESSD2', 'GPSSD', 'GPSSD2', 'SAS', 'SATA', 'SSD']);
    expect(byName.SATA.extra_specs['os-vendor-extended:sold_out_availability_zones']).toBe(`${AZ.a},${AZ.b},${AZ.c}`);
    expect(byName.ESSD.extra_specs['RESKEY:availability_zones']).toBe(`${AZ.a},${AZ.b}`);
    const one = await client.evs('GET', `/v2/{pid}/types/${byName.SSD.id}`);
    expect(one.body.volume_type.name).toBe('SSD');
    expect((await client.evs('GET', '/v2/{pid}/types/nope')).status).toBe(404);
    const az = await client.evs('GET', '/v2/{pid}/os-availability-zone');
    expect(az.body.availabilityZoneInfo).toEqual([AZ.a, AZ.b, AZ.c].map((zoneName) => ({ zoneState: { available: true }, zoneName })));
    const ext = await client.evs('GET', '/v2/{pid}/extensions');
    expect(ext.body.extensions.map((e: Json) => e.alias)).toContain('os-volume-transfer');
  });

  it('reports quotas only with usage=True for the same project', async () => {
    expect((await client.evs('GET', '/v2/{pid}/os-quota-sets/{pid}')).body.error.code).toBe('EVS.5400');
    expect((await client.evs('GET', '/v2/{pid}/os-quota-sets/0123456789abcdef0123456789abcdef', { query: { usage: 'True' } })).status).toBe(403);
    const q = await client.evs('GET', '/v2/{pid}/os-quota-sets/{pid}', { query: { usage: 'True' } });
    expect(q.body.quota_set.id).toBe(client.projectId);
    for (const key of ['volumes', 'gigabytes', 'snapshots', 'backups', 'backup_gigabytes', 'per_volume_gigabytes', 'volumes_SATA', 'gigabytes_GPSSD', 'snapshots_SSD']) {
      expect(q.body.quota_set[key], key).toEqual({ in_use: expect.any(Number), limit: expect.any(Number), reserved: expect.any(Number) });
    }
  });

  it('answers version discovery without credentials: 300 for the list, 200 for one', async () => {
    const all = await client.call('GET', '/evs/', { auth: 'none' });
    expect(all.status).toBe(300);
    expect(all.body.versions.map((v: Json) => [v.id, v.status])).toEqual([['v1.0', 'SUPPORTED'], ['v2.0', 'SUPPORTED'], ['v3.0', 'CURRENT']]);
    const v2 = await client.call('GET', '/evs/v2', { auth: 'none' });
    expect(v2.status).toBe(200);
    expect(v2.body.versions[0].links[1].href).toBe(`${client.emulator.info.endpoints.evs}/v2`);
    expect((await client.call('GET', '/evs/v7', { auth: 'none' })).status).toBe(404);
  });
});
