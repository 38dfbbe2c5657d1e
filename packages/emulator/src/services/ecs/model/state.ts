import { ecsError } from '../errors.ts';
import type { ServerRow, VmState } from './rows.ts';

/** Table A-4: status from vm_state and task_state; any other combination is UNKNOWN. */
export function serverStatus(vm: VmState | string, task: string | null): string {
  if (task !== null && task.startsWith('resize_') && task !== 'resize_reverting') return 'RESIZE';
  const rebuilding = task === 'rebuilding' || task === 'rebuild_block_device_mapping' || task === 'rebuild_spawning';
  switch (vm) {
    case 'building':
      return task === null || ['scheduling', 'block_device_mapping', 'networking', 'spawning'].includes(task) ? 'BUILD' : 'UNKNOWN';
    case 'active':
      if (task === null || task === 'powering-off' || task === 'deleting') return 'ACTIVE';
      if (['rebooting', 'reboot_pending', 'reboot_started'].includes(task)) return 'REBOOT';
      if (['rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'].includes(task)) return 'HARD_REBOOT';
      if (rebuilding) return 'REBUILD';
      return task === 'migrating' ? 'MIGRATING' : 'UNKNOWN';
    case 'stopped':
      if (task === null || task === 'powering-on' || task === 'deleting') return 'SHUTOFF';
      return rebuilding ? 'REBUILD' : task === 'migrating' ? 'MIGRATING' : 'UNKNOWN';
    case 'resized':
      return task === null ? 'VERIFY_RESIZE' : task === 'resize_reverting' ? 'REVERT_RESIZE' : 'UNKNOWN';
    case 'error':
      return task === null || task === 'deleting' ? 'ERROR' : rebuilding ? 'REBUILD' : 'UNKNOWN';
    case 'deleted':
      return task === null ? 'DELETED' : 'UNKNOWN';
    default:
      return 'UNKNOWN';
  }
}

export function statusOf(s: Pick<ServerRow, 'vm_state' | 'task_state'>): string {
  return serverStatus(s.vm_state, s.task_state);
}

/** The status filter values of 6.2.4 (§3.4). */
export const FILTER_STATUSES = [
  'ACTIVE', 'BUILD', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'REBOOT', 'REBUILD', 'RESIZE', 'REVERT_RESIZE', 'SHUTOFF', 'VERIFY_RESIZE',
];

/** Everything a status can be (A-1 plus the detail tables' extras). */
export const SERVER_STATUSES = [
  ...FILTER_STATUSES, 'DELETED', 'SHELVED', 'SHELVED_OFFLOADED', 'UNKNOWN',
];

/** Power states of Tables 6-38/6-49: 0 pending, 1 running, 3 shutdown (the seed's numbering, not upstream Nova's). */
export const POWER = { pending: 0, running: 1, shutdown: 3 } as const;

export type Guard = 'unlocked' | 'idle';

/**
 * Common preconditions: a locked server refuses management operations (6.3.4, Ecs.0605); a server
 * with an operation in progress refuses another (Ecs.0603); `allowed` lists the statuses the
 * operation needs (Ecs.0100).
 */
export function assertOperable(s: ServerRow, allowed: readonly string[] | undefined, what: string, guards: Guard[] = ['unlocked', 'idle']): void {
  if (guards.includes('unlocked') && s.locked) throw ecsError('Ecs.0605', `server ${s.id} is locked`);
  if (guards.includes('idle') && s.task_state !== null) throw ecsError('Ecs.0603', `server ${s.id} is ${s.task_state}`);
  const status = statusOf(s);
  if (allowed && !allowed.includes(status)) throw ecsError('Ecs.0100', `${what} needs the server ${allowed.join(' or ')}, server ${s.id} is ${status}`);
}
