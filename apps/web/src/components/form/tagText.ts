// Tags as people type them: one "key=value" (or bare "key") per line, and "key=value, …" in cells.
// Disks and servers keep tags as a set, vaults as a list (duplicates kept so the schema can refuse them).

export interface TagPair {
  key: string;
  value: string;
}

const pairText = (t: TagPair) => (t.value ? `${t.key}=${t.value}` : t.key);
const pairs = (tags: Readonly<Record<string, string>>): TagPair[] => Object.entries(tags).map(([key, value]) => ({ key, value }));

export function parseTagList(text: string): TagPair[] {
  const out: TagPair[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    out.push(at === -1 ? { key: line, value: '' } : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() });
  }
  return out;
}

/** The set the lines describe; a key given twice keeps its last value. */
export const parseTagLines = (text: string): Record<string, string> => Object.fromEntries(parseTagList(text).map((t) => [t.key, t.value]));

export const tagListLines = (tags: readonly TagPair[]) => tags.map(pairText).join('\n');
export const tagLines = (tags: Readonly<Record<string, string>>) => tagListLines(pairs(tags));

/** "key=value, …" for cells and CSV. */
export const tagListText = (tags: readonly TagPair[]) => tags.map(pairText).join(', ');
export const tagsText = (tags: Readonly<Record<string, string>>) => tagListText(pairs(tags));
