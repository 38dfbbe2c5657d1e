import type { Migration } from '../../store/db.ts';

/**
 * ECS tables. A server keeps vm_state and task_state (status is derived from them, Table A-4);
 * its disks live in the EVS tables (attachments name the server), so EVS and ECS agree by
 * construction. JSON columns hold the small per-server lists.
 */
export const ECS_MIGRATIONS: readonly Migration[] = [
  {
    name: '201_ecs',
    sql: `
      CREATE TABLE servers (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        vm_state TEXT NOT NULL,
        task_state TEXT,
        power_state INTEGER NOT NULL DEFAULT 0,
        flavor_id TEXT NOT NULL,
        old_flavor_id TEXT,
        image_id TEXT,
        availability_zone TEXT NOT NULL,
        key_name TEXT,
        vpc_id TEXT NOT NULL,
        nics TEXT NOT NULL DEFAULT '[]',
        security_groups TEXT NOT NULL DEFAULT '[]',
        metadata TEXT NOT NULL DEFAULT '{}',
        tags TEXT NOT NULL DEFAULT '[]',
        tags1d TEXT NOT NULL DEFAULT '[]',
        locked INTEGER NOT NULL DEFAULT 0,
        user_data TEXT,
        fault TEXT,
        instance_name TEXT NOT NULL,
        host TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        launched_at TEXT
      );
      CREATE INDEX servers_created ON servers(created, seq);
      CREATE TABLE instance_actions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL,
        server_id TEXT NOT NULL,
        action TEXT NOT NULL,
        start_time TEXT NOT NULL,
        message TEXT
      );
      CREATE INDEX instance_actions_server ON instance_actions(server_id, seq);
      CREATE TABLE keypairs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        type TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE server_groups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        policies TEXT NOT NULL,
        members TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE server_passwords (server_id TEXT PRIMARY KEY, password TEXT NOT NULL);
    `,
  },
];
