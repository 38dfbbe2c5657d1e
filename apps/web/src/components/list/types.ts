import type { Task } from '@console/contract';
import type { ReactNode } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import type { LucideIcon } from 'lucide-react';
import type { TranslationKey } from '../../i18n/keys.ts';

// One list component serves every resource; what differs per resource is this configuration.

export interface ListColumn<T> {
  id: string;
  header: TranslationKey;
  cell: (item: T) => ReactNode;
  /** The server (or, for client-side lists, `sortValue`) can order by this column. */
  sortable?: boolean;
  /** Client-side lists sort by this; server-side lists send the column id instead. */
  sortValue?: (item: T) => string | number;
  /** Shown until the person chooses otherwise in the column chooser (default true). */
  defaultVisible?: boolean;
  /** The column that names the row cannot be hidden. */
  alwaysVisible?: boolean;
  /** The value exported to CSV; columns without one are left out of the export. */
  csv?: (item: T) => string | number | boolean | null | undefined;
  className?: string;
}

export interface FilterOption {
  value: string;
  label: TranslationKey;
}

/** Each filter owns one query parameter (a date range owns two), named as the API names it. */
export type ListFilter =
  | { kind: 'text'; param: string; label: TranslationKey }
  | { kind: 'select'; param: string; label: TranslationKey; options: readonly FilterOption[] }
  | { kind: 'multi-select'; param: string; label: TranslationKey; options: readonly FilterOption[] }
  | { kind: 'date-range'; label: TranslationKey; sinceParam: string; untilParam?: string };

export interface Sort {
  id: string;
  desc: boolean;
}

/**
 * offset: numbered pages (the API takes offset/limit and says the total);
 * cursor: older/newer pages (the API hands out the next cursor);
 * client: the API returns everything and the browser pages, sorts and searches.
 */
export type PagingMode = 'offset' | 'cursor' | 'client';

export type Density = 'comfortable' | 'compact';

/** What a list asks its resource for: the URL state, translated into paging terms. */
export interface ListRequest {
  search: string;
  filters: Readonly<Record<string, readonly string[]>>;
  sort: Sort | undefined;
  offset: number;
  limit: number;
  cursor: string | undefined;
}

export interface ListPage<T> {
  items: readonly T[];
  /** All matches across pages, when the API says. */
  total?: number | undefined;
  /** The cursor of the next (older) page; null at the end. */
  nextCursor?: string | null | undefined;
}

/** A per-row action (the row's menu). */
export interface RowAction<T> {
  id: string;
  label: TranslationKey;
  icon?: LucideIcon;
  danger?: boolean;
  /** Why this row cannot take the action, or undefined when it can. */
  check?: (item: T) => TranslationKey | undefined;
  onSelect: (item: T) => void;
}

/** An action over the selected rows; each row is checked before anything is sent. */
export interface BatchAction<T> {
  id: string;
  label: TranslationKey;
  icon?: LucideIcon;
  danger?: boolean;
  check: (item: T) => TranslationKey | undefined;
  /** Runs the action for one item; a rejection is that item's failure, shown in words. */
  run: (item: T) => Promise<unknown>;
  /**
   * Where the console API has a batch route: one request and one task for the whole selection,
   * its subtasks answering per item. Preferred over `run` when present.
   */
  runMany?: (items: readonly T[]) => Promise<{ task: Task }>;
}

export interface ListConfig<T, TRaw = ListPage<T>> {
  /** Names the list in storage keys and exported files. */
  id: string;
  /** The table's caption, for screen readers and the CSV file name. */
  title: TranslationKey;
  getId: (item: T) => string;
  /** How a row is named in checkbox labels and batch results. */
  itemLabel: (item: T) => string;
  columns: readonly ListColumn<T>[];
  filters?: readonly ListFilter[];
  /** Free-text search: sent as `search`, or matched here for client-side lists. */
  search?: { placeholder: TranslationKey; matches?: (item: T, text: string) => boolean };
  paging: PagingMode;
  pageSizes: readonly number[];
  defaultSort?: Sort;
  query: (request: ListRequest) => {
    queryKey: QueryKey;
    queryFn: (context: { signal: AbortSignal }) => Promise<TRaw>;
    /** How long a fetched page counts as current (live-updated lists keep theirs longer). */
    staleTime?: number;
  };
  page: (raw: TRaw) => ListPage<T>;
  /** Where a row opens (Enter on a focused row, or its first cell's link). */
  rowHref?: (item: T) => string;
  rowActions?: readonly RowAction<T>[];
  batchActions?: readonly BatchAction<T>[];
  /** Shown when nothing matches. */
  emptyText: TranslationKey;
  /** Client-side lists apply their filters here (server-side lists send them). */
  clientFilter?: (item: T, filters: Readonly<Record<string, readonly string[]>>) => boolean;
}
