import type { Density, ListConfig, ListFilter, ListRequest, PagingMode, Sort } from './types.ts';

// Everything that makes up a view of a list lives in the URL, so a copied link, a reload or Back
// shows the same rows. These functions are the one translation between the two, kept pure.

export interface ListState {
  search: string;
  /** Keyed by query parameter; every filter value is a list (single-value filters hold one). */
  filters: Record<string, string[]>;
  /** undefined: the list's default order. */
  sort: Sort | undefined;
  /** 1-based, for offset and client-side paging. */
  page: number;
  /** The page's cursor, for cursor paging; undefined is the first page. */
  cursor: string | undefined;
  pageSize: number;
  /** Visible columns chosen for this view; undefined: the remembered or default choice. */
  columns: string[] | undefined;
  density: Density;
}

/** The parts of a list's configuration that decide which URL values are valid. */
export interface ListStateShape {
  filters: readonly ListFilter[];
  sortable: readonly string[];
  columns: readonly string[];
  pageSizes: readonly number[];
  paging: PagingMode;
  defaultSort?: Sort | undefined;
}

export const listParams = {
  search: 'q',
  sort: 'sort',
  page: 'page',
  cursor: 'cursor',
  size: 'size',
  columns: 'cols',
  density: 'density',
} as const;

const maxTextLength = 200;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function listStateShape<T, R>(config: ListConfig<T, R>): ListStateShape {
  return {
    filters: config.filters ?? [],
    sortable: config.columns.filter((column) => column.sortable).map((column) => column.id),
    columns: config.columns.map((column) => column.id),
    pageSizes: config.pageSizes,
    paging: config.paging,
    defaultSort: config.defaultSort,
  };
}

/** The query parameters a filter owns, in the order they are written. */
export function filterParams(filter: ListFilter): string[] {
  if (filter.kind === 'date-range') return filter.untilParam ? [filter.sinceParam, filter.untilParam] : [filter.sinceParam];
  return [filter.param];
}

/** Every parameter the list owns; others in the URL (a tab, say) are left alone. */
export function ownedParams(shape: ListStateShape): string[] {
  return [...shape.filters.flatMap(filterParams), ...Object.values(listParams)];
}

export function isValidDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function filterValues(filter: ListFilter, params: URLSearchParams): Record<string, string[]> {
  switch (filter.kind) {
    case 'text': {
      const value = (params.get(filter.param) ?? '').trim().slice(0, maxTextLength);
      return value ? { [filter.param]: [value] } : {};
    }
    case 'select': {
      const value = params.get(filter.param);
      return value !== null && filter.options.some((option) => option.value === value) ? { [filter.param]: [value] } : {};
    }
    case 'multi-select': {
      const chosen = new Set(params.getAll(filter.param));
      const values = filter.options.map((option) => option.value).filter((value) => chosen.has(value));
      return values.length ? { [filter.param]: values } : {};
    }
    case 'date-range': {
      const out: Record<string, string[]> = {};
      for (const param of filterParams(filter)) {
        const value = params.get(param);
        if (value !== null && isValidDay(value)) out[param] = [value];
      }
      return out;
    }
  }
}

function parseSort(raw: string | null, shape: ListStateShape): Sort | undefined {
  if (!raw) return undefined;
  const desc = raw.startsWith('-');
  const id = desc ? raw.slice(1) : raw;
  if (!shape.sortable.includes(id)) return undefined;
  const sort = { id, desc };
  return sameSort(sort, shape.defaultSort) ? undefined : sort;
}

export function sameSort(a: Sort | undefined, b: Sort | undefined): boolean {
  return a?.id === b?.id && a?.desc === b?.desc;
}

function positiveInt(raw: string | null): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 ? value : undefined;
}

