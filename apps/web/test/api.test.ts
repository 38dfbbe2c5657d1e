import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeResponseSchema } from '@console/contract';
import {
  ApiRequestError,
  ClientErrorCodes,
  apiRequest,
  loginPath,
  safeNextPath,
  setCsrfToken,
  setUnauthenticatedHandler,
  toApiRequestError,
} from '../src/lib/api.ts';

const me = {
  user: { username: 'admin', role: 'admin' },
  profile: { id: 'default', name: 'Emulator', region: 'cn-north-4', projectId: '0123456789abcdef0123456789abcdef', emulator: true, endpointHint: 'embedded emulator' },
  csrfToken: 'token-1',
};

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and hash', () => {
    expect(safeNextPath('/disks?status=available#top')).toBe('/disks?status=available#top');
  });

  it.each([null, undefined, '', 'disks', 'https://evil.example/', '//evil.example/x', '/\\evil.example', '/login', '/login?next=/x'])(
    'falls back to home for %s',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
});

describe('loginPath', () => {
  it('carries the page to come back to, encoded', () => {
    expect(loginPath('/disks?a=1&b=2')).toBe('/login?next=%2Fdisks%3Fa%3D1%26b%3D2');
  });

  it('leaves out a next that is just home', () => {
    expect(loginPath('/')).toBe('/login');
  });
});

describe('toApiRequestError', () => {
  it('reads the contract error shape with fields and upstream', () => {
    const error = toApiRequestError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'invalid body',
        fields: [{ path: 'username', message: 'required' }],
        upstream: { service: 'evs', code: 'EVS.2024', message: 'quota', requestId: 'r-1' },
      },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'invalid body' });
    expect(error.fields).toEqual([{ path: 'username', message: 'required' }]);
    expect(error.upstream?.requestId).toBe('r-1');
  });

  it('still gives a typed error for bodies outside the contract', () => {
    const error = toApiRequestError(502, '<html>Bad gateway</html>', 'Bad Gateway');
    expect(error).toMatchObject({ status: 502, code: ClientErrorCodes.badResponse, message: 'Bad Gateway', fields: [] });
  });
});

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const onUnauthenticated = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setUnauthenticatedHandler(onUnauthenticated);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    onUnauthenticated.mockReset();
  });

  it('sends JSON with the same-origin cookie and validates the answer', async () => {
    fetchMock.mockResolvedValue(answer(200, me));
    const result = await apiRequest('/api/v1/session', MeResponseSchema, { method: 'POST', body: { username: 'admin', password: 'x' } });
    expect(result.user.username).toBe('admin');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/session');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"username":"admin","password":"x"}' });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', Accept: 'application/json' });
  });

  it('returns nothing for a 204 when no parser is given', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest<void>('/api/v1/session', null, { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('sends the CSRF token on mutating calls only', async () => {
    setCsrfToken('token-1');
    fetchMock.mockImplementation(async () => new Response(null, { status: 204 }));
    await apiRequest<void>('/api/v1/session', null, { method: 'DELETE' });
    await apiRequest<void>('/api/health', null);
    setCsrfToken(undefined);
    await apiRequest<void>('/api/v1/session', null, { method: 'DELETE' });
    const sent = fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['X-CSRF-Token']);
    expect(sent).toEqual(['token-1', undefined, undefined]);
  });

  it('rejects an answer that does not match the contract', async () => {
    fetchMock.mockResolvedValue(answer(200, { user: { username: 'admin' } }));
    await expect(apiRequest('/api/v1/me', MeResponseSchema)).rejects.toMatchObject({ code: ClientErrorCodes.badResponse });
  });

  it('sends the user to the login page when a session ends', async () => {
    fetchMock.mockResolvedValue(answer(401, { error: { code: 'UNAUTHENTICATED', message: 'sign in' } }));
    await expect(apiRequest('/api/v1/disks', null)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves an expected 401 (a refused login) to the caller', async () => {
    fetchMock.mockResolvedValue(answer(401, { error: { code: 'BAD_CREDENTIALS', message: 'wrong' } }));
    await expect(
      apiRequest('/api/v1/session', MeResponseSchema, { method: 'POST', body: {}, expectUnauthenticated: true }),
    ).rejects.toMatchObject({ status: 401, code: 'BAD_CREDENTIALS' });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('turns an unreachable server into a network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(apiRequest('/api/health', null)).rejects.toMatchObject({ status: 0, code: ClientErrorCodes.network });
  });

  it('lets an abort through untouched, so react-query can tell it from a failure', async () => {
    fetchMock.mockRejectedValue(new DOMException('aborted', 'AbortError'));
    await expect(apiRequest('/api/health', null)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
