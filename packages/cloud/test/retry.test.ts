import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backoffDelay, CloudError, CloudHttp, parseRetryAfter, resolveRetryPolicy, type CallRecord, type CloudRequest,
} from '../src/index.ts';
import { freePort, json, profileFor, recordingRetry, startFakeCloud, type FakeCloud } from './helpers/fake-cloud.ts';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startFakeCloud();
});
afterEach(async () => {
  await cloud.close();
});

const listDisks: CloudRequest = { service: 'evs', method: 'GET', path: '/v2/{project_id}/cloudvolumes/detail' };
const createDisks: CloudRequest = {
  service: 'evs',
  method: 'POST',
  path: '/v2.1/{project_id}/cloudvolumes',
  body: { volume: { availability_zone: 'az1', volume_type: 'SSD', size: 10 } },
};

function failing(status: number, times: number, headers: Record<string, string> = {}) {
  return (_req: unknown, res: Parameters<typeof json>[0], index: number) => {
    if (index < times) json(res, status, { error: { code: `EVS.5${status}`, message: 'Service unavailable.' } }, headers);
    else json(res, 200, { ok: true }, { 'X-Request-Id': 'rid-final' });
  };
}

async function rejection(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('retries', () => {
  it('retries an idempotent GET on 5xx with full-jitter backoff from the injected random and sleep', async () => {
    cloud.setHandler(failing(503, 2));
    const retry = recordingRetry({ random: () => 0.5 });
    const records: CallRecord[] = [];
    const res = await new CloudHttp(profileFor(cloud.url), { retry, onCall: (r) => records.push(r) }).request(listDisks);

    expect(res.data).toEqual({ ok: true });
    expect(cloud.requests).toHaveLength(3);
    // base 200 ms: ceilings 200 then 400, times random 0.5.
    expect(retry.delays).toEqual([100, 200]);
    expect(records[0]).toMatchObject({ attempts: 3, status: 200, requestId: 'rid-final' });
    // Each attempt is signed afresh and verifies.
    expect(cloud.requests.every((r) => r.verification.ok)).toBe(true);
  });

  it('gives up after maxAttempts and rejects with the last upstream error', async () => {
    cloud.setHandler(failing(502, 99));
    const retry = recordingRetry({ maxAttempts: 4, random: () => 0.999 });
    const records: CallRecord[] = [];
    const error = await rejection(new CloudHttp(profileFor(cloud.url), { retry, onCall: (r) => records.push(r) }).request(listDisks));

    expect(cloud.requests).toHaveLength(4);
    expect(retry.delays).toEqual([199, 399, 799]);
    expect(error).toMatchObject({ httpStatus: 502, code: 'EVS.5502', retriable: true, kind: 'http' });
    expect(records[0]).toMatchObject({ attempts: 4, status: 502, error: { code: 'EVS.5502', kind: 'http' } });
  });

  it('never retries a POST that got a 503', async () => {
    cloud.setHandler(failing(503, 1));
    const retry = recordingRetry();
    const error = await rejection(new CloudHttp(profileFor(cloud.url), { retry }).request(createDisks));

    expect(cloud.requests).toHaveLength(1);
    expect(retry.delays).toEqual([]);
    expect(error).toMatchObject({ httpStatus: 503, retriable: true });
  });

  it('retries a POST the caller flags idempotent, and a PUT flagged idempotent', async () => {
    cloud.setHandler(failing(500, 1));
    const http = new CloudHttp(profileFor(cloud.url), { retry: recordingRetry() });
    await http.request({ ...createDisks, idempotent: true });
    expect(cloud.requests).toHaveLength(2);

    cloud.setHandler((_r, res, i) => (i === 2 ? json(res, 500, {}) : json(res, 200, {})));
    await http.request({ service: 'evs', method: 'PUT', path: '/v2/{project_id}/cloudvolumes/v1', body: {}, idempotent: true });
    expect(cloud.requests).toHaveLength(4);
  });

  it('does not retry client errors', async () => {
    cloud.setHandler((_r, res) => json(res, 400, { error: { code: 'EVS.1023', message: 'invalid filter limit!' } }));
    const retry = recordingRetry();
    const error = await rejection(new CloudHttp(profileFor(cloud.url), { retry }).request(listDisks));
    expect(cloud.requests).toHaveLength(1);
    expect(error).toMatchObject({ httpStatus: 400, code: 'EVS.1023', retriable: false });
  });

  it('honours Retry-After on a 429 for idempotent calls, and gives up when it asks for too long', async () => {
    cloud.setHandler(failing(429, 1, { 'Retry-After': '2' }));
    const retry = recordingRetry();
    await new CloudHttp(profileFor(cloud.url), { retry }).request(listDisks);
    expect(retry.delays).toEqual([2000]);
    expect(cloud.requests).toHaveLength(2);

    cloud.setHandler(failing(429, 99, { 'Retry-After': '60' }));
    const patient = recordingRetry({ maxRetryAfterMs: 10_000 });
    const error = await rejection(new CloudHttp(profileFor(cloud.url), { retry: patient }).request(listDisks));
    expect(error.httpStatus).toBe(429);
    expect(patient.delays).toEqual([]);
    expect(cloud.requests).toHaveLength(3);
  });

  it('turns a missing answer into a timeout error, retried only for idempotent calls', async () => {
    cloud.setHandler(() => {
      // never answers
    });
    const retry = recordingRetry();
    const http = new CloudHttp(profileFor(cloud.url), { retry, timeouts: { evs: 50 } });
    const error = await rejection(http.request(listDisks));
    expect(error).toMatchObject({ kind: 'timeout', code: 'TIMEOUT', httpStatus: 0, retriable: true });
    expect(cloud.requests).toHaveLength(3);

    const postError = await rejection(http.request(createDisks));
    expect(postError.kind).toBe('timeout');
    expect(cloud.requests).toHaveLength(4);
  });

  it('retries an idempotent call after a connection reset, but not a POST that may have been received', async () => {
    cloud.setHandler((req, res, index) => {
      if (index === 0 || req.method === 'POST') res.socket?.destroy();
      else json(res, 200, { ok: true });
    });
    const http = new CloudHttp(profileFor(cloud.url), { retry: recordingRetry() });
    await expect(http.request(listDisks)).resolves.toMatchObject({ data: { ok: true } });
    expect(cloud.requests).toHaveLength(2);

    const error = await rejection(http.request(createDisks));
    expect(error.kind).toBe('network');
    expect(error.code).toMatch(/^(ECONNRESET|UND_ERR_SOCKET|EPIPE)$/);
    expect(cloud.requests).toHaveLength(3);
  });

  it('retries even a POST when the connection was refused, since nothing reached the server', async () => {
    const port = await freePort();
    const late = createServer((_req, res) => json(res, 202, { job_id: 'job-late' }));
    let attemptsSeen = 0;
    const retry = recordingRetry();
    retry.sleep = async (ms) => {
      retry.delays.push(ms);
      attemptsSeen += 1;
      if (attemptsSeen === 1) await new Promise<void>((resolve) => late.listen(port, '127.0.0.1', resolve));
    };
    try {
      const base = `http://127.0.0.1:${port}`;
      const res = await new CloudHttp(profileFor(base), { retry }).request<{ job_id: string }>(createDisks);
      expect(res.data.job_id).toBe('job-late');
      expect(retry.delays).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => late.close(() => resolve()));
    }
  });

  it('reports a refused connection as a network error after the configured attempts', async () => {
    const port = await freePort();
    const retry = recordingRetry({ maxAttempts: 2 });
    const error = await rejection(new CloudHttp(profileFor(`http://127.0.0.1:${port}`), { retry }).request(listDisks));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', httpStatus: 0, retriable: true });
    expect(retry.delays).toHaveLength(1);
  });

  it('stops when the caller aborts, also while waiting to retry', async () => {
    cloud.setHandler(failing(503, 99));
    const controller = new AbortController();
    const retry = recordingRetry();
    retry.sleep = async (_ms, signal) => {
      controller.abort();
      if (signal?.aborted) throw signal.reason;
    };
    const error = await rejection(new CloudHttp(profileFor(cloud.url), { retry }).request({ ...listDisks, signal: controller.signal }));
    expect(error).toMatchObject({ code: 'ABORTED', retriable: false });
    expect(cloud.requests).toHaveLength(1);
  });
});

describe('backoff and Retry-After', () => {
  it('keeps each delay under min(cap, base·2^(n-1)) and spreads with the random source', () => {
    const high = resolveRetryPolicy({ random: () => 0.999999, baseDelayMs: 200, maxDelayMs: 3000 });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(high, n))).toEqual([199, 399, 799, 1599, 2999, 2999]);
    const zero = resolveRetryPolicy({ random: () => 0 });
    expect(backoffDelay(zero, 3)).toBe(0);
  });

  it('reads delta-seconds and HTTP dates', () => {
    const now = new Date('2024-04-16T09:53:41Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Tue, 16 Apr 2024 09:53:51 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 16 Apr 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