/** Reads a list's state from the URL; anything invalid or unknown falls back to the default. */
export function parseListState(params: URLSearchParams, shape: ListStateShape): ListState {
  const filters: Record<string, string[]> = {};
  for (const filter of shape.filters) Object.assign(filters, filterValues(filter, params));

  const size = positiveInt(params.get(listParams.size));
  const columnsRaw = params.get(listParams.columns);
  const chosen = columnsRaw === null ? undefined : new Set(columnsRaw.split(','));
  const columns = chosen ? shape.columns.filter((id) => chosen.has(id)) : undefined;
  const cursor = params.get(listParams.cursor);

  return {
    search: (params.get(listParams.search) ?? '').trim().slice(0, maxTextLength),
    filters,
    sort: parseSort(params.get(listParams.sort), shape),
    page: shape.paging === 'cursor' ? 1 : (positiveInt(params.get(listParams.page)) ?? 1),
    cursor: shape.paging === 'cursor' && cursor ? cursor.slice(0, maxTextLength) : undefined,
    pageSize: size !== undefined && shape.pageSizes.includes(size) ? size : (shape.pageSizes[0] ?? 50),
    columns: columns && columns.length > 0 ? columns : undefined,
    density: params.get(listParams.density) === 'compact' ? 'compact' : 'comfortable',
  };
}

/**
 * Writes the state into a copy of `base`, replacing what the list owns and keeping the rest.
 * Defaults are left out, so the plainest view has the plainest address.
 */
export function writeListState(state: ListState, shape: ListStateShape, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of ownedParams(shape)) params.delete(name);
  for (const filter of shape.filters) {
    for (const param of filterParams(filter)) for (const value of state.filters[param] ?? []) params.append(param, value);
  }
  if (state.search) params.set(listParams.search, state.search);
  if (state.sort && !sameSort(state.sort, shape.defaultSort)) {
    params.set(listParams.sort, `${state.sort.desc ? '-' : ''}${state.sort.id}`);
  }
  if (shape.paging !== 'cursor' && state.page > 1) params.set(listParams.page, String(state.page));
  if (shape.paging === 'cursor' && state.cursor) params.set(listParams.cursor, state.cursor);
  if (state.pageSize !== shape.pageSizes[0]) params.set(listParams.size, String(state.pageSize));
  if (state.columns) params.set(listParams.columns, state.columns.join(','));
  if (state.density !== 'comfortable') params.set(listParams.density, state.density);
  return params;
}

export type ListChange = Partial<Omit<ListState, 'filters'>> & { filters?: Record<string, string[]> };

/**
 * Applies a change the way people expect: a new search, filter, order or page size starts again
 * from the first page; moving between pages, columns or density keeps everything else.
 */
export function changeListState(state: ListState, change: ListChange): ListState {
  const next: ListState = { ...state, ...change, filters: change.filters ?? state.filters };
  const viewOnly = Object.keys(change).every((key) => key === 'page' || key === 'cursor' || key === 'columns' || key === 'density');
  if (!viewOnly) {
    next.page = 1;
    next.cursor = undefined;
  }
  return next;
}

export function hasActiveFilters(state: ListState): boolean {
  return state.search !== '' || Object.values(state.filters).some((values) => values.length > 0);
}

/** What the list asks its resource for. Client-side lists fetch everything and page themselves. */
export function toListRequest(state: ListState, shape: ListStateShape): ListRequest {
  return {
    search: state.search,
    filters: state.filters,
    sort: state.sort ?? shape.defaultSort,
    offset: shape.paging === 'offset' ? (state.page - 1) * state.pageSize : 0,
    limit: state.pageSize,
    cursor: state.cursor,
  };
}

export function firstValue(filters: ListRequest['filters'], param: string): string | undefined {
  return filters[param]?.[0];
}

/** The start of a calendar day in the reader's time zone, as the API's ISO timestamp. */
export function dayStartIso(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

/** The end of a day (the next day's start): "until 3 May" includes all of 3 May. */
export function dayEndIso(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1).toISOString();
}
