import type { ListConfig, ListPage } from './types.ts';
import type { ListState } from './urlState.ts';

function compare(a: string | number, b: string | number, locale: string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), locale, { numeric: true, sensitivity: 'base' });
}

/**
 * For lists whose API returns everything: search, filter, sort and cut out the page here, exactly
 * as a server would, so the same URL state means the same thing whichever side does the work.
 */
export function clientView<T, R>(
  items: readonly T[],
  state: ListState,
  config: Pick<ListConfig<T, R>, 'columns' | 'search' | 'clientFilter' | 'defaultSort'>,
  locale = 'en',
): ListPage<T> {
  const text = state.search.toLocaleLowerCase(locale);
  const matches = config.search?.matches;
  let rows = items.filter(
    (item) => (!text || !matches || matches(item, text)) && (!config.clientFilter || config.clientFilter(item, state.filters)),
  );
  const sort = state.sort ?? config.defaultSort;
  const sortValue = sort && config.columns.find((column) => column.id === sort.id)?.sortValue;
  if (sort && sortValue) {
    const direction = sort.desc ? -1 : 1;
    rows = [...rows].sort((a, b) => direction * compare(sortValue(a), sortValue(b), locale));
  }
  const start = (state.page - 1) * state.pageSize;
  return { items: rows.slice(start, start + state.pageSize), total: rows.length };
}
