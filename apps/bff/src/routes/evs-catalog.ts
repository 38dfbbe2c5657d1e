import { Router } from 'express';
import type { AvailabilityZoneList, DiskTypeInfo, EvsQuotas } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { toDiskTypeInfo, toQuotas } from './evs-map.ts';
import type { VolumeTypeCache } from './evs-lookup.ts';
import { evsCall } from './evs-tasks.ts';

/** What the create form needs besides the disks: types with their limits, zones, and quotas. */
export function evsCatalogRoutes(ctx: ConsoleContext, types: VolumeTypeCache): Router {
  const router = Router();

  router.get('/disk-types', async (req, res) => {
    const call = evsCall(ctx, req);
    const [typeList, zones] = await Promise.all([types.get(call.clients, call.profile.id), call.clients.evs.listAvailabilityZones()]);
    const allZones = (zones.data.availabilityZoneInfo ?? []).map((z) => z.zoneName);
    // Types the console has no rules for cannot be offered by its forms.
    const items = typeList.map((t) => toDiskTypeInfo(t, allZones)).filter((t): t is DiskTypeInfo => t !== undefined);
    res.json({ items });
  });

  router.get('/availability-zones', async (req, res) => {
    const r = await evsCall(ctx, req).clients.evs.listAvailabilityZones();
    const body: AvailabilityZoneList = { items: (r.data.availabilityZoneInfo ?? []).map((z) => ({ name: z.zoneName, available: z.zoneState?.available !== false })) };
    res.json(body);
  });

  router.get('/quotas/evs', async (req, res) => {
    const r = await evsCall(ctx, req).clients.evs.showQuotas();
    const body: EvsQuotas = toQuotas(r.data.quota_set);
    res.json(body);
  });

  return router;
}
