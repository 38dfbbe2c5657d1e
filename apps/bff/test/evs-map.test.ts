import { describe, expect, it } from 'vitest';
import { utcIso } from '../src/routes/evs-map.ts';

describe('utcIso', () => {
  it('rewrites the cloud\'s zone-less times exactly as Date would', () => {
    for (const v of ['2016-02-03T02:19:11.723797', '2016-02-03T02:19:11', '2016-02-03T02:19:11.7', '2024-12-31T23:59:59.999999']) {
      expect(utcIso(v)).toBe(new Date(`${v}Z`).toISOString());
    }
  });
  it('keeps zoned times and leaves what it cannot read alone', () => {
    expect(utcIso('2016-02-03T02:19:11+08:00')).toBe('2016-02-02T18:19:11.000Z');
    expect(utcIso('2016-02-03T02:19:11.5Z')).toBe('2016-02-03T02:19:11.500Z');
    // as long as the micro-second form, but zoned
    expect(utcIso('2016-02-03T02:19:11.7+0800')).toBe('2016-02-02T18:19:11.700Z');
    expect(utcIso('yesterday')).toBe('yesterday');
    expect(utcIso(null)).toBe('');
  });
});
