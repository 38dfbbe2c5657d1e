import type { Migration } from '../../store/db.ts';

/**
 * IMS serves the image table EVS already keeps (system disks are made from it, disk exports land in
 * it); these columns add what the image service shows besides the name and min disk.
 */
export const IMS_MIGRATIONS: readonly Migration[] = [
  {
    name: '501_ims',
    sql: `
      ALTER TABLE images ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
      ALTER TABLE images ADD COLUMN min_ram INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE images ADD COLUMN size_bytes INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE images ADD COLUMN description TEXT NOT NULL DEFAULT '';
      ALTER TABLE images ADD COLUMN source TEXT;
      ALTER TABLE images ADD COLUMN created_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE images ADD COLUMN updated_ms INTEGER NOT NULL DEFAULT 0;
      -- Images EVS exports land without a creation time; they get the time they were written.
      CREATE TRIGGER images_created AFTER INSERT ON images WHEN NEW.created_ms = 0
      BEGIN
        UPDATE images SET created_ms = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
          updated_ms = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = NEW.id;
      END;
    `,
  },
];
