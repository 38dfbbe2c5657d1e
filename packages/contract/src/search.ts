import { z } from 'zod';
import type { ApiRoute } from './api.ts';

// Finding a resource by name or ID from anywhere (the command palette): one request that asks
// each service's list at once and answers the few best matches of each kind.

export const SEARCH_KINDS = ['disk', 'server', 'snapshot', 'vault', 'backup'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A full cloud ID (UUID, with or without hyphens): looked up directly as well as by name. */
export const CLOUD_ID_PATTERN = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

export const SearchQuerySchema = z.object({
  q: z.string({ error: 'required' }).trim().min(1, 'type at least 1 character').max(64, 'at most 64 characters'),
  /** Matches per kind. */
  limit: z.coerce.number().int().min(1, 'at least 1').max(20, 'at most 20').default(5),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z.object({
  type: z.enum(SEARCH_KINDS),
  id: z.string(),
  name: z.string(),
  status: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  items: z.array(SearchHitSchema),
  /** Kinds whose service did not answer: their matches are missing. */
  failed: z.array(z.enum(SEARCH_KINDS)),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const searchApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/search', summary: 'Disks, servers, snapshots, vaults and backups by name or ID', role: 'viewer', query: SearchQuerySchema, response: SearchResultSchema },
];
