import { describe, expect, it } from 'vitest';
import { toCallParams } from '../src/features/calls/callQuery.ts';
import { queryText, statusTone } from '../src/features/calls/CallCells.tsx';
import { emulatorNow, speedName } from '../src/features/emulator/emulatorModel.ts';
import { faultFormDefaults, faultResolver, toAddFault, type FaultFormValues } from '../src/features/emulator/faultForm.ts';
import { canControlEmulator } from '../src/features/emulator/api.ts';

const resolve = (values: Partial<FaultFormValues>) =>
  faultResolver({ ...faultFormDefaults, ...values }, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('the fault form', () => {
  it('sends only the chosen kind\'s fields, the rate as a fraction', () => {
    expect(toAddFault({ ...faultFormDefaults, kind: 'error', service: 'ecs', operation: ' AttachServerVolume ', ratePercent: '30', status: '503', code: 'Ecs.5503', message: '', count: '' }))
      .toEqual({ kind: 'error', service: 'ecs', operation: 'AttachServerVolume', rate: 0.3, status: 503, code: 'Ecs.5503' });
    expect(toAddFault({ ...faultFormDefaults, kind: 'latency', service: '', fixedMs: '200', jitterMs: '' })).toEqual({ kind: 'latency', fixedMs: 200, jitterMs: 0 });
    expect(toAddFault({ ...faultFormDefaults, kind: 'job', jobType: 'attachVolume', code: 'Ecs.0612', count: '5' })).toEqual({ kind: 'job', jobType: 'attachVolume', code: 'Ecs.0612', count: 5 });
  });

  it('refuses what the contract refuses, under the field the person typed into', async () => {
    const bad = await resolve({ kind: 'error', ratePercent: '150', status: '200', code: '', operation: 'bad name!' });
    expect(Object.keys(bad.errors).sort()).toEqual(['code', 'operation', 'ratePercent', 'status']);
    const job = await resolve({ kind: 'job', jobType: '', code: 'X', count: '0' });
    expect(Object.keys(job.errors).sort()).toEqual(['count', 'jobType']);
    const fine = await resolve({ kind: 'job', jobType: 'attachVolume', code: 'Ecs.0612' });
    expect(fine.errors).toEqual({});
    expect(fine.values).toEqual({ kind: 'job', jobType: 'attachVolume', code: 'Ecs.0612', count: 1 });
  });
});

describe('the emulator panel', () => {
  it('is for operators and admins on the emulator profile only', () => {
    const profile = { id: 'emulator', name: 'Embedded emulator', region: 'cn-north-4', projectId: 'p', emulator: true, endpointHint: '' };
    expect(canControlEmulator({ user: { username: 'o', role: 'operator' }, profile })).toBe(true);
    expect(canControlEmulator({ user: { username: 'v', role: 'viewer' }, profile })).toBe(false);
    expect(canControlEmulator({ user: { username: 'a', role: 'admin' }, profile: { ...profile, emulator: false } })).toBe(false);
  });

  it('moves the emulator time on with real time unless frozen', () => {
    const clock = { now: '2026-01-01T00:00:00.000Z', frozen: false, speed: 'realistic' as const };
    expect(new Date(emulatorNow(clock, 1000, 6000)).toISOString()).toBe('2026-01-01T00:00:05.000Z');
    expect(new Date(emulatorNow({ ...clock, frozen: true }, 1000, 6000)).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(speedName(10)).toBe('faster');
    expect(speedName(3)).toBeUndefined();
  });
});

describe('the API-call inspector', () => {
  it('asks the API for the filters in the URL, and nothing unset', () => {
    const request = { search: ' Ecs.0612 ', filters: { service: ['ecs'], statusClass: ['4xx'], taskId: [''], since: ['2026-03-01'] }, sort: undefined, offset: 0, limit: 100, cursor: '42' };
    const params = toCallParams(request);
    expect(params).toMatchObject({ limit: '100', service: 'ecs', statusClass: '4xx', search: 'Ecs.0612', before: '42' });
    expect(params.since).toMatch(/^2026-0[23]-\d\dT/);
    expect(params).not.toHaveProperty('taskId');
  });

  it('shows the query as sent and colours statuses by class', () => {
    expect(queryText({ limit: '10', status: ['available', 'in-use'] })).toBe('limit=10&status=available&status=in-use');
    expect([statusTone(200), statusTone(302), statusTone(404), statusTone(503), statusTone(0)]).toEqual(['green', 'blue', 'amber', 'red', 'red']);
  });
});
