import { describe, expect, it } from 'vitest';
import { clientView } from '../src/components/list/clientView.ts';
import {
  changeListState,
  dayEndIso,
  dayStartIso,
  isValidDay,
  parseListState,
  toListRequest,
  writeListState,
  type ListState,
  type ListStateShape,
} from '../src/components/list/urlState.ts';
import type { ListColumn } from '../src/components/list/types.ts';

const shape: ListStateShape = {
  filters: [
    { kind: 'text', param: 'username', label: 'tasks.columns.user' },
    { kind: 'select', param: 'status', label: 'tasks.columns.status', options: [{ value: 'running', label: 'tasks.status.running' }, { value: 'failed', label: 'tasks.status.failed' }] },
    { kind: 'multi-select', param: 'role', label: 'settings.users.role', options: [{ value: 'admin', label: 'role.admin' }, { value: 'operator', label: 'role.operator' }, { value: 'viewer', label: 'role.viewer' }] },
    { kind: 'date-range', label: 'settings.audit.period', sinceParam: 'since', untilParam: 'until' },
  ],
  sortable: ['name', 'created'],
  columns: ['name', 'status', 'created', 'id'],
  pageSizes: [20, 50, 100],
  paging: 'offset',
  defaultSort: { id: 'created', desc: true },
};

const defaults: ListState = {
  search: '',
  filters: {},
  sort: undefined,
  page: 1,
  cursor: undefined,
  pageSize: 20,
  columns: undefined,
  density: 'comfortable',
};

const parse = (query: string, on = shape) => parseListState(new URLSearchParams(query), on);

describe('list state in the URL', () => {
  it('reads an empty URL as the default view, and writes the default view as an empty URL', () => {
    expect(parse('')).toEqual(defaults);
    expect(writeListState(defaults, shape).toString()).toBe('');
  });

  it('survives the round trip state → URL → state with every part set', () => {
    const state: ListState = {
      search: 'data disk',
      filters: { username: ['alice'], status: ['failed'], role: ['admin', 'viewer'], since: ['2024-05-01'], until: ['2024-05-31'] },
      sort: { id: 'name', desc: false },
      page: 3,
      cursor: undefined,
      pageSize: 50,
      columns: ['name', 'id'],
      density: 'compact',
    };
    const url = writeListState(state, shape).toString();
    expect(url).toBe('username=alice&status=failed&role=admin&role=viewer&since=2024-05-01&until=2024-05-31&q=data+disk&sort=name&page=3&size=50&cols=name%2Cid&density=compact');
    expect(parse(url)).toEqual(state);
  });

  it('writes the URL the same way whatever order it was typed in', () => {
    const typed = 'density=compact&role=viewer&sort=-name&role=admin&q=x';
    const once = writeListState(parse(typed), shape).toString();
    expect(writeListState(parse(once), shape).toString()).toBe(once);
    expect(parse(typed).filters.role).toEqual(['admin', 'viewer']);
  });

  it('drops what is not valid instead of failing: unknown options, sort columns, sizes, pages and dates', () => {
    const state = parse('status=exploded&role=root&role=viewer&sort=-secret&page=0&size=7&since=2024-02-30&until=yesterday&cols=nope&density=huge');
    expect(state).toEqual({ ...defaults, filters: { role: ['viewer'] } });
  });

  it('treats the default order as no order, so it never shows in the URL', () => {
    expect(parse('sort=-created').sort).toBeUndefined();
    expect(writeListState({ ...defaults, sort: { id: 'created', desc: true } }, shape).has('sort')).toBe(false);
    expect(parse('sort=created').sort).toEqual({ id: 'created', desc: false });
  });

  it('keeps parameters the list does not own (a tab, say)', () => {
    const params = writeListState({ ...defaults, search: 'x' }, shape, new URLSearchParams('tab=users&q=old&page=4'));
    expect(params.toString()).toBe('tab=users&q=x');
  });

  it('uses a cursor instead of a page number for cursor-paged lists', () => {
    const cursorShape = { ...shape, paging: 'cursor' as const };
    const state = parseListState(new URLSearchParams('cursor=task-42&page=9'), cursorShape);
    expect(state.cursor).toBe('task-42');
    expect(state.page).toBe(1);
    expect(writeListState(state, cursorShape).toString()).toBe('cursor=task-42');
    expect(parse('cursor=task-42').cursor).toBeUndefined();
  });
});

describe('changing the list state', () => {
  const onPage3 = { ...defaults, page: 3, cursor: 'c-1' };

  it('goes back to the first page when the search, a filter, the order or the page size change', () => {
    for (const change of [{ search: 'x' }, { filters: { status: ['failed'] } }, { sort: { id: 'name', desc: false } }, { pageSize: 50 }]) {
      const next = changeListState(onPage3, change);
      expect(next.page, JSON.stringify(change)).toBe(1);
      expect(next.cursor).toBeUndefined();
    }
  });

  it('stays on the page when only the view changes', () => {
    for (const change of [{ columns: ['name'] }, { density: 'compact' as const }, { page: 4 }]) {
      expect(changeListState(onPage3, change).cursor, JSON.stringify(change)).toBe('c-1');
    }
    expect(changeListState(onPage3, { density: 'compact' }).page).toBe(3);
  });
});

describe('the request a list sends', () => {
  it('turns pages into an offset and falls back to the default order', () => {
    expect(toListRequest({ ...defaults, page: 3, pageSize: 50 }, shape)).toEqual({
      search: '',
      filters: {},
      sort: { id: 'created', desc: true },
      offset: 100,
      limit: 50,
      cursor: undefined,
    });
  });

  it('turns calendar days into the start of that day and the start of the next', () => {
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2023-02-29')).toBe(false);
    const start = new Date(dayStartIso('2024-05-03'));
    const end = new Date(dayEndIso('2024-05-03'));
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2024, 4, 3, 0]);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([2024, 4, 4, 0]);
  });
});

describe('client-side lists', () => {
  interface Row {
    name: string;
    size: number;
    role: string;
  }
  const rows: Row[] = [
    { name: 'disk-10', size: 40, role: 'a' },
    { name: 'disk-2', size: 10, role: 'b' },
    { name: 'Disk-1', size: 20, role: 'a' },
    { name: 'other', size: 30, role: 'a' },
  ];
  const columns: ListColumn<Row>[] = [
    { id: 'name', header: 'settings.users.username', cell: (row) => row.name, sortable: true, sortValue: (row) => row.name },
    { id: 'size', header: 'settings.users.role', cell: (row) => row.size, sortable: true, sortValue: (row) => row.size },
  ];
  const config = {
    columns,
    search: { placeholder: 'settings.users.search' as const, matches: (row: Row, text: string) => row.name.toLowerCase().includes(text) },
    clientFilter: (row: Row, filters: Readonly<Record<string, readonly string[]>>) => !filters.role?.length || filters.role.includes(row.role),
  };

  it('searches, filters, sorts (numbers by value, names naturally) and cuts out the page like a server', () => {
    const view = clientView(rows, { ...defaults, search: 'DISK', filters: { role: ['a'] }, sort: { id: 'name', desc: false } }, config);
    expect(view.items.map((row) => row.name)).toEqual(['Disk-1', 'disk-10']);
    expect(view.total).toBe(2);
    const bySize = clientView(rows, { ...defaults, sort: { id: 'size', desc: true }, pageSize: 2, page: 2 }, config);
    expect(bySize.items.map((row) => row.size)).toEqual([20, 10]);
    expect(bySize.total).toBe(4);
  });
});
