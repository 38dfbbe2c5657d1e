import type { Evs } from './evs.ts';

/**
 * A disk's data version: a counter standing for its contents. Backups record it, restores and
 * rollbacks replace it; it shows in the control API's volumes table.
 */
export function dataVersion(evs: Evs, volumeId: string): number {
  const row = evs.store.s.get('SELECT data_version FROM volumes WHERE id = ?').get(volumeId) as { data_version: number } | undefined;
  return row?.data_version ?? 0;
}

/** Sets the version through the store so the disk's cached view is dropped with the write. */
export function setDataVersion(evs: Evs, volumeId: string, version: number, at = evs.rt.clock.now()): void {
  evs.store.s.get('UPDATE volumes SET data_version = ? WHERE id = ?').run(version, volumeId);
  evs.store.updateVolume(volumeId, {}, evs.stamp(at));
}

/** New contents: a fresh version greater than any the disk had. */
export function bumpDataVersion(evs: Evs, volumeId: string, at = evs.rt.clock.now()): number {
  const next = (evs.store.s.get('SELECT max(data_version) AS v FROM volumes').get() as { v: number | null }).v ?? 0;
  setDataVersion(evs, volumeId, next + 1, at);
  return next + 1;
}
