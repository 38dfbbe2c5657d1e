import '../catalogue.ts';
import { ChevronLeft, ChevronRight, ChevronsLeft } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PagingMode } from './types.ts';

interface ListPagerProps {
  mode: PagingMode;
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  /** Rows on this page. */
  shown: number;
  total: number | undefined;
  /** Cursor paging: is there an older page, and can we step back. */
  hasOlder: boolean;
  hasNewer: boolean;
  /** "Newer" jumps to the first page, as the pages in between are not known. */
  newerIsFirst: boolean;
  onPage: (page: number) => void;
  onOlder: () => void;
  onNewer: () => void;
  onPageSize: (size: number) => void;
}

/** Numbered pages where the total is known; newer/older where the API hands out cursors. */
export function ListPager(props: ListPagerProps) {
  const { t } = useTranslation();
  const { mode, page, pageSize, total, shown } = props;
  const pages = total !== undefined ? Math.max(1, Math.ceil(total / pageSize)) : undefined;
  const first = shown === 0 ? 0 : (page - 1) * pageSize + 1;

  return (
    <nav aria-label={t('list.pagination')} className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-300">
      <label className="flex items-center gap-1.5">
        {t('list.pageSize')}
        <select className="input h-8 w-auto" value={pageSize} onChange={(event) => props.onPageSize(Number(event.target.value))}>
          {props.pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      {mode === 'cursor' ? (
        <>
          <span aria-live="polite">{t('list.shownOnPage', { count: shown })}</span>
          <div className="ml-auto flex gap-1">
            <button type="button" className="btn-secondary" disabled={!props.hasNewer} onClick={props.onNewer}>
              {props.newerIsFirst ? <ChevronsLeft aria-hidden className="size-4" /> : <ChevronLeft aria-hidden className="size-4" />}
              {props.newerIsFirst ? t('list.firstPage') : t('list.newer')}
            </button>
            <button type="button" className="btn-secondary" disabled={!props.hasOlder} onClick={props.onOlder}>
              {t('list.older')}
              <ChevronRight aria-hidden className="size-4" />
            </button>
          </div>
        </>
      ) : (
        <>
          <span aria-live="polite">
            {total !== undefined ? t('list.range', { first, last: first + shown - Math.min(1, shown), total }) : t('list.shownOnPage', { count: shown })}
          </span>
          <div className="ml-auto flex items-center gap-1">
            <button type="button" className="btn-icon size-8" aria-label={t('list.previousPage')} disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
              <ChevronLeft aria-hidden className="size-4" />
            </button>
            <span className="px-1 tabular-nums">{pages !== undefined ? t('list.pageOf', { page, pages }) : t('list.page', { page })}</span>
            <button
              type="button"
              className="btn-icon size-8"
              aria-label={t('list.nextPage')}
              disabled={pages !== undefined ? page >= pages : shown < pageSize}
              onClick={() => props.onPage(page + 1)}
            >
              <ChevronRight aria-hidden className="size-4" />
            </button>
          </div>
        </>
      )}
    </nav>
  );
}
