import type { QueryParams } from './types.ts';

/**
 * RFC 3986 encoding (unreserved `A-Z a-z 0-9 - _ . ~` kept, everything else `%XX` upper-case), the
 * encoding SDK-HMAC-SHA256 canonicalises with. Sending exactly this form keeps what is signed and
 * what the server sees identical; encodeURIComponent alone leaves `! ' ( ) *` bare.
 */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Fills `{name}` placeholders. Values are encoded as one path segment; empty values and dot segments
 * are refused because they would silently address a different resource (`/cloudvolumes/` is the list).
 */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter "${name}" for ${template}`);
    if (value === '' || value === '.' || value === '..') {
      throw new TypeError(`invalid value ${JSON.stringify(value)} for path parameter "${name}" of ${template}`);
    }
    return encodeRfc3986(value);
  });
}

/** Query values as strings, in the order given; what the onCall record shows. */
export function normaliseQuery(query: QueryParams | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!query) return out;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

export function buildQueryString(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) parts.push(`${encodeRfc3986(key)}=${encodeRfc3986(item)}`);
  }
  return parts.join('&');
}

/** Base URL (possibly with a path prefix) + path + query; a trailing slash on the base is ignored. */
export function joinUrl(base: string, path: string, queryString: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path}${queryString ? `?${queryString}` : ''}`;
}
