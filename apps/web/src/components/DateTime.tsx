import { useTranslation } from 'react-i18next';
import { formatDateTime, localeOf } from '../lib/format.ts';

/**
 * A moment in the reader's language and time zone, to the second. `stacked` puts the time over the
 * date, for dense lists where many rows share a day and width is short.
 */
export function DateTime({ iso, stacked = false }: { iso: string | null | undefined; stacked?: boolean }) {
  const { i18n } = useTranslation();
  if (!iso) return null;
  if (!stacked) return <time dateTime={iso} className="whitespace-nowrap">{formatDateTime(iso, i18n.language)}</time>;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return <time dateTime={iso}>{iso}</time>;
  const locale = localeOf(i18n.language);
  return (
    <time dateTime={iso} className="flex flex-col whitespace-nowrap" title={formatDateTime(iso, i18n.language)}>
      <span className="tabular-nums">{new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(at)}</span>
      <span className="text-xs text-slate-600 dark:text-slate-400">{new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at)}</span>
    </time>
  );
}
