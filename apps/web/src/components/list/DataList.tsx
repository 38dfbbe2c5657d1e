import '../catalogue.ts';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { downloadText } from '../../lib/download.ts';
import { localeOf } from '../../lib/format.ts';
import { BatchDialog } from './BatchDialog.tsx';
import { clientView } from './clientView.ts';
import { readColumnChoice, rememberColumnChoice } from './columnPrefs.ts';
import { csvFileName, toCsv } from './csv.ts';
import { ListPager } from './ListPager.tsx';
import { ListTable } from './ListTable.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import { hasActiveFilters, listStateShape, toListRequest } from './urlState.ts';
import { useListKeys } from './useListKeys.ts';
import { useListState } from './useListState.ts';
import type { BatchAction, ListConfig, ListPage } from './types.ts';

interface DataListProps<T, R> {
  config: ListConfig<T, R>;
  /** Buttons of this list's own (create…), shown in the toolbar. */
  actions?: ReactNode;
}

/** The one list: paging, sorting, search, filters, columns, density, selection and batch actions. */
export function DataList<T, R>({ config, actions }: DataListProps<T, R>) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const shape = useMemo(() => listStateShape(config), [config]);
  const list = useListState(shape);
  const { state } = list;
  const client = config.paging === 'client';
  const request = toListRequest(state, shape);
  // Client-side lists fetch everything once; the URL state then only changes what is shown.
  const { queryKey, queryFn, staleTime } = config.query(client ? { ...request, search: '', filters: {}, offset: 0, cursor: undefined } : request);
  const query = useQuery({ queryKey, queryFn, placeholderData: keepPreviousData, ...(staleTime === undefined ? {} : { staleTime }) });

  const raw: ListPage<T> | undefined = query.data === undefined ? undefined : config.page(query.data);
  const page = raw && client ? clientView(raw.items, state, config, localeOf(i18n.language)) : raw;
  const items = useMemo(() => page?.items ?? [], [page?.items]);

  const [remembered, setRemembered] = useState(() => readColumnChoice(config.id, shape.columns));
  // A remembered column choice goes into the URL too, so a link copied from here shows the same columns.
  const { update } = list;
  const adoptRemembered = state.columns === undefined && remembered !== undefined;
  useEffect(() => {
    if (adoptRemembered) update({ columns: remembered });
  }, [adoptRemembered, remembered, update]);
  const visibleIds = state.columns ?? remembered ?? config.columns.filter((column) => column.defaultVisible !== false).map((column) => column.id);
  const visibleColumns = config.columns.filter((column) => column.alwaysVisible || visibleIds.includes(column.id));

  // A selection belongs to the page it was made on; a new page or filter starts empty.
  const selectionKey = JSON.stringify([queryKey, request, state.page]);
  const [selection, setSelection] = useState<{ key: string; rows: RowSelectionState }>({ key: selectionKey, rows: {} });
  const rows = selection.key === selectionKey ? selection.rows : {};
  const selectedItems = items.filter((item) => rows[config.getId(item)]);
  const [batch, setBatch] = useState<{ action: BatchAction<T>; items: T[] } | undefined>();
  const rootRef = useRef<HTMLDivElement>(null);
  useListKeys(rootRef, selectedItems.length, () => setSelection({ key: selectionKey, rows: {} }));

  const exportCsv = () => {
    const exported = visibleColumns.filter((column) => column.csv);
    const csv = toCsv(
      exported.map((column) => t(column.header)),
      items.map((item) => exported.map((column) => column.csv!(item))),
    );
    downloadText(csvFileName(config.id, new Date()), csv, 'text/csv;charset=utf-8');
  };

  const filtered = hasActiveFilters(state);
  const batchActions = config.batchActions ?? [];

  return (
    <div className="card" ref={rootRef} data-list="">
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <ListToolbar
          search={config.search && { placeholder: config.search.placeholder, value: state.search, onChange: (search) => list.update({ search }) }}
          filters={config.filters ?? []}
          filterValues={state.filters}
          onFilterChange={(param, values) => list.update({ filters: { ...state.filters, [param]: values } })}
          canClear={filtered}
          onClear={() => list.update({ search: '', filters: {} })}
          columns={config.columns}
          visibleColumns={visibleColumns.map((column) => column.id)}
          onColumnsChange={(columns) => {
            rememberColumnChoice(config.id, columns);
            setRemembered(columns);
            list.update({ columns });
          }}
          density={state.density}
          onDensityChange={(density) => list.update({ density })}
          onExport={exportCsv}
          canExport={items.length > 0}
          extra={actions}
        />
        {batchActions.length > 0 && selectedItems.length > 0 && (
          <div className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-blue-50 px-3 py-2 text-sm dark:bg-blue-950/40" role="region" aria-label={t('list.selection')}>
            <span className="font-medium text-blue-900 dark:text-blue-100">{t('list.selected', { count: selectedItems.length })}</span>
            {batchActions.map((action) => {
              const Icon = action.icon;
              return (
                <button
                  key={action.id}
                  type="button"
                  className={action.danger ? 'btn-danger' : 'btn-secondary'}
                  onClick={() => setBatch({ action, items: selectedItems })}
                >
                  {Icon && <Icon aria-hidden className="size-4" />}
                  {t(action.label)}
                </button>
              );
            })}
            <button type="button" className="btn-ghost ml-auto h-8 px-2" onClick={() => setSelection({ key: selectionKey, rows: {} })}>
              {t('list.clearSelection')}
            </button>
          </div>
        )}
      </div>
      {query.isError && !query.data ? (
        <div className="p-3">
          <ErrorNotice title={t('list.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : (
        <ListTable
          caption={t(config.title)}
          items={items}
          columns={visibleColumns}
          getId={config.getId}
          itemLabel={config.itemLabel}
          rowHref={config.rowHref}
          rowActions={config.rowActions}
          selectable={batchActions.length > 0}
          selection={rows}
          onSelectionChange={(next) => setSelection({ key: selectionKey, rows: next })}
          sort={state.sort ?? config.defaultSort}
          onSortChange={(sort) => list.update({ sort })}
          density={state.density}
          loading={query.isPending}
          skeletonRows={Math.min(state.pageSize, 8)}
          empty={
            <span className="flex flex-col items-center gap-2">
              {filtered ? t('list.noMatches') : t(config.emptyText)}
              {filtered && (
                <button type="button" className="btn-secondary" onClick={() => list.update({ search: '', filters: {} })}>
                  {t('list.clearFilters')}
                </button>
              )}
            </span>
          }
        />
      )}
      {query.isError && query.data !== undefined && (
        <div className="border-t border-slate-200 p-3 dark:border-slate-800">
          <ErrorNotice title={t('list.refreshFailed')} error={query.error} onRetry={() => void query.refetch()} />
        </div>
      )}
      <div className="border-t border-slate-200 px-3 py-2 dark:border-slate-800">
        <ListPager
          mode={config.paging}
          page={state.page}
          pageSize={state.pageSize}
          pageSizes={config.pageSizes}
          shown={items.length}
          total={page?.total}
          hasOlder={Boolean(page?.nextCursor)}
          hasNewer={list.canGoNewer}
          newerIsFirst={list.newerIsFirst}
          onPage={(next) => list.update({ page: next })}
          onOlder={() => page?.nextCursor && list.older(page.nextCursor)}
          onNewer={list.newer}
          onPageSize={(pageSize) => list.update({ pageSize })}
        />
      </div>
      {batch && (
        <BatchDialog
          action={batch.action}
          items={batch.items}
          itemLabel={config.itemLabel}
          getId={config.getId}
          onClose={(ran) => {
            setBatch(undefined);
            if (!ran) return;
            setSelection({ key: selectionKey, rows: {} });
            void queryClient.invalidateQueries({ queryKey: queryKey.slice(0, 1) });
          }}
        />
      )}
    </div>
  );
}
