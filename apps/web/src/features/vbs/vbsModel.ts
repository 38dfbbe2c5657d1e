import type { Task } from '@console/contract';
import { formatTime } from '../policies/schedule.ts';

// VBS stores start times as whole UTC hours; people read their own clock. A zone may be offset by
// half or quarter hours, so a UTC whole hour need not be a local whole hour.

const DAY_MINUTES = 1440;
const mod = (n: number, m: number) => ((n % m) + m) % m;

/** The 24 start times VBS accepts, "00:00" to "23:00", all UTC. */
export const VBS_UTC_HOURS = Array.from({ length: 24 }, (_v, h) => `${String(h).padStart(2, '0')}:00`);

/** The local wall time of a UTC "HH:00" and the day it falls on relative to the UTC day (-1, 0 or +1). */
export function utcHourToLocal(utc: string, offsetMinutes: number): { time: string; dayShift: number } {
  const minutes = Number(utc.slice(0, 2)) * 60 + offsetMinutes;
  return { time: formatTime(mod(minutes, DAY_MINUTES)), dayShift: Math.floor(minutes / DAY_MINUTES) };
}

/** The UTC hours in the order the reader's day runs, so the picker starts at local midnight. */
export function hoursInLocalOrder(offsetMinutes: number): string[] {
  const localMinutes = (utc: string) => mod(Number(utc.slice(0, 2)) * 60 + offsetMinutes, DAY_MINUTES);
  return [...VBS_UTC_HOURS].sort((a, b) => localMinutes(a) - localMinutes(b));
}

/** The cloud wants several start times ordered by local time (spec §7.1). */
export function orderStartTimes(startTimes: readonly string[], offsetMinutes: number): string[] {
  const order = hoursInLocalOrder(offsetMinutes);
  return [...startTimes].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Disk ID → the policy it is bound to, as far as this console's own bind/unbind/delete tasks tell. */
export type KnownBindings = Map<string, string>;

/**
 * VBS has no call that lists a policy's disks, only a count. The console's task history records each
 * disk's bind or unbind result, so replaying it, oldest first, tells which disks this console bound.
 * Bindings made elsewhere stay unknown: the cloud still refuses those disk by disk.
 */
export function knownBindings(tasks: readonly Task[]): KnownBindings {
  const bound: KnownBindings = new Map();
  const ordered = [...tasks].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const task of ordered) {
    const policyId = task.targets.find((target) => target.type === 'policy')?.id;
    if (!policyId) continue;
    if (task.kind === 'vbs.policy.delete') {
      if (task.status !== 'succeeded') continue;
      for (const [disk, policy] of bound) if (policy === policyId) bound.delete(disk);
      continue;
    }
    for (const subtask of task.subtasks) {
      if (subtask.status !== 'succeeded' || subtask.target?.type !== 'disk') continue;
      if (task.kind === 'vbs.policy.bind') bound.set(subtask.target.id, policyId);
      else if (task.kind === 'vbs.policy.unbind' && bound.get(subtask.target.id) === policyId) bound.delete(subtask.target.id);
    }
  }
  return bound;
}
