import type { ComponentType } from 'react';
import { Link } from 'react-router';
import type { TranslationKey } from '../../i18n/keys.ts';
import { shortenId } from '../../lib/format.ts';
import type { ListColumn } from './types.ts';

// Columns that many resource lists have in the same form; a list with its own look keeps its own.

function NameWithId({ name, id, href }: { name: string; id: string; href: string | undefined }) {
  const label = name || shortenId(id);
  return (
    <span className="flex flex-col">
      {href ? (
        <Link to={href} className="font-medium whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300">{label}</Link>
      ) : (
        <span className="font-medium">{label}</span>
      )}
      <code className="font-mono text-xs text-slate-500 dark:text-slate-400" title={id}>{shortenId(id)}</code>
    </span>
  );
}

/** The column that names the row: its name (linked where the row has a page) over its short id; unnamed rows show the id. */
export function nameColumn<T extends { id: string; name: string }>(header: TranslationKey, href?: (item: T) => string): ListColumn<T> {
  return { id: 'name', header, alwaysVisible: true, cell: (item) => <NameWithId name={item.name} id={item.id} href={href?.(item)} />, csv: (item) => item.name };
}

/** The whole id, hidden until chosen. */
export function idColumn<T extends { id: string }>(header: TranslationKey): ListColumn<T> {
  return { id: 'id', header, defaultVisible: false, cell: (item) => <code className="font-mono text-xs">{item.id}</code>, csv: (item) => item.id };
}

/** The status as the resource's badge, exported as the cloud's status word. */
export function statusColumn<T extends { status: string }>(header: TranslationKey, Badge: ComponentType<{ status: string }>, sortable = false): ListColumn<T> {
  return { id: 'status', header, sortable, cell: (item) => <Badge status={item.status} />, csv: (item) => item.status };
}
