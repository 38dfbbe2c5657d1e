import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorDefaults } from '@console/emulator';
import type { CallDetail, CallEntry, CallPage, Task } from '@console/contract';
import { CallLog } from '../src/calls/store.ts';
import { openDb } from '../src/store/db.ts';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());

describe('API-call inspector', () => {
  it('records every upstream call with its task, user, status and redacted bodies', async () => {
    const zones = (await c.operator.get('/api/v1/availability-zones')).body.items as { name: string }[];
    const res = await c.operator.send('post', '/api/v1/disks', { availabilityZone: zones[0]!.name, type: 'SSD', sizeGiB: 10, name: 'inspected' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = await c.settled((res.body.task as Task).id);
    expect(task.status).toBe('succeeded');

    const calls = (await c.operator.get(`/api/v1/calls?taskId=${task.id}`)).body.items as CallEntry[];
    const create = calls.find((x) => x.method === 'POST' && x.route.endsWith('/cloudvolumes'));
    expect(create, JSON.stringify(calls)).toMatchObject({ service: 'evs', status: 202, username: 'operator', taskId: task.id, errorCode: null });
    expect(create!.requestId).toBe(task.upstream?.requestId);
    // the tracker's job polls belong to the task too
    expect(calls.some((x) => x.method === 'GET' && x.route.includes('/jobs/'))).toBe(true);

    const detail = (await c.operator.get(`/api/v1/calls/${create!.id}`)).body as CallDetail;
    expect(detail.requestBody).toMatchObject({ volume: { name: 'inspected', size: 10 } });
    expect(detail.responseBody).toMatchObject({ job_id: expect.any(String) });

    const byRequest = (await c.operator.get(`/api/v1/calls?requestId=${create!.requestId}`)).body.items as CallEntry[];
    expect(byRequest.map((x) => x.id)).toEqual([create!.id]);

    const mine = (await c.operator.get('/api/v1/calls?username=operator&origin=user&limit=500')).body.items as CallEntry[];
    expect(mine.map((x) => x.id)).toContain(create!.id);
    expect(mine.every((x) => x.username === 'operator')).toBe(true);
    const refused = await c.operator.get('/api/v1/calls?origin=robot');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('origin');
  });

  it('records refusals with the upstream code, filterable by result', async () => {
    await c.operator.get('/api/v1/disks/00000000-0000-4000-8000-000000000000').expect(404);
    const errors = (await c.operator.get('/api/v1/calls?result=error&service=evs')).body.items as CallEntry[];
    expect(errors[0]).toMatchObject({ status: 404, errorCode: expect.any(String), errorMessage: expect.any(String) });
  });

  it('never holds a credential, and is closed to viewers', async () => {
    const page = await c.admin.get('/api/v1/calls?limit=500');
    const details = await Promise.all((page.body.items as CallEntry[]).slice(0, 50).map((x) => c.admin.get(`/api/v1/calls/${x.id}`)));
    const text = JSON.stringify(page.body) + details.map((d) => JSON.stringify(d.body)).join('');
    expect(text).not.toContain(emulatorDefaults.sk);
    expect(text).not.toMatch(/SDK-HMAC-SHA256|Signature=/);
    await c.viewer.get('/api/v1/calls').expect(403);
  });
});

describe('API-call inspector: no secret in any entry', () => {
  // Distinctive so that a scan finds them anywhere, in any field.
  const adminPass = 'Scan-Admin-Pass-7Q';

  /** Every recorded call, each with its bodies, page by page as the inspector reads them. */
  async function everyEntry(): Promise<string[]> {
    const texts: string[] = [];
    let before: number | null | undefined;
    do {
      const page = (await c.admin.get(`/api/v1/calls?limit=100${before ? `&before=${before}` : ''}`)).body as CallPage;
      texts.push(JSON.stringify(page));
      for (const entry of page.items) texts.push(JSON.stringify((await c.admin.get(`/api/v1/calls/${entry.id}`)).body));
      before = page.nextBefore;
    } while (before);
    return texts;
  }

  it('after real calls (a server created with a password, lists, job polls), scans clean', async () => {
    const created = await c.operator.send('post', '/api/v1/servers', {
      name: 'scanned', count: 1, flavorId: 's3.medium.2', imageId: '5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b01', vpcId: '3f6b1c5e-2a4d-4e8f-9b7a-1c2d3e4f5a60',
      nics: [{ subnetId: '8a1f2e3d-4c5b-4a69-8e7d-6c5b4a392811' }], rootVolume: { type: 'SSD', sizeGiB: 40 }, adminPass,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    expect((await c.settled((created.body.task as Task).id)).status).toBe('succeeded');
    await c.operator.get('/api/v1/disks?limit=20').expect(200);
    await c.operator.get('/api/v1/servers?limit=20').expect(200);

    const texts = await everyEntry();
    const create = texts.find((x) => x.includes('"method":"POST"') && x.includes('"requestBody"') && x.includes('"scanned"'));
    // the create call is there, with its body, and the password is replaced in it
    expect(create).toBeDefined();
    expect(create).toContain('"adminPass":"[redacted]"');
    const all = texts.join('\n');
    for (const secret of [adminPass, emulatorDefaults.sk]) expect(all).not.toContain(secret);
    // no header is recorded at all: neither the signature nor a token can be in an entry
    expect(all).not.toMatch(/authorization|x-auth-token|x-security-token|x-subject-token|SDK-HMAC-SHA256|Signature=/i);
    expect(all).not.toMatch(/"(password|adminPass|user_data|securityToken)":"(?!\[redacted\])/);
  });
});

describe('API-call inspector: bounded', () => {
  const record = (log: CallLog, path: string) =>
    log.record({ service: 'evs', method: 'GET', path, route: path, query: {}, status: 200, durationMs: 1, attempts: 1, requestId: undefined }, { profileId: 'p' });
  const all = { limit: 500 } as const;

  it('keeps at most the newest keepMax calls', () => {
    const log = new CallLog(openDb(':memory:'), 3600_000, 5);
    for (let i = 0; i < 12; i++) record(log, `/v2/call-${i}`);
    log.prune();
    expect(log.query(all, ['p']).items.map((x) => x.path)).toEqual(['/v2/call-11', '/v2/call-10', '/v2/call-9', '/v2/call-8', '/v2/call-7']);
  });

  it('neither shows nor keeps calls older than keepMs, even before a prune', () => {
    const log = new CallLog(openDb(':memory:'), 3600_000, 100);
    const id = record(log, '/v2/old');
    const later = Date.now() + 3600_001;
    expect(log.query(all, ['p'], later).items).toEqual([]);
    expect(log.get(id, later)).toBeUndefined();
    expect(log.get(id)).toBeDefined();
    log.prune(later);
    expect(log.get(id)).toBeUndefined();
  });

  it('filters by status class and free text', () => {
    const log = new CallLog(openDb(':memory:'));
    log.record({ service: 'ecs', method: 'POST', path: '/v1/p/cloudservers/x/attachvolume', route: '/v1/{project_id}/cloudservers/{server_id}/attachvolume', query: {}, status: 400, durationMs: 3, attempts: 1, requestId: 'req-abc', error: { code: 'Ecs.0005', message: 'bad', kind: 'http' } }, { profileId: 'p' });
    log.record({ service: 'ecs', method: 'GET', path: '/v1/p/jobs/1', route: '/v1/{project_id}/jobs/{job_id}', query: {}, status: 0, durationMs: 3, attempts: 3, requestId: undefined, error: { code: 'ECONNREFUSED', message: 'x', kind: 'network' } }, { profileId: 'p' });
    record(log, '/v2/ok');
    const paths = (q: object) => log.query({ ...all, ...q }, ['p']).items.map((x) => x.path);
    expect(paths({ statusClass: '4xx' })).toEqual(['/v1/p/cloudservers/x/attachvolume']);
    expect(paths({ statusClass: 'none' })).toEqual(['/v1/p/jobs/1']);
    expect(paths({ statusClass: '2xx' })).toEqual(['/v2/ok']);
    expect(paths({ search: 'Ecs.0005' })).toEqual(['/v1/p/cloudservers/x/attachvolume']);
    expect(paths({ search: 'req-ab' })).toEqual(['/v1/p/cloudservers/x/attachvolume']);
    expect(paths({ search: 'jobs' })).toEqual(['/v1/p/jobs/1']);
    expect(paths({ search: '%' })).toEqual([]);
  });

  it('tells the calls made for a user from the console\'s own, and one user\'s from another\'s', () => {
    const log = new CallLog(openDb(':memory:'));
    log.record({ service: 'cbr', method: 'GET', path: '/v3/p/backups', route: '/v3/{project_id}/backups', query: {}, status: 200, durationMs: 2, attempts: 1, requestId: undefined }, { profileId: 'p' });
    log.record({ service: 'evs', method: 'POST', path: '/v2/p/cloudvolumes', route: '/v2/{project_id}/cloudvolumes', query: {}, status: 200, durationMs: 2, attempts: 1, requestId: undefined }, { profileId: 'p', username: 'ops' });
    const paths = (q: object) => log.query({ ...all, ...q }, ['p']).items.map((x) => x.path);
    expect(paths({ origin: 'user' })).toEqual(['/v2/p/cloudvolumes']);
    expect(paths({ origin: 'background' })).toEqual(['/v3/p/backups']);
    expect(paths({ username: 'ops' })).toEqual(['/v2/p/cloudvolumes']);
    expect(paths({ username: 'op' })).toEqual([]);
    expect(paths({})).toEqual(['/v2/p/cloudvolumes', '/v3/p/backups']);
  });
});
