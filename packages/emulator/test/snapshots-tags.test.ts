import { describe, expect, it } from 'vitest';
import { AZ, control, createDisks, useTestEmulator, type Json } from './helpers.ts';

const client = useTestEmulator();

const snap = (body: unknown) => client.evs('POST', '/v2/{pid}/cloudsnapshots', { body });
const disk = async (volume: Record<string, unknown> = {}) => (await createDisks(client, volume)).ids[0]!;

describe('snapshots (custom API)', () => {
  it('creates (202, creating), shows, lists with count, updates and deletes', async () => {
    const vid = await disk({ size: 20 });
    const r = await snap({ snapshot: { volume_id: vid, name: 'snap-001', description: 'Daily backup', metadata: { k: 'v' } } });
    expect(r.status).toBe(202);
    expect(r.body.snapshot).toMatchObject({ status: 'creating', name: 'snap-001', volume_id: vid, size: 20, metadata: { k: 'v' } });
    expect(r.body.snapshot['os-extended-snapshot-attributes:project_id']).toBe(client.projectId);
    const id = r.body.snapshot.id;
    const shown = await client.evs('GET', `/v2/{pid}/cloudsnapshots/${id}`);
    expect(shown.body.snapshot).toMatchObject({ status: 'available', 'os-extended-snapshot-attributes:progress': '100%' });

    await snap({ snapshot: { volume_id: vid, name: 'snap-002' } });
    const list = await client.evs('GET', '/v2/{pid}/cloudsnapshots/detail', { query: { volume_id: vid, limit: '1' } });
    expect(list.body.count).toBe(2);
    expect(list.body.snapshots).toHaveLength(1);
    expect(list.body.snapshots[0]).toMatchObject({ name: 'snap-002', service_type: 'EVS' });
    expect(list.body.snapshots_links[0].rel).toBe('next');
    const byIds = await client.evs('GET', '/v2/{pid}/cloudsnapshots/detail', { query: { id: [id] } });
    expect(byIds.body.snapshots.map((s: Json) => s.id)).toEqual([id]);
    expect((await client.evs('GET', '/v2/{pid}/cloudsnapshots/detail', { query: { name: 'snap-001' } })).body.count).toBe(1);

    const upd = await client.evs('PUT', `/v2/{pid}/cloudsnapshots/${id}`, { body: { snapshot: { name: 'renamed', description: 'x' } } });
    expect(upd.status).toBe(200);
    expect(upd.body.snapshot).toMatchObject({ name: 'renamed', description: 'x' });
    expect(upd.body.snapshot.updated_at).not.toBeNull();

    const tooLong = await client.evs('PUT', `/v2/{pid}/cloudsnapshots/${id}`, { body: { snapshot: { description: 'd'.repeat(86) } } });
    expect(tooLong.body.error.code).toBe('EVS.5400');
    expect((await client.evs('GET', '/v2/{pid}/cloudsnapshots/detail', { query: { limit: '1001' } })).body.error.code).toBe('EVS.2142');
    const del = await client.evs('DELETE', `/v2/{pid}/cloudsnapshots/${id}`);
    expect(del.status).toBe(202);
    expect(del.text).toBe('');
    expect((await client.evs('GET', `/v2/{pid}/cloudsnapshots/${id}`)).status).toBe(404);
  });

  it('refuses bad snapshot requests with their codes', async () => {
    const vid = await disk();
    expect((await snap({})).body.error.code).toBe('EVS.5400');
    expect((await snap({ snapshot: {} })).body.error.code).toBe('EVS.1002');
    expect((await snap({ snapshot: { volume_id: '7b0c2c1e-1111-4222-8333-444455556666' } })).status).toBe(404);
    expect((await snap({ snapshot: { volume_id: vid, name: 'n'.repeat(65) } })).status).toBe(400);
    expect((await snap({ snapshot: { volume_id: vid, force: 'sometimes' } })).body.error.code).toBe('EVS.1018');
    await control(client, 'PUT', '/quotas', { snapshots: 1 });
    expect((await snap({ snapshot: { volume_id: vid } })).status).toBe(202);
    const over = await snap({ snapshot: { volume_id: vid } });
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('EVS.5413');
  });

  it('needs force to snapshot an attaching disk', async () => {
    const vid = await disk();
    expect((await client.evs('POST', `/v2/{pid}/volumes/${vid}/action`, { body: { 'os-reserve': {} } })).status).toBe(202);
    const refused = await snap({ snapshot: { volume_id: vid } });
    expect(refused.body.error.code).toBe('EVS.5400');
    expect(refused.body.error.message).toMatch(/force/);
    expect((await snap({ snapshot: { volume_id: vid, force: true } })).status).toBe(202);
  });

  it('rolls back to the source disk only, renaming it on request', async () => {
    const vid = await disk({ name: 'before' });
    const other = await disk();
    const sid = (await snap({ snapshot: { volume_id: vid } })).body.snapshot.id;
    const rb = (body: unknown) => client.evs('POST', `/v2/{pid}/cloudsnapshots/${sid}/rollback`, { body });
    const r = await rb({ rollback: { volume_id: vid, name: 'after' } });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ rollback: { volume_id: vid } });
    const v = (await client.evs('GET', `/v2/{pid}/cloudvolumes/${vid}`)).body.volume;
    expect([v.status, v.name]).toEqual(['available', 'after']);
    expect((await rb({ rollback: { volume_id: other } })).body.error.message).toMatch(/^Request body and URI mismatch/);
    expect((await rb({ rollback: {} })).body.error.code).toBe('EVS.1002');

    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'rollbackSnapshot', code: 'EVS.5500' });
    await rb({ rollback: { volume_id: vid } });
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${vid}`)).body.volume.status).toBe('error_rollbacking');
    // error_rollbacking is one of the two statuses a rollback may start from
    expect((await rb({ rollback: { volume_id: vid } })).status).toBe(202);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${vid}`)).body.volume.status).toBe('available');
  });

  it('deletes only available or error snapshots', async () => {
    const vid = await disk();
    await control(client, 'POST', '/faults', { kind: 'job', jobType: 'deleteSnapshot', code: 'EVS.5500' });
    const sid = (await snap({ snapshot: { volume_id: vid } })).body.snapshot.id;
    await client.evs('DELETE', `/v2/{pid}/cloudsnapshots/${sid}`);
    expect((await client.evs('GET', `/v2/{pid}/cloudsnapshots/${sid}`)).body.snapshot.status).toBe('error_deleting');
    const again = await client.evs('DELETE', `/v2/{pid}/cloudsnapshots/${sid}`);
    expect([again.status, again.body.error.code]).toEqual([500, 'EVS.2019']);
  });
});

