import { z } from 'zod';
import type { ApiRoute } from './api.ts';
import { EvsQuotasSchema } from './disks.ts';
import { EcsQuotasSchema } from './servers.ts';

// The overview: what the active profile holds, counted in one request. Each part comes from
// another cloud service; a service that fails leaves its part out and says why, so one
// unreachable service does not blank the whole page.

export const OVERVIEW_SECTIONS = ['disks', 'snapshots', 'servers', 'vaults', 'backups', 'evsQuotas', 'ecsQuotas'] as const;
export type OverviewSection = (typeof OVERVIEW_SECTIONS)[number];

/** Vaults listed by the overview, the fullest first; the total says how many there are. */
export const OVERVIEW_MAX_VAULTS = 20;
/** The window of "recent" backups, in hours. */
export const OVERVIEW_BACKUP_HOURS = 24;

const countSchema = z.number().int().min(0);

export const OverviewDisksSchema = z.object({
  total: countSchema,
  /** Disks per status, only statuses that occur. */
  byStatus: z.record(z.string(), countSchema),
  /** Provisioned capacity per disk type, largest first. */
  byType: z.array(z.object({ type: z.string(), count: countSchema, sizeGiB: z.number() })),
  sizeGiB: z.number(),
});

export const OverviewVaultSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  protectedType: z.enum(['server', 'disk']),
  sizeGiB: z.number(),
  usedGiB: z.number(),
});

export const OverviewSchema = z.object({
  generatedAt: z.string(),
  disks: OverviewDisksSchema.optional(),
  snapshots: z.object({ total: countSchema }).optional(),
  servers: z.object({ total: countSchema, byStatus: z.record(z.string(), countSchema) }).optional(),
  vaults: z.object({ total: countSchema, items: z.array(OverviewVaultSchema), sizeGiB: z.number(), usedGiB: z.number() }).optional(),
  backups: z
    .object({
      /** Start of the window (ISO 8601): backups made at or after it are counted. */
      since: z.string(),
      total: countSchema,
      succeeded: countSchema,
      failed: countSchema,
      /** Neither succeeded nor failed yet (running, waiting, being deleted or restored). */
      other: countSchema,
    })
    .optional(),
  evsQuotas: EvsQuotasSchema.optional(),
  ecsQuotas: EcsQuotasSchema.optional(),
  /** Why a part is missing, per part. */
  errors: z.partialRecord(z.enum(OVERVIEW_SECTIONS), z.object({ code: z.string(), message: z.string() })),
});
export type Overview = z.infer<typeof OverviewSchema>;

/** Success rate in percent of the backups that finished, or undefined when none has. */
export function backupSuccessRate(b: { succeeded: number; failed: number }): number | undefined {
  const finished = b.succeeded + b.failed;
  return finished === 0 ? undefined : Math.round((b.succeeded / finished) * 1000) / 10;
}

export const overviewApiRoutes: ApiRoute[] = [
  { method: 'GET', path: '/api/v1/overview', summary: 'Counts, capacity, quotas and recent backups of the active profile, in one call', role: 'viewer', response: OverviewSchema },
];
