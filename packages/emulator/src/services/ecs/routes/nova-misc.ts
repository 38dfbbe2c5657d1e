import { ApiError } from '../../../server/errors.ts';
import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { novaBad, novaNotFound, novaRoute } from '../errors.ts';
import { FLAVORS, LIMITS, extraSpecs, flavor, type Flavor } from '../catalog.ts';
import type { Ecs } from '../model/ecs.ts';
import { MAX_VERSION, MIN_VERSION, microversion, atLeast, nicsOf, versionHeaders } from '../model/render.ts';
import type { ServerRow } from '../model/rows.ts';
import { assertOperable } from '../model/state.ts';
import { body, isObj } from '../model/validate.ts';

const META_KEY = /^[A-Za-z0-9_:.-]{1,255}$/;

/** Nova metadata, flavors, limits, quotas, operation records and networks (chapter 6). */
export function novaMiscRoutes(ecs: Ecs): RouteSpec[] {
  const server = (ctx: RequestContext): ServerRow => {
    const s = ecs.server(ctx.params.server_id!);
    if (!s) throw novaNotFound(`Instance ${ctx.params.server_id}`);
    return s;
  };
  const meta = (s: ServerRow) => JSON.parse(s.metadata) as Record<string, string>;
  const checkMeta = (m: unknown): Record<string, string> => {
    if (!isObj(m)) throw novaBad('metadata must be an object');
    for (const [k, v] of Object.entries(m)) {
      if (!META_KEY.test(k)) throw novaBad(`metadata key ${k}: 1 to 255 of A-Z a-z 0-9 - _ : .`);
      if (typeof v !== 'string' || v.length > 255) throw novaBad(`metadata ${k}: a string of at most 255 characters`);
    }
    return m as Record<string, string>;
  };
  /** Metadata writes need the server active, stopped, paused or suspended (6.9.x). */
  const writable = (s: ServerRow) => {
    assertOperable(s, ['ACTIVE', 'SHUTOFF'], 'metadata writes', ['unlocked']);
  };
  const saveMeta = (s: ServerRow, m: Record<string, string>) => {
    if (Object.keys(m).length > LIMITS.maxServerMeta) throw new ApiError(403, 'forbidden', `Quota exceeded for metadata_items: at most ${LIMITS.maxServerMeta}`, 'openstack');
    ecs.update(s.id, { metadata: JSON.stringify(m) });
  };

  const flavorBrief = (f: Flavor) => ({ id: f.id, name: f.id, links: flavorLinks(ecs, f.id) });
  const flavorDetail = (f: Flavor) => ({
    ...flavorBrief(f), vcpus: f.vcpus, ram: f.ram, disk: 0, swap: '', 'OS-FLV-EXT-DATA:ephemeral': 0, 'OS-FLV-DISABLED:disabled': false,
    rxtx_factor: 1, 'os-flavor-access:is_public': true,
  });
  const flavorList = (ctx: RequestContext) => {
    const q = ctx.query;
    const minRam = Number(q.get('minRam') ?? 0);
    const minDisk = Number(q.get('minDisk') ?? 0);
    if (!Number.isFinite(minRam) || !Number.isFinite(minDisk)) throw novaBad('minRam and minDisk are integers');
    const key = q.get('sort_key') ?? 'flavorid';
    const dir = q.get('sort_dir') ?? 'asc';
    const keys: Record<string, (f: Flavor) => string | number> = { flavorid: (f) => f.id, name: (f) => f.id, memory_mb: (f) => f.ram, vcpus: (f) => f.vcpus, root_gb: () => 0 };
    if (!keys[key] || (dir !== 'asc' && dir !== 'desc')) throw novaBad('sort_key is flavorid, name, memory_mb, vcpus or root_gb; sort_dir asc or desc');
    const get = keys[key]!;
    return FLAVORS.filter((f) => f.sale !== 'abandon' && f.ram >= minRam && minDisk <= 0)
      .sort((a, b) => (get(a) < get(b) ? -1 : get(a) > get(b) ? 1 : 0) * (dir === 'asc' ? 1 : -1));
  };
  const oneFlavor = (ctx: RequestContext) => {
    const f = flavor(ctx.params.flavor_id!);
    if (!f) throw novaNotFound(`Flavor ${ctx.params.flavor_id}`);
    return f;
  };

  const quotaSet = (id: string) => ({
    id, cores: LIMITS.maxTotalCores, instances: LIMITS.maxTotalInstances, ram: LIMITS.maxTotalRAMSize, key_pairs: -1, metadata_items: LIMITS.maxServerMeta,
    injected_files: LIMITS.maxPersonality, injected_file_content_bytes: LIMITS.maxPersonalitySize, injected_file_path_bytes: 255,
    server_groups: LIMITS.maxServerGroups, server_group_members: LIMITS.maxServerGroupMembers, fixed_ips: -1, floating_ips: LIMITS.maxTotalFloatingIps,
    security_groups: LIMITS.maxSecurityGroups, security_group_rules: LIMITS.maxSecurityGroupRules,
  });

  const actions = (ctx: RequestContext) => {
    const s = server(ctx);
    const rows = ecs.s.get('SELECT * FROM instance_actions WHERE server_id = ? ORDER BY seq DESC').all(s.id) as { request_id: string; action: string; start_time: string; message: string | null }[];
    return rows.map((r) => ({ action: r.action, instance_uuid: s.id, message: r.message, project_id: ecs.rt.account.projectId, request_id: r.request_id, start_time: r.start_time, user_id: ecs.rt.account.userId }));
  };

  const addressesOf = (s: ServerRow) => {
    const out: Record<string, { version: number; addr: string }[]> = {};
    for (const n of nicsOf(s)) (out[n.net_id] ??= []).push({ version: 4, addr: n.ip });
    return out;
  };

  const S = '/v2.1/{project_id}/servers/{server_id}';
  const P = '/v2.1/{project_id}';
  const ok = (b: unknown) => ({ status: 200, body: b });
  const routes: RouteSpec[] = [
    { method: 'GET', path: `${S}/metadata`, operation: 'NovaShowServerMetadata', handler: (ctx) => ok({ metadata: meta(server(ctx)) }) },
    {
      method: 'POST', path: `${S}/metadata`, operation: 'NovaUpdateServerMetadata',
      handler: (ctx) => {
        const s = server(ctx);
        const m = checkMeta(body(ctx).metadata);
        writable(s);
        const next = { ...meta(s), ...m };
        saveMeta(s, next);
        return ok({ metadata: next });
      },
    },
    {
      method: 'PUT', path: `${S}/metadata`, operation: 'NovaReplaceServerMetadata',
      handler: (ctx) => {
        const s = server(ctx);
        const m = checkMeta(body(ctx).metadata);
        writable(s);
        saveMeta(s, m);
        return ok({ metadata: m });
      },
    },
    {
      method: 'GET', path: `${S}/metadata/{key}`, operation: 'NovaShowServerMetadataItem',
      handler: (ctx) => {
        const m = meta(server(ctx));
        if (!(ctx.params.key! in m)) throw novaNotFound(`Metadata item ${ctx.params.key}`);
        return ok({ meta: { [ctx.params.key!]: m[ctx.params.key!] } });
      },
    },
    {
      method: 'PUT', path: `${S}/metadata/{key}`, operation: 'NovaSetServerMetadataItem',
      handler: (ctx) => {
        const s = server(ctx);
        const m = checkMeta(body(ctx).meta);
        if (Object.keys(m).length !== 1 || !(ctx.params.key! in m)) throw novaBad('meta has exactly the key named in the URL');
        writable(s);
        saveMeta(s, { ...meta(s), ...m });
        return ok({ meta: m });
      },
    },
    {
      method: 'DELETE', path: `${S}/metadata/{key}`, operation: 'NovaDeleteServerMetadataItem',
      handler: (ctx) => {
        const s = server(ctx);
        const m = meta(s);
        if (!(ctx.params.key! in m)) throw novaNotFound(`Metadata item ${ctx.params.key}`);
        writable(s);
        delete m[ctx.params.key!];
        saveMeta(s, m);
        return { status: 204 };
      },
    },
    { method: 'GET', path: `${P}/flavors`, operation: 'NovaListFlavors', handler: (ctx) => ok({ flavors: flavorList(ctx).map(flavorBrief) }) },
    { method: 'GET', path: `${P}/flavors/detail`, operation: 'NovaListFlavorsDetails', handler: (ctx) => ok({ flavors: flavorList(ctx).map(flavorDetail) }) },
    { method: 'GET', path: `${P}/flavors/{flavor_id}`, operation: 'NovaShowFlavor', handler: (ctx) => ok({ flavor: flavorDetail(oneFlavor(ctx)) }) },
    { method: 'GET', path: `${P}/flavors/{flavor_id}/os-extra_specs`, operation: 'NovaShowFlavorExtraSpecs', handler: (ctx) => ok({ extra_specs: extraSpecs(oneFlavor(ctx)) }) },
    {
      method: 'GET', path: `${P}/limits`, operation: 'NovaShowLimits',
      handler: (ctx) => {
        const v = microversion(ctx);
        const u = ecs.usage();
        const groups = (ecs.s.get('SELECT count(*) AS n FROM server_groups').get() as { n: number }).n;
        const absolute: Record<string, number> = {
          ...LIMITS, totalInstancesUsed: u.instances, totalCoresUsed: u.cores, totalRAMUsed: u.ram, totalServerGroupsUsed: groups,
          totalSecurityGroupsUsed: 2, totalFloatingIpsUsed: 0,
        };
        // From 2.36 the network proxies leave /limits (the seed names 2.35 for maxSecurityGroupRules).
        if (atLeast(v, 2, 36)) for (const k of ['maxSecurityGroups', 'maxSecurityGroupRules', 'maxTotalFloatingIps', 'totalSecurityGroupsUsed', 'totalFloatingIpsUsed']) delete absolute[k];
        return { status: 200, body: { limits: { rate: [], absolute } }, headers: versionHeaders(v) };
      },
    },
    { method: 'GET', path: `${P}/os-quota-sets/{tenant_id}`, operation: 'NovaShowQuotaSet', handler: (ctx) => ok({ quota_set: quotaSet(ctx.params.tenant_id!) }) },
    { method: 'GET', path: `${P}/os-quota-sets/{tenant_id}/defaults`, operation: 'NovaShowQuotaSetDefaults', handler: (ctx) => ok({ quota_set: quotaSet(ctx.params.tenant_id!) }) },
    { method: 'GET', path: `${S}/os-instance-actions`, operation: 'NovaListServerActions', handler: (ctx) => ok({ instanceActions: actions(ctx) }) },
    {
      method: 'GET', path: `${S}/os-instance-actions/{request_id}`, operation: 'NovaShowServerAction',
      handler: (ctx) => {
        const a = actions(ctx).find((x) => x.request_id === ctx.params.request_id);
        if (!a) throw novaNotFound(`Action ${ctx.params.request_id}`);
        return ok({ instanceAction: { ...a, events: [{ event: `compute_${a.action}`, result: 'Success', traceback: null, start_time: a.start_time, finish_time: a.start_time }] } });
      },
    },
    {
      method: 'GET', path: `${P}/os-networks`, operation: 'NovaListNetworks',
      handler: () => ok({
        networks: ecs.vpc.allSubnets().map((n) => ({
          id: n.networkId, label: n.name, broadcast: null, cidr: null, cidr_v6: null, dns1: null, dns2: null, gateway: null, gateway_v6: null,
          netmask: null, netmask_v6: null, bridge: null,
        })),
      }),
    },
    { method: 'GET', path: `${S}/ips`, operation: 'NovaListServerIps', handler: (ctx) => ok({ addresses: addressesOf(server(ctx)) }) },
    {
      method: 'GET', path: `${S}/ips/{network}`, operation: 'NovaShowServerIps',
      handler: (ctx) => {
        const a = addressesOf(server(ctx))[ctx.params.network!];
        if (!a) throw novaNotFound(`Network ${ctx.params.network}`);
        return ok({ [ctx.params.network!]: a });
      },
    },
  ];
  const version = (id: 'v2.0' | 'v2.1') => {
    const base = ecs.rt.endpoints().ecs;
    return id === 'v2.1'
      ? { id, links: [{ rel: 'self', href: `${base}/v2.1/` }], min_version: `${MIN_VERSION[0]}.${MIN_VERSION[1]}`, version: `${MAX_VERSION[0]}.${MAX_VERSION[1]}`, status: 'CURRENT', updated: '2013-07-23T11:33:21Z' }
      : { id, links: [{ rel: 'self', href: `${base}/v2/` }], min_version: '', version: '', status: 'SUPPORTED', updated: '2011-01-21T11:33:21Z' };
  };
  const media = [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }];
  // Version discovery (6.1) needs no credentials, as upstream.
  const discovery: RouteSpec[] = [
    { method: 'GET', path: '/', operation: 'NovaListVersions', auth: 'none', handler: () => ok({ versions: [version('v2.0'), version('v2.1')] }) },
    { method: 'GET', path: '/v2.1', operation: 'NovaShowVersion', auth: 'none', handler: () => ok({ version: { ...version('v2.1'), 'media-types': media } }) },
    { method: 'GET', path: '/v2', operation: 'NovaShowVersion', auth: 'none', handler: () => ok({ version: { ...version('v2.0'), 'media-types': media } }) },
  ];
  // 6.3.11 adds a server to the monitoring list; the emulator records it as an operation.
  const monitor: RouteSpec = {
    method: 'POST', path: '/v1.0/servers/{server_id}/action', operation: 'AddServerToMonitorList',
    handler: (ctx) => {
      const b = body(ctx);
      if (!('monitorMetrics' in b)) throw novaBad('monitorMetrics is the only action here');
      ecs.recordAction(server(ctx).id, 'monitorMetrics', ctx.requestId);
      return { status: 204 };
    },
  };
  return [...routes, ...discovery, monitor].map(novaRoute);
}

function flavorLinks(ecs: Ecs, id: string) {
  const base = ecs.rt.endpoints().ecs;
  const pid = ecs.rt.account.projectId;
  return [
    { rel: 'self', href: `${base}/v2.1/${pid}/flavors/${id}` },
    { rel: 'bookmark', href: `${base}/${pid}/flavors/${id}` },
  ];
}