describe('tags', () => {
  it('adds (overwriting), lists, deletes with one URL and 204s', async () => {
    const vid = await disk({ tags: { env: 'dev' } });
    const action = (body: unknown) => client.evs('POST', `/v2/{pid}/cloudvolumes/${vid}/tags/action`, { body });
    const add = await action({ action: 'create', tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'storage' }] });
    expect(add.status).toBe(204);
    expect(add.text).toBe('');
    const shown = await client.evs('GET', `/v2/{pid}/cloudvolumes/${vid}/tags`);
    expect(shown.body.tags).toEqual([{ key: 'env', value: 'prod' }, { key: 'team', value: 'storage' }]);
    expect((await action({ action: 'delete', tags: [{ key: 'team' }, { key: 'absent' }] })).status).toBe(204);
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${vid}`)).body.volume.tags).toEqual({ env: 'prod' });
    expect((await client.evs('GET', '/v2/{pid}/cloudvolumes/7b0c2c1e-1111-4222-8333-444455556666/tags')).status).toBe(404);

    expect((await action({ action: 'create', tags: [{ key: 'bad key', value: 'v' }] })).body.error.code).toBe('EVS.1062');
    expect((await action({ action: 'update', tags: [] })).body.error.code).toBe('EVS.1070');
    const eleven = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect((await action({ action: 'create', tags: eleven })).body.error.code).toBe('EVS.1061');
  });

  it('aggregates the project tags and queries disks by tag', async () => {
    const a = await disk({ name: 'web-a', tags: { env: 'prod', app: 'web' } });
    await disk({ name: 'web-b', tags: { env: 'dev', app: 'web' } });
    await disk({ name: 'db', tags: { env: 'prod', app: 'db' } });
    const all = await client.evs('GET', '/v2/{pid}/cloudvolumes/tags');
    expect(all.body.tags).toEqual({ app: ['db', 'web'], env: ['dev', 'prod'] });

    const query = (body: Record<string, unknown>) => client.evs('POST', '/v2/{pid}/cloudvolumes/resource_instances/action', { body: { action: 'filter', ...body } });
    const prodWeb = await query({ tags: [{ key: 'env', values: ['prod'] }, { key: 'app', values: ['web'] }] });
    expect(prodWeb.status).toBe(200);
    expect(prodWeb.body.total_count).toBe(1);
    expect(prodWeb.body.resources[0]).toMatchObject({ resource_id: a, resource_name: 'web-a', resource_detail: { id: a, shareable: false } });
    expect(prodWeb.body.resources[0].tags).toEqual([{ key: 'env', value: 'prod' }, { key: 'app', value: 'web' }]);
    expect((await query({ tags: [{ key: 'app', values: [] }] })).body.total_count).toBe(3);
    expect((await query({ tags: [{ key: 'env', values: ['prod', 'dev'] }], matches: [{ key: 'resource_name', value: 'web' }] })).body.total_count).toBe(2);
    const paged = await query({ tags: [{ key: 'app', values: [] }], limit: 1, offset: 1 });
    expect([paged.body.total_count, paged.body.resources.length]).toEqual([3, 1]);
    expect((await query({ tags: [{ key: 'env', values: [] }, { key: 'env', values: [] }] })).body.error.code).toBe('EVS.1062');
    expect((await query({ tags: [], limit: 5000 })).body.error.code).toBe('EVS.2142');
    expect((await client.evs('POST', '/v2/{pid}/cloudvolumes/resource_instances/action', { body: { action: 'count', tags: [] } })).body.error.code).toBe('EVS.1070');
  });
});

describe('AZ-dependent types', () => {
  it('creates ESSD only where it is sold', async () => {
    expect((await createDisks(client, { volume_type: 'ESSD', availability_zone: AZ.a })).ids).toHaveLength(1);
  });
});
