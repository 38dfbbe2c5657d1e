import type { Migration } from '../../store/db.ts';

/**
 * CBR tables. Columns that lists filter or sort on are real columns; the rest of each resource
 * (billing, tags, extra_info, …) is a JSON document rendered as is.
 */
export const CBR_MIGRATIONS: readonly Migration[] = [
  {
    name: '301_cbr',
    sql: `
      CREATE TABLE cbr_vaults (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        object_type TEXT NOT NULL,
        protect_type TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE TABLE cbr_vault_resources (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        vault_id TEXT NOT NULL,
        resource_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        protect_status TEXT NOT NULL,
        extra_info TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX cbr_vault_resources_vault ON cbr_vault_resources(vault_id, seq);
      CREATE TABLE cbr_policies (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        operation_type TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        generation INTEGER NOT NULL DEFAULT 0,
        doc TEXT NOT NULL
      );
      CREATE TABLE cbr_vault_policies (
        vault_id TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        destination_vault_id TEXT,
        PRIMARY KEY (vault_id, policy_id)
      );
      CREATE INDEX cbr_vault_policies_policy ON cbr_vault_policies(policy_id);
      CREATE TABLE cbr_checkpoints (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        vault_id TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE TABLE cbr_backups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        checkpoint_id TEXT NOT NULL,
        vault_id TEXT NOT NULL,
        parent_id TEXT,
        resource_id TEXT NOT NULL,
        resource_name TEXT NOT NULL,
        resource_type TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL,
        auto_trigger INTEGER NOT NULL,
        incremental INTEGER NOT NULL,
        size INTEGER NOT NULL,
        data_version INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX cbr_backups_vault ON cbr_backups(vault_id, created_ms);
      CREATE INDEX cbr_backups_resource ON cbr_backups(resource_id, created_ms);
      CREATE INDEX cbr_backups_checkpoint ON cbr_backups(checkpoint_id);
      CREATE INDEX cbr_backups_parent ON cbr_backups(parent_id);
      CREATE INDEX cbr_backups_created ON cbr_backups(created_ms, seq);
      CREATE TABLE cbr_oplogs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        operation_type TEXT NOT NULL,
        status TEXT NOT NULL,
        vault_id TEXT NOT NULL,
        vault_name TEXT NOT NULL,
        checkpoint_id TEXT NOT NULL DEFAULT '',
        policy_id TEXT NOT NULL DEFAULT '',
        provider_id TEXT NOT NULL,
        resource_id TEXT NOT NULL DEFAULT '',
        resource_name TEXT NOT NULL DEFAULT '',
        created_ms INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX cbr_oplogs_created ON cbr_oplogs(created_ms, seq);
      CREATE INDEX cbr_oplogs_vault ON cbr_oplogs(vault_id, created_ms);
      CREATE TABLE cbr_members (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        backup_id TEXT NOT NULL,
        dest_project_id TEXT NOT NULL,
        status TEXT NOT NULL,
        vault_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (backup_id, dest_project_id)
      );
    `,
  },
  {
    // File-backup clients, organizational policies, the partner region's vaults and replicas, tenant migrations.
    name: '302_cbr_agents_org_replication',
    sql: `
      CREATE TABLE cbr_agents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        agent_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE TABLE cbr_agent_paths (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        agent_id TEXT NOT NULL,
        dir_path TEXT NOT NULL,
        UNIQUE (agent_id, dir_path)
      );
      CREATE TABLE cbr_org_policies (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        operation_type TEXT NOT NULL,
        status TEXT NOT NULL,
        delivered_policy_id TEXT,
        doc TEXT NOT NULL
      );
      CREATE TABLE cbr_remote_vaults (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        region TEXT NOT NULL,
        project_id TEXT NOT NULL,
        name TEXT NOT NULL,
        object_type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        size INTEGER NOT NULL
      );
      CREATE TABLE cbr_replications (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source_backup_id TEXT NOT NULL,
        destination_vault_id TEXT NOT NULL,
        destination_backup_id TEXT NOT NULL,
        status TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX cbr_replications_source ON cbr_replications(source_backup_id);
      CREATE TABLE cbr_migrations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        region TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
    `,
  },
];

export const CBR_TABLES = [
  'cbr_vaults', 'cbr_vault_resources', 'cbr_policies', 'cbr_vault_policies', 'cbr_checkpoints', 'cbr_backups', 'cbr_oplogs', 'cbr_members',
  'cbr_agents', 'cbr_agent_paths', 'cbr_org_policies', 'cbr_remote_vaults', 'cbr_replications', 'cbr_migrations',
] as const;
