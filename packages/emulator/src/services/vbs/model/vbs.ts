import { ApiError } from '../../../server/errors.ts';
import { DiskBackedService } from '../../model.ts';
import { vbsError } from '../errors.ts';

/** Realistic durations (ms); the runtime's speed scales them. */
export const VBS_DURATION = { jobInit: 1_000, backup: 20_000, restore: 30_000, delete: 5_000 } as const;

export interface VbsBackupRow {
  seq: number;
  id: string;
  volume_id: string;
  name: string;
  description: string;
  status: string;
  size: number;
  availability_zone: string;
  snapshot_id: string;
  policy_id: string | null;
  data_version: number;
  tags: string;
  fail_reason: string | null;
  created_ms: number;
  updated_ms: number;
}

export interface VbsPolicyRow {
  seq: number;
  id: string;
  name: string;
  scheduled: string;
  time_zone: string | null;
  tags: string;
  generation: number;
  anchor_ms: number;
}

export interface Scheduled {
  start_time: string;
  frequency?: number;
  week_frequency?: string[];
  rentention_num?: number;
  rentention_day?: number;
  remain_first_backup_of_curMonth: 'Y' | 'N';
  status: 'ON' | 'OFF';
}

/** "2017-08-08T04:03:27.456859", the backup time format of the seed's share samples. */
export function vbsTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '000';
}

/** The VBS model: its tables, EVS for the disks it backs up, the shared job store. */
export class Vbs extends DiskBackedService {

  backup(id: string): VbsBackupRow | undefined {
    return this.s.get('SELECT * FROM vbs_backups WHERE id = ?').get(id) as VbsBackupRow | undefined;
  }

  policy(id: string): VbsPolicyRow | undefined {
    return this.s.get('SELECT * FROM vbs_policies WHERE id = ?').get(id) as VbsPolicyRow | undefined;
  }

  /**
   * After the tenant migration to CBR (POST /cbr/v3/migrates) the project creates no more VBS
   * backups or policies; CBR's own code for it (BackupService.4003) is what VBS answers.
   */
  refuseIfMigrated(): void {
    if (this.s.get("SELECT 1 FROM cbr_migrations WHERE region = ? AND status = 'success'").get(this.rt.account.region)) {
      throw new ApiError(400, 'BackupService.4003', 'Migrated tenants cannot use CSBS and VBS.');
    }
  }

  requirePolicy(id: string): VbsPolicyRow {
    const p = this.policy(id);
    if (!p) throw vbsError('AutoBackup.0205', `policy ${id}`);
    return p;
  }

  setBackup(id: string, fields: { status?: string; fail_reason?: string | null; name?: string }, at = this.now()): void {
    const keys = Object.keys(fields).sort();
    this.s.get(`UPDATE vbs_backups SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_ms = @at WHERE id = @id`).run({ ...fields, at, id });
  }
}
