import '../catalogue.ts';
import { useRef, type ReactNode } from 'react';
import { Columns3, Download, FilterX, Rows3, Rows4, Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Menu, MenuCheckboxItem, MenuContent, MenuLabel, MenuTrigger } from '../Menu.tsx';
import { useSlashFocus } from '../useSlashFocus.ts';
import { CommitInput } from './CommitInput.tsx';
import { ListFilters } from './ListFilters.tsx';
import type { Density, ListColumn, ListFilter } from './types.ts';
import type { TranslationKey } from '../../i18n/keys.ts';

interface ListToolbarProps<T> {
  search?: { placeholder: TranslationKey; value: string; onChange: (value: string) => void } | undefined;
  filters: readonly ListFilter[];
  filterValues: Readonly<Record<string, readonly string[]>>;
  onFilterChange: (param: string, values: string[]) => void;
  canClear: boolean;
  onClear: () => void;
  columns: readonly ListColumn<T>[];
  visibleColumns: readonly string[];
  onColumnsChange: (columns: string[]) => void;
  density: Density;
  onDensityChange: (density: Density) => void;
  onExport: () => void;
  canExport: boolean;
  /** The list's own buttons (create…), placed first on the right. */
  extra?: ReactNode;
}

export function ListToolbar<T>(props: ListToolbarProps<T>) {
  const { t } = useTranslation();
  const searchInput = useRef<HTMLInputElement>(null);
  useSlashFocus(searchInput);
  const { search, columns, visibleColumns } = props;

  const toggleColumn = (id: string, shown: boolean) => {
    const next = columns.filter((column) => (column.id === id ? shown : visibleColumns.includes(column.id))).map((column) => column.id);
    props.onColumnsChange(next);
  };

  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('list.toolbar')}>
      {search && (
        <div className="relative w-full sm:w-64">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" />
          <CommitInput
            ref={searchInput}
            type="search"
            className="input h-8 pr-8 pl-8"
            aria-label={t(search.placeholder)}
            aria-keyshortcuts="/"
            placeholder={t(search.placeholder)}
            value={search.value}
            onCommit={search.onChange}
          />
          <kbd
            aria-hidden
            className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-slate-300 px-1 font-mono text-[10px] text-slate-500 dark:border-slate-600 dark:text-slate-400"
          >
            /
          </kbd>
        </div>
      )}
      <ListFilters filters={props.filters} values={props.filterValues} onChange={props.onFilterChange} />
      {props.canClear && (
        <button type="button" className="btn-ghost h-8 px-2" onClick={props.onClear}>
          <FilterX aria-hidden className="size-4" />
          {t('list.clearFilters')}
        </button>
      )}
      <div className="ml-auto flex items-center gap-1">
        {props.extra}
        <Menu>
          <MenuTrigger className="btn-icon size-8" aria-label={t('list.columns')} title={t('list.columns')}>
            <Columns3 aria-hidden className="size-4" />
          </MenuTrigger>
          <MenuContent>
            <MenuLabel>{t('list.columnsShown')}</MenuLabel>
            {columns.map((column) => (
              <MenuCheckboxItem
                key={column.id}
                checked={column.alwaysVisible || visibleColumns.includes(column.id)}
                disabled={column.alwaysVisible}
                onCheckedChange={(checked) => toggleColumn(column.id, checked)}
              >
                {t(column.header)}
              </MenuCheckboxItem>
            ))}
          </MenuContent>
        </Menu>
        <button
          type="button"
          className="btn-icon size-8"
          aria-pressed={props.density === 'compact'}
          aria-label={t('list.compact')}
          title={t('list.compact')}
          onClick={() => props.onDensityChange(props.density === 'compact' ? 'comfortable' : 'compact')}
        >
          {props.density === 'compact' ? <Rows4 aria-hidden className="size-4" /> : <Rows3 aria-hidden className="size-4" />}
        </button>
        <button
          type="button"
          className="btn-icon size-8"
          aria-label={t('list.export')}
          title={t('list.export')}
          disabled={!props.canExport}
          onClick={props.onExport}
        >
          <Download aria-hidden className="size-4" />
        </button>
      </div>
    </div>
  );
}
