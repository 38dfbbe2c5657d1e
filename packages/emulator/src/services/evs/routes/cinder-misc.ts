import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { evs5400, evsError, notFound } from '../errors.ts';
import { availabilityZones, volumeTypes, type VolumeType } from '../catalog.ts';
import type { Evs } from '../model/evs.ts';

/** A disk type as 7.1.4 shows it: the AZs it is sold in and where it is sold out. */
export function volumeTypeView(evs: Evs, name: VolumeType): Record<string, unknown> {
  const zones = availabilityZones(evs.rt.account.region);
  const t = volumeTypes(evs.rt.account.region).find((x) => x.name === name)!;
  const sold = t.zones ?? zones;
  const extra: Record<string, string> = {
    'availability-zone': sold[0]!,
    volume_backend_name: t.name,
    'RESKEY:availability_zones': sold.join(','),
    'HW:availability_zone': sold.join(','),
  };
  if (t.soldOut.length > 0) extra['os-vendor-extended:sold_out_availability_zones'] = t.soldOut.join(',');
  return { extra_specs: extra, description: t.description, name: t.name, qos_specs_id: t.qosSpecsId, is_public: true, id: t.id };
}

const EXTENSIONS = [
  { updated: '2013-04-18T00:00:00+00:00', name: 'SchedulerHints', links: [], alias: 'OS-SCH-HNT', description: 'Pass arbitrary key/value pairs to the scheduler.' },
  { updated: '2011-11-03T00:00:00+00:00', name: 'VolumeTenantAttribute', links: [], alias: 'os-vol-tenant-attr', description: 'Expose the internal project_id as an attribute of a volume.' },
  { updated: '2011-06-29T00:00:00+00:00', name: 'Hosts', links: [], alias: 'os-hosts', description: 'Admin-only host administration.' },
  { updated: '2011-11-03T00:00:00+00:00', name: 'VolumeHostAttribute', links: [], alias: 'os-vol-host-attr', description: 'Expose host as an attribute of a volume.' },
  { updated: '2012-05-31T00:00:00+00:00', name: 'VolumeActions', links: [], alias: 'os-volume-actions', description: 'Enable volume actions.' },
  { updated: '2013-03-12T00:00:00+00:00', name: 'VolumeTransfer', links: [], alias: 'os-volume-transfer', description: 'Volume transfer management support.' },
  { updated: '2013-05-23T00:00:00+00:00', name: 'AvailabilityZones', links: [], alias: 'os-availability-zone', description: 'Describe Availability Zones.' },
  { updated: '2011-08-08T00:00:00+00:00', name: 'Quotas', links: [], alias: 'os-quota-sets', description: 'Quota management support.' },
  { updated: '2012-08-13T00:00:00+00:00', name: 'ExtendedSnapshotAttributes', links: [], alias: 'os-extended-snapshot-attributes', description: 'Extended SnapshotAttributes support.' },
];

type VersionId = 'v1' | 'v2' | 'v3';

function versionView(evs: Evs, id: VersionId): Record<string, unknown> {
  const current = id === 'v3';
  return {
    min_version: current ? '3.0' : '',
    'media-types': [
      { type: 'application/vnd.openstack.volume+json;version=1', base: 'application/json' },
      { type: 'application/vnd.openstack.volume+xml;version=1', base: 'application/xml' },
    ],
    links: [
      { rel: 'describedby', href: 'http://docs.openstack.org/', type: 'text/html' },
      { rel: 'self', href: `${evs.env().evsBase}/${id}` },
    ],
    id: `${id}.0`,
    updated: current ? '2016-02-08T12:20:21Z' : '2014-06-28T12:20:21Z',
    version: current ? '3.0' : '',
    // The version document calls v3 CURRENT though chapter 8 marks the v3 APIs out of date (spec/evs.md §1.1).
    status: current ? 'CURRENT' : 'SUPPORTED',
  };
}

/** Types, extensions, AZs, quotas (7.1.4/7.1.5/7.1.9/7.3.1/7.8.1) and version discovery (7.7). */
export function cinderMiscRoutes(evs: Evs): RouteSpec[] {
  const region = evs.rt.account.region;

  const quotas = (ctx: RequestContext) => {
    // "Only value True is supported currently" (7.3.1).
    if (ctx.query.get('usage') !== 'True') throw evs5400('Malformed request url.', 'usage=True is required');
    if (ctx.params.target_project_id !== evs.rt.account.projectId) throw evsError('EVS.5403', 'target_project_id must be the project of the URL');
    return { status: 200, body: { quota_set: { id: evs.rt.account.projectId, ...evs.quotas.usage() } } };
  };

  const versions: RouteSpec[] = [
    {
      method: 'GET',
      path: '/',
      operation: 'ListVersions',
      auth: 'none',
      handler: () => ({ status: 300, body: { versions: (['v1', 'v2', 'v3'] as const).map((v) => versionView(evs, v)) } }),
    },
    {
      method: 'GET',
      path: '/{version}',
      operation: 'ShowVersion',
      auth: 'none',
      handler: (ctx) => {
        const v = ctx.params.version;
        if (v !== 'v1' && v !== 'v2' && v !== 'v3') throw notFound('API version', v ?? '');
        return { status: 200, body: { versions: [versionView(evs, v)] } };
      },
    },
  ];

  const openstack: RouteSpec[] = [
    {
      method: 'GET',
      path: '/v2/{project_id}/types',
      operation: 'CinderListVolumeTypes',
      // The only EVS API whose X-Auth-Token is "Mandatory: No" (7.1.4).
      auth: 'optional',
      handler: () => ({ status: 200, body: { volume_types: volumeTypes(region).map((t) => volumeTypeView(evs, t.name)) } }),
    },
    {
      method: 'GET',
      path: '/v2/{project_id}/types/{type_id}',
      operation: 'CinderShowVolumeType',
      handler: (ctx) => {
        const t = volumeTypes(region).find((x) => x.id === ctx.params.type_id);
        if (!t) throw notFound('volume type', ctx.params.type_id!);
        return { status: 200, body: { volume_type: volumeTypeView(evs, t.name) } };
      },
    },
    { method: 'GET', path: '/v2/{project_id}/extensions', operation: 'CinderListExtensions', handler: () => ({ status: 200, body: { extensions: EXTENSIONS } }) },
    {
      method: 'GET',
      path: '/v2/{project_id}/os-availability-zone',
      operation: 'CinderListAvailabilityZones',
      // The table spells availabilityZonesInfo, the example availabilityZoneInfo (as Cinder does): the example wins.
      handler: () => ({ status: 200, body: { availabilityZoneInfo: availabilityZones(region).map((zoneName) => ({ zoneState: { available: true }, zoneName })) } }),
    },
    { method: 'GET', path: '/v2/{project_id}/os-quota-sets/{target_project_id}', operation: 'CinderListQuotas', handler: quotas },
  ];
  return [...versions, ...openstack.map((r) => ({ ...r, openstack: true }))];
}
