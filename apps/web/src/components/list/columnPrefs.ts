import { readStored, writeStored } from '../../lib/storage.ts';

const key = (listId: string) => `console.list.${listId}.columns`;

/** The columns last chosen for this list on this browser, if any are still columns of it. */
export function readColumnChoice(listId: string, known: readonly string[]): string[] | undefined {
  const raw = readStored(key(listId));
  if (!raw) return undefined;
  const chosen = new Set(raw.split(','));
  const columns = known.filter((id) => chosen.has(id));
  return columns.length > 0 ? columns : undefined;
}

export function rememberColumnChoice(listId: string, columns: readonly string[]): void {
  writeStored(key(listId), columns.join(','));
}
