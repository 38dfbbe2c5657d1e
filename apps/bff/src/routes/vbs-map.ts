import type { VbsTypes } from '@console/cloud';
import type { CreateVbsPolicy, UpdateVbsPolicy, VbsBackup, VbsPolicy } from '@console/contract';
import { utcIso } from './evs-map.ts';

// The one place where VBS wire names (misspellings included) become console names.

export function toVbsBackup(b: VbsTypes.VbsBackup, diskName?: string): VbsBackup {
  return {
    id: b.id,
    name: b.name ?? '',
    description: b.description ?? '',
    status: b.status,
    diskId: b.volume_id,
    ...(diskName !== undefined ? { diskName } : {}),
    sizeGiB: b.size,
    availabilityZone: b.availability_zone ?? '',
    ...(b.fail_reason ? { failReason: b.fail_reason } : {}),
    createdAt: utcIso(b.created_at),
  };
}

export function toVbsPolicy(p: VbsTypes.BackupPolicy): VbsPolicy {
  const s = p.scheduled_policy;
  // When both are set the cloud uses frequency and rentention_num; show what it uses.
  const byDays = typeof s.frequency === 'number';
  const byCount = typeof s.rentention_num === 'number';
  return {
    id: p.backup_policy_id,
    name: p.backup_policy_name,
    enabled: s.status === 'ON',
    startTimes: (s.start_time ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    ...(byDays ? { frequencyDays: s.frequency } : s.week_frequency ? { weekDays: [...s.week_frequency] } : {}),
    ...(byCount ? { retentionCount: s.rentention_num } : typeof s.rentention_day === 'number' ? { retentionDays: s.rentention_day } : {}),
    keepFirstOfMonth: s.remain_first_backup_of_curMonth === 'Y',
    ...(p.time_zone ? { timezone: p.time_zone } : {}),
    diskCount: p.policy_resource_count ?? 0,
  };
}

type Schedule = Partial<VbsTypes.ScheduledPolicy>;

function schedule(p: Partial<CreateVbsPolicy>): Schedule {
  return {
    ...(p.startTimes ? { start_time: p.startTimes.join(',') } : {}),
    ...(p.frequencyDays !== undefined ? { frequency: p.frequencyDays } : {}),
    ...(p.weekDays ? { week_frequency: p.weekDays } : {}),
    ...(p.retentionCount !== undefined ? { rentention_num: p.retentionCount } : {}),
    ...(p.retentionDays !== undefined ? { rentention_day: p.retentionDays } : {}),
    ...(p.keepFirstOfMonth !== undefined ? { remain_first_backup_of_curMonth: p.keepFirstOfMonth ? 'Y' : 'N' } : {}),
    ...(p.enabled !== undefined ? { status: p.enabled ? 'ON' : 'OFF' } : {}),
  };
}

export function createPolicyRequest(p: CreateVbsPolicy): VbsTypes.CreateBackupPolicyRequest {
  return {
    backup_policy_name: p.name,
    scheduled_policy: { ...schedule(p), start_time: p.startTimes.join(','), status: p.enabled === false ? 'OFF' : 'ON' },
    ...(p.timezone ? { time_zone: p.timezone } : {}),
  };
}

export function updatePolicyRequest(p: UpdateVbsPolicy): VbsTypes.UpdateBackupPolicyRequest {
  const s = schedule(p);
  return {
    ...(p.name !== undefined ? { backup_policy_name: p.name } : {}),
    ...(Object.keys(s).length ? { scheduled_policy: s } : {}),
    ...(p.timezone ? { time_zone: p.timezone } : {}),
  };
}
