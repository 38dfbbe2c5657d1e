import type { Db } from '../../../store/db.ts';
import { Statements } from '../../../store/db.ts';
import { notFound } from '../errors.ts';
import type { AttachmentRow, NewVolume, SnapshotRow, VolumeRow } from './rows.ts';

const VOLUME_COLUMNS = [
  'id', 'name', 'description', 'status', 'size', 'pending_size', 'volume_type', 'availability_zone', 'multiattach', 'bootable',
  'metadata', 'tags', 'sys_tags', 'image_metadata', 'snapshot_id', 'image_ref', 'backup_id', 'iops', 'throughput', 'qos_id',
  'enterprise_project_id', 'service_type', 'dedicated_storage_id', 'dedicated_storage_name', 'wwn', 'charging_mode', 'order_id',
  'attach_count', 'hidden', 'created_at', 'updated_at',
] as const satisfies readonly (keyof NewVolume)[];

const SNAPSHOT_COLUMNS = [
  'id', 'volume_id', 'name', 'description', 'status', 'size', 'metadata', 'volume_type', 'availability_zone', 'service_type',
  'enterprise_project_id', 'dedicated_storage_id', 'dedicated_storage_name', 'created_at', 'updated_at',
] as const satisfies readonly (keyof SnapshotRow)[];

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;

/** Rendered disk views kept in memory; past this many entries the cache starts over. */
const VIEW_CACHE_LIMIT = 20_000;

/**
 * Plain data access for disks, attachments and snapshots; rules live in the callers.
 *
 * Every write to a disk or its attachments goes through this class (or is followed by an
 * updateVolume), which drops the disk's cached JSON view: detail and list pages are served from
 * those views without reading and re-rendering rows. Code that writes the volumes table must
 * do the same.
 */
export class EvsStore {
  readonly s: Statements;
  private readonly views = new Map<string, string>();

  constructor(readonly db: Db) {
    this.s = new Statements(db);
  }

  /** A visible disk: hidden ones (create job still in INIT) answer 404 like the real API. */
  volume(id: string): VolumeRow | undefined {
    return this.s.get('SELECT * FROM volumes WHERE id = ? AND hidden = 0').get(id) as VolumeRow | undefined;
  }

  requireVolume(id: string): VolumeRow {
    const v = this.volume(id);
    if (!v) throw notFound('volume', id);
    return v;
  }

  volumeIncludingHidden(id: string): VolumeRow | undefined {
    return this.s.get('SELECT * FROM volumes WHERE id = ?').get(id) as VolumeRow | undefined;
  }

  insertVolume(v: NewVolume): void {
    this.s.get(insertSql('volumes', VOLUME_COLUMNS)).run(v);
    this.views.delete(v.id);
  }

  /** Disks by id, in the order given, hidden ones left out. */
  volumesByIds(ids: readonly string[]): VolumeRow[] {
    if (ids.length === 0) return [];
    const rows = this.s.get('SELECT * FROM volumes WHERE id IN (SELECT value FROM json_each(?)) AND hidden = 0').all(JSON.stringify(ids)) as VolumeRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is VolumeRow => r !== undefined);
  }

  cachedView(id: string): string | undefined {
    return this.views.get(id);
  }

  /** Caches a visible disk's rendered view, unless a transaction (which may roll back) is open. */
  cacheView(id: string, json: string): void {
    if (this.db.inTransaction) return;
    if (this.views.size >= VIEW_CACHE_LIMIT) this.views.clear();
    this.views.set(id, json);
  }

  clearViews(): void {
    this.views.clear();
  }

  /** Updates the given columns and stamps updated_at. */
  updateVolume(id: string, fields: Partial<Omit<VolumeRow, 'seq' | 'id' | 'updated_at'>>, updatedAt: string): void {
    const keys = Object.keys(fields).sort();
    const sql = `UPDATE volumes SET ${keys.map((k) => `${k} = @${k}`).join(', ')}${keys.length ? ', ' : ''}updated_at = @updated_at WHERE id = @id`;
    this.s.get(sql).run({ ...fields, updated_at: updatedAt, id });
    this.views.delete(id);
  }

  deleteVolume(id: string): void {
    this.s.get('DELETE FROM volumes WHERE id = ?').run(id);
    this.views.delete(id);
  }

  attachments(volumeId: string): AttachmentRow[] {
    return this.s.get('SELECT * FROM attachments WHERE volume_id = ? ORDER BY attached_at, id').all(volumeId) as AttachmentRow[];
  }

  /** Attachments of many disks in one query, for list pages. */
  attachmentsOf(volumes: readonly VolumeRow[]): Map<string, AttachmentRow[]> {
    const out = new Map<string, AttachmentRow[]>();
    const ids = volumes.filter((v) => v.attach_count > 0).map((v) => v.id);
    if (ids.length === 0) return out;
    const rows = this.s
      .get('SELECT a.* FROM attachments a JOIN json_each(?) j ON a.volume_id = j.value ORDER BY a.attached_at, a.id')
      .all(JSON.stringify(ids)) as AttachmentRow[];
    for (const row of rows) {
      const list = out.get(row.volume_id);
      if (list) list.push(row);
      else out.set(row.volume_id, [row]);
    }
    return out;
  }

  snapshot(id: string): SnapshotRow | undefined {
    return this.s.get('SELECT * FROM snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
  }

  requireSnapshot(id: string): SnapshotRow {
    const s = this.snapshot(id);
    if (!s) throw notFound('snapshot', id);
    return s;
  }

  snapshotsOfVolume(volumeId: string): SnapshotRow[] {
    return this.s.get('SELECT * FROM snapshots WHERE volume_id = ? ORDER BY seq').all(volumeId) as SnapshotRow[];
  }

  insertSnapshot(row: Omit<SnapshotRow, 'seq'>): void {
    this.s.get(insertSql('snapshots', SNAPSHOT_COLUMNS)).run(row);
  }

  updateSnapshot(id: string, fields: Partial<Omit<SnapshotRow, 'seq' | 'id' | 'updated_at'>>, updatedAt: string): void {
    const keys = Object.keys(fields).sort();
    const sql = `UPDATE snapshots SET ${keys.map((k) => `${k} = @${k}`).join(', ')}${keys.length ? ', ' : ''}updated_at = @updated_at WHERE id = @id`;
    this.s.get(sql).run({ ...fields, updated_at: updatedAt, id });
  }

  deleteSnapshot(id: string): void {
    this.s.get('DELETE FROM snapshots WHERE id = ?').run(id);
  }
}
