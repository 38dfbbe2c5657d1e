import type { Migration } from '../../store/db.ts';

export const VBS_MIGRATIONS: readonly Migration[] = [
  {
    name: '401_vbs',
    sql: `
      CREATE TABLE vbs_backups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        volume_id TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        status TEXT NOT NULL,
        size INTEGER NOT NULL,
        availability_zone TEXT NOT NULL,
        snapshot_id TEXT NOT NULL,
        policy_id TEXT,
        data_version INTEGER NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        fail_reason TEXT,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
      );
      CREATE INDEX vbs_backups_volume ON vbs_backups(volume_id, created_ms);
      CREATE TABLE vbs_policies (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        scheduled TEXT NOT NULL,
        time_zone TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        generation INTEGER NOT NULL DEFAULT 0,
        anchor_ms INTEGER NOT NULL
      );
      CREATE TABLE vbs_policy_resources (
        resource_id TEXT PRIMARY KEY,
        policy_id TEXT NOT NULL,
        availability_zone TEXT NOT NULL
      );
      CREATE TABLE vbs_tasks (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        policy_id TEXT NOT NULL,
        status TEXT NOT NULL,
        backup_name TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        vbs_job_id TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        finished_ms INTEGER
      );
      CREATE INDEX vbs_tasks_policy ON vbs_tasks(policy_id, created_ms);
      CREATE TABLE vbs_shares (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        backup_id TEXT NOT NULL,
        from_project_id TEXT NOT NULL,
        to_project_id TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        UNIQUE (backup_id, to_project_id)
      );
    `,
  },
];

export const VBS_TABLES = ['vbs_backups', 'vbs_policies', 'vbs_policy_resources', 'vbs_tasks', 'vbs_shares'] as const;
