import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiRequestError } from '../src/lib/api.ts';
import { describeLoginError, validateLogin } from '../src/features/auth/loginForm.ts';
import { formatUptime, uptimeParts } from '../src/features/home/uptime.ts';
import { shortenId } from '../src/lib/format.ts';
import { translator } from './translator.ts';

let t: TFunction;
let zh: TFunction;
beforeAll(async () => {
  t = await translator('en');
  zh = await translator('zh');
});

describe('login form validation', () => {
  it('accepts credentials the shared schema accepts, trimming the username', () => {
    expect(validateLogin({ username: '  admin ', password: 'secret' }, t)).toEqual({
      ok: true,
      data: { username: 'admin', password: 'secret' },
    });
  });

  it('names every missing field in words', () => {
    expect(validateLogin({ username: '   ', password: '' }, t)).toEqual({
      ok: false,
      errors: { username: 'This field is required.', password: 'This field is required.' },
    });
  });

  it('says how long a field may be, in the chosen language', () => {
    const result = validateLogin({ username: 'a'.repeat(65), password: 'x' }, zh);
    expect(result).toEqual({ ok: false, errors: { username: '最多 64 个字符。' } });
  });
});

describe('login refusals', () => {
  const refusal = (status: number, code: string, fields?: { path: string; message: string }[]) =>
    new ApiRequestError({ status, code, message: 'from the server', fields });

  it('says wrong credentials without telling which part was wrong', () => {
    expect(describeLoginError(refusal(401, 'BAD_CREDENTIALS'), t)).toEqual({ message: 'Wrong username or password.', fields: {} });
  });

  it('explains the rate limit', () => {
    expect(describeLoginError(refusal(429, 'RATE_LIMITED'), t).message).toMatch(/Too many sign-in attempts/);
  });

  it('puts the server\'s field errors under the fields', () => {
    expect(describeLoginError(refusal(400, 'VALIDATION_FAILED', [{ path: 'body.username', message: 'too odd' }]), t)).toEqual({
      fields: { username: 'too odd' },
    });
  });

  it('reports an unreachable server in words', () => {
    const offline = new ApiRequestError({ status: 0, code: 'NETWORK_ERROR', message: 'Failed to fetch' });
    expect(describeLoginError(offline, t).message).toMatch(/^Sign-in failed: The console server cannot be reached/);
  });
});

describe('uptime', () => {
  it('splits seconds into days, hours and minutes', () => {
    expect(uptimeParts(90_061)).toEqual({ days: 1, hours: 1, minutes: 1 });
    expect(uptimeParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it('shows the two largest units', () => {
    expect(formatUptime(3 * 86_400 + 4 * 3_600 + 59, t)).toBe('3 d 4 h');
    expect(formatUptime(5 * 3_600 + 12 * 60, t)).toBe('5 h 12 min');
    expect(formatUptime(125, zh)).toBe('2 分钟');
    expect(formatUptime(42, t)).toBe('Less than a minute');
  });
});

describe('shortenId', () => {
  it('keeps the head of a long project id', () => {
    expect(shortenId('0123456789abcdef0123456789abcdef')).toBe('01234567…');
  });

  it('leaves short ids whole', () => {
    expect(shortenId('abc123456')).toBe('abc123456');
  });
});
