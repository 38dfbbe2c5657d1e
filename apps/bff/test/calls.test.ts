import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorDefaults } from '@console/emulator';
import type { CallDetail, CallEntry, Task } from '@console/contract';
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
