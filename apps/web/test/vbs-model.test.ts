import { describe, expect, it } from 'vitest';
import type { Subtask, Task } from '@console/contract';
import { hoursInLocalOrder, knownBindings, orderStartTimes, utcHourToLocal, VBS_UTC_HOURS } from '../src/features/vbs/vbsModel.ts';

const SHANGHAI = 480;
const KOLKATA = 330;
const NEW_YORK = -300;

describe('VBS start times (whole UTC hours)', () => {
  it('shows a UTC hour as local time, with the day it falls on', () => {
    expect(utcHourToLocal('02:00', SHANGHAI)).toEqual({ time: '10:00', dayShift: 0 });
    expect(utcHourToLocal('18:00', SHANGHAI)).toEqual({ time: '02:00', dayShift: 1 });
    expect(utcHourToLocal('02:00', NEW_YORK)).toEqual({ time: '21:00', dayShift: -1 });
    expect(utcHourToLocal('00:00', 0)).toEqual({ time: '00:00', dayShift: 0 });
  });

  it('keeps half-hour zones exact instead of rounding to a whole local hour', () => {
    expect(utcHourToLocal('20:00', KOLKATA)).toEqual({ time: '01:30', dayShift: 1 });
  });

  it('lists every UTC hour once, starting at the first one after local midnight', () => {
    const order = hoursInLocalOrder(SHANGHAI);
    expect([...order].sort()).toEqual(VBS_UTC_HOURS);
    expect(order[0]).toBe('16:00');
    expect(order.at(-1)).toBe('15:00');
    expect(hoursInLocalOrder(KOLKATA)[0]).toBe('19:00');
    expect(hoursInLocalOrder(0)).toEqual(VBS_UTC_HOURS);
  });

  it('orders chosen hours by local time, as the cloud wants them (spec example at UTC+02:00)', () => {
    expect(orderStartTimes(['00:00', '02:00', '22:00'], 120)).toEqual(['22:00', '00:00', '02:00']);
    expect(orderStartTimes(['02:00', '14:00'], SHANGHAI)).toEqual(['02:00', '14:00']);
    expect(orderStartTimes(['02:00', '20:00'], SHANGHAI)).toEqual(['20:00', '02:00']);
  });
});

const sub = (diskId: string, status: Subtask['status']): Subtask => ({ id: `s-${diskId}`, target: { type: 'disk', id: diskId }, status, progress: 100 });
const task = (kind: string, policyId: string, createdAt: string, subtasks: Subtask[], status: Task['status'] = 'succeeded'): Task => ({
  id: `${kind}-${createdAt}`, kind, profileId: 'p', username: 'u', status, progress: 100, createdAt, updatedAt: createdAt,
  targets: [{ type: 'policy', id: policyId }, ...subtasks.flatMap((s) => (s.target ? [s.target] : []))], subtasks,
});

describe('which disks this console bound to VBS policies', () => {
  it('replays bind and unbind results oldest first, whatever order the list came in', () => {
    const bindings = knownBindings([
      task('vbs.policy.unbind', 'p1', '2026-01-03T00:00:00Z', [sub('d1', 'succeeded')]),
      task('vbs.policy.bind', 'p1', '2026-01-01T00:00:00Z', [sub('d1', 'succeeded'), sub('d2', 'succeeded'), sub('d3', 'failed')], 'partially_failed'),
      task('vbs.policy.bind', 'p2', '2026-01-02T00:00:00Z', [sub('d4', 'succeeded')]),
    ]);
    expect([...bindings].sort()).toEqual([['d2', 'p1'], ['d4', 'p2']]);
  });

  it('does not let an unbind from one policy free a disk bound to another', () => {
    const bindings = knownBindings([
      task('vbs.policy.bind', 'p2', '2026-01-01T00:00:00Z', [sub('d1', 'succeeded')]),
      task('vbs.policy.unbind', 'p1', '2026-01-02T00:00:00Z', [sub('d1', 'succeeded')]),
    ]);
    expect(bindings.get('d1')).toBe('p2');
  });

  it('frees the disks of a deleted policy, but not when the delete failed', () => {
    const bind = task('vbs.policy.bind', 'p1', '2026-01-01T00:00:00Z', [sub('d1', 'succeeded')]);
    expect(knownBindings([bind, task('vbs.policy.delete', 'p1', '2026-01-02T00:00:00Z', [], 'failed')]).get('d1')).toBe('p1');
    expect(knownBindings([bind, task('vbs.policy.delete', 'p1', '2026-01-02T00:00:00Z', [])]).has('d1')).toBe(false);
  });
});
