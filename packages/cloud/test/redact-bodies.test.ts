import { describe, expect, it } from 'vitest';
import { redactBody } from '../src/http/redact.ts';

describe('call record bodies', () => {
  it('redacts secret-named keys at any depth and scrubs secret values anywhere', () => {
    const body = {
      server: {
        name: 'web-1',
        adminPass: 'Sup3r$ecret!',
        user_data: 'IyEvYmluL2Jhc2gKZWNobyBwYXNzd29yZA==',
        metadata: { note: 'key AKID1234567 used' },
        nics: [{ subnet_id: 's1', password: 'x' }],
      },
      auth: { identity: { password: { user: { password: 'p@ssw0rd-long' } } } },
      'X-Security-Token': 'tok',
    };
    const out = redactBody(body, ['AKID1234567']) as typeof body;
    expect(out.server.adminPass).toBe('[redacted]');
    expect(out.server.user_data).toBe('[redacted]');
    expect(out.server.nics[0]!.password).toBe('[redacted]');
    expect(out.server.metadata.note).toBe('key [redacted] used');
    expect(out.auth.identity.password).toBe('[redacted]');
    expect(out['X-Security-Token']).toBe('[redacted]');
    expect(out.server.name).toBe('web-1');
    const text = JSON.stringify(out);
    for (const secret of ['Sup3r$ecret!', 'p@ssw0rd-long', 'AKID1234567', 'IyEvYmluL2Jhc2g']) expect(text).not.toContain(secret);
  });

  it('summarises bodies that are too large', () => {
    const body = { count: 5000, token: 'tok-secret', items: Array.from({ length: 5000 }, (_, i) => ({ id: `vol-${i}`, size: i })) };
    const out = redactBody(body, []) as { truncated: boolean; bytes: number; outline: unknown };
    expect(out.truncated).toBe(true);
    expect(out.bytes).toBeGreaterThan(32 * 1024);
    expect(out.outline).toEqual({ count: 5000, token: '[redacted]', items: 'array(5000)' });
    // the size from the wire is trusted, without measuring again
    expect(redactBody({ a: 1 }, [], 100_000)).toEqual({ truncated: true, bytes: 100_000, outline: { a: 1 } });
  });
});
