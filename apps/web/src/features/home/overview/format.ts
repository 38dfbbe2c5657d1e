/** Capacity in the larger unit once it reads better: 2,048 GiB is "2 TiB". Units are the same in every language. */
export function formatGiB(gib: number, locale: string): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (gib >= 1024) return `${number(gib / 1024, 1)} TiB`;
  return `${number(gib, gib < 10 ? 2 : 0)} GiB`;
}

export function formatMiB(mib: number, locale: string): string {
  return mib >= 1024 ? formatGiB(mib / 1024, locale) : `${new Intl.NumberFormat(locale).format(mib)} MiB`;
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Share of a limit in percent, capped to the bar; undefined without a limit. */
export function percentOf(used: number, limit: number | null): number | undefined {
  if (limit === null) return undefined;
  if (limit <= 0) return used > 0 ? 100 : 0;
  return Math.min(100, Math.round((used / limit) * 1000) / 10);
}
