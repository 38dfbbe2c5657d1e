import type { Evs } from './evs.ts';
import { renderVolumeDetail } from './render.ts';

/**
 * Custom VolumeDetail views as JSON text, cached per disk until the disk or its attachments change
 * (see EvsStore). Detail and list answers are assembled from these strings, which keeps the hot
 * paths free of row decoding, rendering and re-serialising.
 */
export function detailView(evs: Evs, id: string): string | undefined {
  const cached = evs.store.cachedView(id);
  if (cached !== undefined) return cached;
  const v = evs.store.volume(id);
  if (!v) return undefined;
  const json = JSON.stringify(renderVolumeDetail(v, v.attach_count > 0 ? evs.store.attachments(id) : undefined, evs.env()));
  evs.store.cacheView(id, json);
  return json;
}

/** Views of many disks, in order; the uncached ones are read and rendered in one batch. */
export function detailViews(evs: Evs, ids: readonly string[]): string[] {
  const out: (string | undefined)[] = ids.map((id) => evs.store.cachedView(id));
  const missing = ids.filter((_, i) => out[i] === undefined);
  if (missing.length > 0) {
    const rows = evs.store.volumesByIds(missing);
    const attachments = evs.store.attachmentsOf(rows);
    const env = evs.env();
    const rendered = new Map<string, string>();
    for (const v of rows) {
      const json = JSON.stringify(renderVolumeDetail(v, attachments.get(v.id), env));
      evs.store.cacheView(v.id, json);
      rendered.set(v.id, json);
    }
    ids.forEach((id, i) => (out[i] ??= rendered.get(id)));
  }
  return out.filter((x): x is string => x !== undefined);
}
