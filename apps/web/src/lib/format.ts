import { htmlLang, isLanguage } from '../i18n/language.ts';

/** Project ids are 32 hex characters: the head is enough to tell projects apart at a glance. */
export function shortenId(id: string, keep = 8): string {
  return id.length > keep + 1 ? `${id.slice(0, keep)}…` : id;
}

/** i18next's language code ("zh") as the BCP 47 tag Intl formats with ("zh-CN"). */
export function localeOf(language: string | undefined): string {
  return isLanguage(language) ? htmlLang[language] : 'en';
}

/** A timestamp in the reader's language and time zone, to the second: audit and task times need it. */
export function formatDateTime(iso: string | undefined | null, language: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}

const relativeSteps: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago" / "3 分钟前": how long ago `iso` was, at `now`, in the largest fitting unit. */
export function formatRelative(iso: string, now: number, language: string | undefined): string {
  // A moment in the future is "now": the server's clock and this one differ by a little.
  let amount = Math.min(0, (Date.parse(iso) - now) / 1000);
  if (Number.isNaN(amount)) return iso;
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' });
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** Elapsed time between two instants as "1 h 2 min" / "42 s", for task durations. */
export function durationParts(fromIso: string, toIso: string): { hours: number; minutes: number; seconds: number } | undefined {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (Number.isNaN(ms) || ms < 0) return undefined;
  const total = Math.round(ms / 1000);
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}
