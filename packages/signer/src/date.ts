/** X-Sdk-Date: basic ISO-8601 UTC, `YYYYMMDDTHHMMSSZ`. */

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

let cachedSecond = Number.NaN;
let cachedText = '';

export function formatSdkDate(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError('formatSdkDate: invalid Date');
  // Requests signed within the same second share the text; formatting is a visible part of a
  // signature's cost otherwise.
  const second = Math.floor(ms / 1000);
  if (second === cachedSecond) return cachedText;
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('formatSdkDate: year outside 0000-9999');
  const text =
    String(year).padStart(4, '0') + pad2(d.getUTCMonth() + 1) + pad2(d.getUTCDate()) +
    'T' + pad2(d.getUTCHours()) + pad2(d.getUTCMinutes()) + pad2(d.getUTCSeconds()) + 'Z';
  cachedSecond = second;
  cachedText = text;
  return text;
}

/** X-Sdk-Date for the current time; no Date is built while the second has not changed. */
export function sdkDateNow(): string {
  const ms = Date.now();
  return Math.floor(ms / 1000) === cachedSecond ? cachedText : formatSdkDate(new Date(ms));
}

/** The number written in s[from, from + len), or -1 unless it is all ASCII digits. */
function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Parses an X-Sdk-Date value; undefined unless it is well-formed and a real calendar time. */
export function parseSdkDate(s: string): Date | undefined {
  if (s.length !== 16 || s.charCodeAt(8) !== 84 /* T */ || s.charCodeAt(15) !== 90 /* Z */) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 4, 2);
  const day = digits(s, 6, 2);
  const hour = digits(s, 9, 2);
  const minute = digits(s, 11, 2);
  const second = digits(s, 13, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 59) return undefined;
  const d = new Date(0);
  // setUTCFullYear rather than Date.UTC, which maps years 0-99 to 1900-1999.
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  // Date rolls 20200231 over to March 2nd; such a value is malformed, not a different day.
  return d.getUTCDate() === day ? d : undefined;
}
