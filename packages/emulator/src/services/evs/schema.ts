import type { Migration } from '../../store/db.ts';

/**
 * EVS tables. Disks keep JSON columns (metadata, tags) parsed only when not empty; the attachments
 * table is shared with ECS, which attaches and detaches disks through model/attachments.ts.
 * `hidden` disks belong to a create job still in INIT: the real API answers 404 for them
 * ("the disk is being created", 6.1.1) and quotas count them as reserved.
 */
export const EVS_MIGRATIONS: readonly Migration[] = [
  {
    name: '101_evs',
    sql: `
      CREATE TABLE volumes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        size INTEGER NOT NULL,
        pending_size INTEGER,
        volume_type TEXT NOT NULL,
        availability_zone TEXT NOT NULL,
        multiattach INTEGER NOT NULL DEFAULT 0,
        bootable INTEGER NOT NULL DEFAULT 0,
        metadata TEXT NOT NULL DEFAULT '{}',
        tags TEXT NOT NULL DEFAULT '{}',
        sys_tags TEXT NOT NULL DEFAULT '{}',
        image_metadata TEXT,
        snapshot_id TEXT,
        image_ref TEXT,
        backup_id TEXT,
        iops INTEGER,
        throughput INTEGER,
        qos_id TEXT,
        enterprise_project_id TEXT NOT NULL DEFAULT '0',
        service_type TEXT NOT NULL DEFAULT 'EVS',
        dedicated_storage_id TEXT,
        dedicated_storage_name TEXT,
        wwn TEXT NOT NULL,
        charging_mode TEXT NOT NULL DEFAULT 'postPaid',
        order_id TEXT,
        attach_count INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX volumes_created ON volumes(created_at, seq);
      CREATE INDEX volumes_size ON volumes(size, seq);
      CREATE INDEX volumes_status ON volumes(status, seq);
      CREATE INDEX volumes_name ON volumes(name);

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        volume_id TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
        server_id TEXT NOT NULL,
        device TEXT NOT NULL,
        host_name TEXT NOT NULL DEFAULT '',
        attached_at TEXT NOT NULL,
        UNIQUE (volume_id, server_id)
      );
      CREATE INDEX attachments_server ON attachments(server_id);

      CREATE TABLE snapshots (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        volume_id TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        description TEXT,
        status TEXT NOT NULL,
        size INTEGER NOT NULL,
        metadata TEXT NOT NULL DEFAULT '{}',
        volume_type TEXT NOT NULL,
        availability_zone TEXT NOT NULL,
        service_type TEXT NOT NULL DEFAULT 'EVS',
        enterprise_project_id TEXT NOT NULL DEFAULT '0',
        dedicated_storage_id TEXT,
        dedicated_storage_name TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT
      );
      CREATE INDEX snapshots_volume ON snapshots(volume_id);

      CREATE TABLE transfers (
        id TEXT PRIMARY KEY,
        volume_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        auth_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE quotas (
        key TEXT PRIMARY KEY,
        hard_limit INTEGER NOT NULL
      );

      CREATE TABLE images (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        min_disk INTEGER NOT NULL,
        system INTEGER NOT NULL,
        metadata TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
  {
    // List pages select ids only: covering indexes answer them without touching the table, and
    // the total count of visible disks comes from the small hidden index.
    name: '102_evs_list_indexes',
    sql: `
      DROP INDEX volumes_created;
      DROP INDEX volumes_size;
      DROP INDEX volumes_status;
      CREATE INDEX volumes_created ON volumes(created_at, seq, hidden, id);
      CREATE INDEX volumes_size ON volumes(size, seq, hidden, id);
      CREATE INDEX volumes_status ON volumes(status, seq, hidden, id);
      CREATE INDEX volumes_hidden ON volumes(hidden);
    `,
  },
  {
    // A marker of the disk's contents: it changes when the data is replaced (rollback, restore from
    // a backup), and backups record it so a restore can be checked end to end.
    name: '103_evs_data_version',
    sql: 'ALTER TABLE volumes ADD COLUMN data_version INTEGER NOT NULL DEFAULT 1;',
  },
];
