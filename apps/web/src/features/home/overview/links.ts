// Links into the lists behind each number, written the way the lists read their URL state
// (components/list/urlState.ts): one query parameter per filter, named as the API names it,
// and days as YYYY-MM-DD for date ranges.

export function listHref(path: string, filters: Readonly<Record<string, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The reader's calendar day of an instant: a list's "since" filter takes days. */
export function localDay(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
