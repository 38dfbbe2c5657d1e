import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../src/app.ts';
import { makeApp } from './helpers.ts';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';
import { listen, SseClient } from './sse.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());

describe('metrics', () => {
  it('counts upstream calls by service, operation and status, tasks, SSE clients and login failures', async () => {
    await c.viewer.get('/api/v1/disks?limit=5').expect(200);
    await request(c.app).post('/api/v1/session').send({ username: 'admin', password: 'not it' }).expect(401);
    const text = (await request(c.app).get('/metrics').expect(200)).text;
    expect(text).toMatch(/console_upstream_calls_total\{service="evs",method="GET",route="\/v2\/\{project_id\}\/cloudvolumes\/detail",status="200"\} \d+/);
    expect(text).toMatch(/console_upstream_call_duration_seconds_bucket\{le="[\d.]+",service="evs"/);
    expect(text).toMatch(/console_login_failures_total [1-9]/);
    expect(text).toMatch(/# TYPE console_sse_clients gauge\nconsole_sse_clients 0/);
    expect(text).toContain('# TYPE console_tasks gauge');
  });

  it('counts tasks by kind and status as they open and finish, and connected event streams', async () => {
    const zones = (await c.operator.get('/api/v1/availability-zones')).body.items as { name: string }[];
    const res = await c.operator.send('post', '/api/v1/disks', { availabilityZone: zones[0]!.name, type: 'SSD', sizeGiB: 10, name: 'metered' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const task = await c.settled(res.body.task.id);
    const tasks = (text: string) => Number(new RegExp(`console_tasks\\{kind="${task.kind}",status="succeeded"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    const before = tasks((await request(c.app).get('/metrics')).text);
    expect(before).toBeGreaterThanOrEqual(1);
    const again = await c.operator.send('post', '/api/v1/disks', { availabilityZone: zones[0]!.name, type: 'SSD', sizeGiB: 10, name: 'metered-2' });
    await c.settled(again.body.task.id);

    const http = await listen(c.app);
    const sse = await SseClient.open(http.url, c.viewer.cookie);
    const text = (await request(c.app).get('/metrics')).text;
    sse.close();
    await http.close();
    expect(tasks(text)).toBe(before + 1);
    expect(text).toMatch(/console_sse_clients 1\n/);
    expect(text).toMatch(/console_upstream_calls_total\{service="evs",method="POST",route="\/v2\.1\/\{project_id\}\/cloudvolumes",status="202"\} [1-9]/);
    expect(text).toMatch(/console_upstream_call_duration_seconds_count\{service="evs",method="POST",route="\/v2\.1\/\{project_id\}\/cloudvolumes"\} [1-9]/);
  });

  it('is served to loopback scrapers or with the token, not to anyone else', async () => {
    // A request relayed by a local proxy carries the real client's address.
    await request(c.app).get('/metrics').set('X-Forwarded-For', '203.0.113.5').expect(403);
    const { app, ctx } = await makeApp();
    const withToken = createApp(ctx, { metricsToken: 'scrape-token-123' });
    await request(withToken).get('/metrics').set('X-Forwarded-For', '203.0.113.5').set('Authorization', 'Bearer scrape-token-123').expect(200);
    await request(withToken).get('/metrics').set('X-Forwarded-For', '203.0.113.5').set('Authorization', 'Bearer wrong-token-123').expect(403);
    void app;
  });
});

describe('liveness and readiness', () => {
  it('is ready when the store works and the default profile\'s cloud answers', async () => {
    const res = await request(c.app).get('/api/ready').expect(200);
    expect(res.body).toEqual({ status: 'ready', profileId: 'emulator', checks: { store: 'ok', upstream: 'ok' } });
    await request(c.app).get('/api/health').expect(200);
  });

  it('is not ready when the cloud does not answer', async () => {
    const { app } = await makeApp(); // its profile points at a closed port
    const res = await request(app).get('/api/ready').expect(503);
    expect(res.body.status).toBe('not-ready');
    expect(res.body.checks.store).toBe('ok');
    expect(res.body.checks.upstream).toMatch(/^failed: /);
  });

  it('tags every response with a request id, keeping a sane one from a proxy', async () => {
    const fresh = await request(c.app).get('/api/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(c.app).get('/api/health').set('X-Request-Id', 'proxy-req-12345');
    expect(kept.headers['x-request-id']).toBe('proxy-req-12345');
    const junk = await request(c.app).get('/api/health').set('X-Request-Id', '<script>');
    expect(junk.headers['x-request-id']).not.toBe('<script>');
  });
});
