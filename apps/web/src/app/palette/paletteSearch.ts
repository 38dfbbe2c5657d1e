import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SearchResultSchema } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';

/** Resource search starts at two characters: one matches nearly everything. */
export const minSearchLength = 2;
const debounceMs = 200;

/** The text as it was a moment ago: each keystroke does not start a search of its own. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useResourceSearch(text: string) {
  const q = useSettled(text.trim(), debounceMs);
  const enabled = q.length >= minSearchLength;
  const query = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => apiRequest(`/api/v1/search?q=${encodeURIComponent(q)}`, SearchResultSchema, { signal }),
    enabled,
    staleTime: 30_000,
  });
  return { ...query, enabled, pending: enabled && (query.isFetching || q !== text.trim()) };
}
