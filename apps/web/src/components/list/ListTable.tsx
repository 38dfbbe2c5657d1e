import '../catalogue.ts';
import { useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row, type RowSelectionState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { RowActionsMenu } from './RowActionsMenu.tsx';
import type { Density, ListColumn, RowAction, Sort } from './types.ts';

interface ListTableProps<T> {
  caption: string;
  items: readonly T[];
  /** The visible columns, in order. */
  columns: readonly ListColumn<T>[];
  getId: (item: T) => string;
  itemLabel: (item: T) => string;
  rowHref?: ((item: T) => string) | undefined;
  rowActions?: readonly RowAction<T>[] | undefined;
  selectable: boolean;
  selection: RowSelectionState;
  onSelectionChange: (selection: RowSelectionState) => void;
  /** The order in effect (the default when the URL names none). */
  sort: Sort | undefined;
  onSortChange: (sort: Sort) => void;
  density: Density;
  /** Nothing to show yet: skeleton rows stand in. */
  loading: boolean;
  skeletonRows: number;
  empty: ReactNode;
}

/** Above this many rows only the visible ones are in the DOM. */
export const virtualizeAbove = 60;
const rowHeights: Record<Density, number> = { comfortable: 45, compact: 31 };

const rowKeys: Readonly<Record<string, 'open' | 'next' | 'previous' | 'select'>> = {
  Enter: 'open',
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'previous',
  k: 'previous',
  x: 'select',
};

const selectId = '__select';
const actionsId = '__actions';

export function ListTable<T>(props: ListTableProps<T>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { columns, selectable, rowActions, density, sort, getId, itemLabel } = props;
  const cellClass = density === 'compact' ? 'cell-compact' : 'cell-comfortable';

  const columnDefs = useMemo<ColumnDef<T>[]>(() => {
    const defs: ColumnDef<T>[] = columns.map((column) => ({ id: column.id, cell: ({ row }) => column.cell(row.original) }));
    if (selectable) defs.unshift({ id: selectId });
    if (rowActions?.length) defs.push({ id: actionsId });
    return defs;
  }, [columns, selectable, rowActions]);

  // TanStack Table is the row model (ids, selection); the markup below is a plain <table>.
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is read during this render only
  const table = useReactTable<T>({
    data: props.items as T[],
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (item) => getId(item),
    state: { rowSelection: props.selection },
    enableRowSelection: selectable,
    onRowSelectionChange: (updater) => props.onSelectionChange(typeof updater === 'function' ? updater(props.selection) : updater),
  });
  const rows = table.getRowModel().rows;
  const virtual = rows.length > virtualizeAbove;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeights[density],
    overscan: 12,
    enabled: virtual,
  });
  const virtualRows = virtual ? virtualizer.getVirtualItems() : [];
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtual ? virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0) : 0;
  const columnCount = columnDefs.length;

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: Row<T>) => {
    if (event.target !== event.currentTarget) return;
    // j/k and x are the keys of mail clients and code hosts; arrows do the same for everyone else.
    const key = rowKeys[event.key];
    if (!key || event.ctrlKey || event.metaKey || event.altKey) return;
    if (key === 'open') {
      if (!props.rowHref) return;
      event.preventDefault();
      void navigate(props.rowHref(row.original));
    } else if (key === 'select') {
      if (!selectable) return;
      event.preventDefault();
      row.toggleSelected();
    } else {
      event.preventDefault();
      const sibling = key === 'next' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement && sibling.dataset.row !== undefined) sibling.focus();
    }
  };

  const renderRow = (row: Row<T>, index: number) => {
    const item = row.original;
    const selected = row.getIsSelected();
    return (
      <tr
        key={row.id}
        data-row=""
        data-index={index}
        ref={virtual ? virtualizer.measureElement : undefined}
        tabIndex={0}
        aria-rowindex={index + 2}
        onKeyDown={(event) => onRowKeyDown(event, row)}
        className={`border-t border-slate-100 outline-none focus-visible:bg-blue-50 focus-visible:outline-2 focus-visible:-outline-offset-2 dark:border-slate-800 dark:focus-visible:bg-blue-950/40 ${
          selected ? 'bg-blue-50/70 dark:bg-blue-950/30' : 'hover:bg-slate-50 dark:hover:bg-slate-800/50'
        }`}
      >
        {row.getVisibleCells().map((cell) => {
          if (cell.column.id === selectId) {
            return (
              <td key={cell.id} className={`${cellClass} w-10`}>
                <input
                  type="checkbox"
                  className="size-4 accent-blue-600"
                  checked={selected}
                  onChange={row.getToggleSelectedHandler()}
                  aria-label={t('list.selectRow', { name: itemLabel(item) })}
                />
              </td>
            );
          }
          if (cell.column.id === actionsId) {
            return (
              <td key={cell.id} className={`${cellClass} w-10 text-right`}>
                <RowActionsMenu item={item} label={itemLabel(item)} actions={rowActions ?? []} />
              </td>
            );
          }
          const column = columns.find((candidate) => candidate.id === cell.column.id);
          return (
            <td key={cell.id} className={`${cellClass} align-middle ${column?.className ?? ''}`}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          );
        })}
      </tr>
    );
  };

  const allSelected = table.getIsAllRowsSelected();
  const someSelected = table.getIsSomeRowsSelected();

  return (
    <div ref={scrollRef} className={`overflow-auto ${virtual ? 'max-h-[calc(100vh-21rem)] min-h-64' : ''}`}>
      <table className="w-full border-collapse text-left text-sm" aria-busy={props.loading} aria-rowcount={props.loading ? -1 : rows.length + 1}>
        <caption className="sr-only">{props.caption}</caption>
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs font-medium text-slate-600 dark:bg-slate-800/95 dark:text-slate-300">
          <tr aria-rowindex={1}>
            {columnDefs.map((def) => {
              if (def.id === selectId) {
                return (
                  <th key={def.id} scope="col" className={`${cellClass} w-10`}>
                    <input
                      type="checkbox"
                      className="size-4 accent-blue-600"
                      checked={allSelected}
                      ref={(input) => {
                        if (input) input.indeterminate = someSelected && !allSelected;
                      }}
                      disabled={rows.length === 0}
                      onChange={table.getToggleAllRowsSelectedHandler()}
                      aria-label={t('list.selectPage')}
                    />
                  </th>
                );
              }
              if (def.id === actionsId) {
                return (
                  <th key={def.id} scope="col" className={`${cellClass} w-10`}>
                    <span className="sr-only">{t('list.actions')}</span>
                  </th>
                );
              }
              const column = columns.find((candidate) => candidate.id === def.id)!;
              const direction = sort?.id === column.id ? (sort.desc ? 'descending' : 'ascending') : 'none';
              const Icon = direction === 'ascending' ? ArrowUp : direction === 'descending' ? ArrowDown : ArrowUpDown;
              return (
                <th key={def.id} scope="col" aria-sort={column.sortable ? direction : undefined} className={`${cellClass} whitespace-nowrap`}>
                  {column.sortable ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 rounded hover:text-slate-900 dark:hover:text-white"
                      onClick={() => props.onSortChange({ id: column.id, desc: sort?.id === column.id ? !sort.desc : false })}
                    >
                      {t(column.header)}
                      <Icon aria-hidden className={`size-3.5 ${direction === 'none' ? 'opacity-40' : ''}`} />
                    </button>
                  ) : (
                    t(column.header)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.loading ? (
            Array.from({ length: props.skeletonRows }, (_, index) => (
              <tr key={index} aria-hidden className="border-t border-slate-100 dark:border-slate-800">
                {columnDefs.map((def) => (
                  <td key={def.id} className={cellClass}>
                    <div className="skeleton h-4 w-full max-w-40" />
                  </td>
                ))}
              </tr>
            ))
          ) : rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="px-3 py-10 text-center text-sm text-slate-500 dark:text-slate-400">
                {props.empty}
              </td>
            </tr>
          ) : virtual ? (
            <>
              {paddingTop > 0 && (
                <tr aria-hidden>
                  <td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} />
                </tr>
              )}
              {virtualRows.map((virtualRow) => renderRow(rows[virtualRow.index]!, virtualRow.index))}
              {paddingBottom > 0 && (
                <tr aria-hidden>
                  <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0 }} />
                </tr>
              )}
            </>
          ) : (
            rows.map((row, index) => renderRow(row, index))
          )}
        </tbody>
      </table>
    </div>
  );
}
