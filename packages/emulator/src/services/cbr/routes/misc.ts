import type { Reply, RouteSpec } from '../../../server/types.ts';
import { invalid } from '../errors.ts';
import { RESOURCE_TYPES, type Cbr, type ObjectType } from '../model/cbr.ts';
import { addMembers, deleteMember, listMembers, showMember, updateMember } from '../model/members.ts';
import { capabilities } from '../model/replication.ts';
import { findResource, type Protectable } from '../model/resources.ts';
import { addTag, batchTags, deleteTag, filterByTags, projectTags } from '../model/tags.ts';
import { bodyObj } from '../model/validate.ts';
import { renderVault, vaultDoc } from '../model/vaults.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

function objectType(raw: string): ObjectType {
  if (raw !== 'server' && raw !== 'disk') throw invalid('protectable_type must be server or disk');
  return raw;
}

function protectable(cbr: Cbr, r: Protectable): Record<string, unknown> {
  const holder = cbr.resource(r.id);
  const vault = holder ? cbr.vault(holder.vault_id) : undefined;
  const ok = r.type === RESOURCE_TYPES.disk ? ['available', 'in-use'].includes(r.status) : r.disks.length > 0;
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    size: r.size,
    status: r.status,
    detail: null,
    children: r.type === RESOURCE_TYPES.server ? r.disks.map((d) => ({ id: d.id, name: d.name, size: d.size, type: RESOURCE_TYPES.disk, status: cbr.evs.store.volume(d.id)?.status ?? 'error', children: [] })) : [],
    protectable: {
      result: ok && !vault,
      code: vault ? 'BackupService.6103' : ok ? '' : 'BackupService.7003',
      reason: vault ? 'The resource has been associated with a vault.' : ok ? '' : `the resource is ${r.status}`,
      message: '',
      vault: vault ? { ...renderVault(cbr, vault), updated_at: vault.created_at, version: null } : null,
    },
  };
}

/** Tags (§4.7, singular `vault`), protectables (§4.2), replication capability and sharing (§4.4). */
export function miscRoutes(cbr: Cbr): RouteSpec[] {
  const p = '/v3/{project_id}';
  const tagsOf = (id: string) => vaultDoc(cbr.requireVault(id)).tags;
  return [
    { method: 'GET', path: `${p}/vault/tags`, operation: 'ListProjectTags', handler: () => ok({ tags: projectTags(cbr) }) },
    { method: 'POST', path: `${p}/vault/resource_instances/action`, operation: 'ListVaultsByTags', handler: (ctx) => ok(filterByTags(cbr, bodyObj(ctx))) },
    { method: 'GET', path: `${p}/vault/{vault_id}/tags`, operation: 'ShowVaultTag', handler: (ctx) => ok({ tags: tagsOf(ctx.params.vault_id!), sys_tags: [] }) },
    { method: 'POST', path: `${p}/vault/{vault_id}/tags`, operation: 'CreateVaultTags', handler: (ctx) => (addTag(cbr, ctx.params.vault_id!, bodyObj(ctx)), { status: 204 }) },
    { method: 'POST', path: `${p}/vault/{vault_id}/tags/action`, operation: 'BatchCreateAndDeleteVaultTags', handler: (ctx) => (batchTags(cbr, ctx.params.vault_id!, bodyObj(ctx)), { status: 204 }) },
    { method: 'DELETE', path: `${p}/vault/{vault_id}/tags/{key}`, operation: 'DeleteVaultTag', handler: (ctx) => (deleteTag(cbr, ctx.params.vault_id!, ctx.params.key!), { status: 204 }) },
    {
      method: 'GET', path: `${p}/protectables/{protectable_type}/instances`, operation: 'ListProtectable',
      handler: (ctx) => {
        const type = objectType(ctx.params.protectable_type!);
        const limit = Number(ctx.query.get('limit') ?? 50);
        const offset = Number(ctx.query.get('offset') ?? 0);
        if (!Number.isInteger(limit) || limit < 1 || limit > 50 || !Number.isInteger(offset) || offset < 0) throw invalid('limit must be 1-50 and offset non-negative');
        let ids = type === 'disk'
          ? (cbr.s.get('SELECT id FROM volumes WHERE hidden = 0 ORDER BY seq').all() as { id: string }[]).map((r) => r.id)
          : (cbr.servers.list?.() ?? []).map((s) => s.id);
        // server_id narrows disks to those attached to one server (seed L1133-1554).
        const serverId = ctx.query.get('server_id');
        if (serverId && type === 'disk') {
          const attached = new Set(cbr.servers.server(serverId)?.volumeIds ?? []);
          ids = ids.filter((x) => attached.has(x));
        }
        const name = ctx.query.get('name');
        const status = ctx.query.get('status');
        const id = ctx.query.get('id');
        const list = ids
          .filter((x) => !id || x === id)
          .map((x) => findResource(cbr, type, x))
          .filter((r) => (!name || r.name.includes(name)) && (!status || r.status === status));
        // marker: the id of the last instance of the previous page.
        const marker = ctx.query.get('marker');
        const from = marker ? list.findIndex((r) => r.id === marker) + 1 : offset;
        if (marker && from === 0) throw invalid(`marker ${marker} is not in this list`);
        return ok({ instances: list.slice(from, from + limit).map((r) => protectable(cbr, r)) });
      },
    },
    {
      method: 'GET', path: `${p}/protectables/{protectable_type}/instances/{instance_id}`, operation: 'ShowProtectable',
      handler: (ctx) => ok({ instance: protectable(cbr, findResource(cbr, objectType(ctx.params.protectable_type!), ctx.params.instance_id!)) }),
    },
    { method: 'GET', path: `${p}/replication-capabilities`, operation: 'ShowReplicationCapabilities', handler: () => ok(capabilities(cbr)) },
    { method: 'POST', path: `${p}/backups/{backup_id}/members`, operation: 'AddMember', handler: (ctx) => ok(addMembers(cbr, ctx.params.backup_id!, bodyObj(ctx))) },
    { method: 'GET', path: `${p}/backups/{backup_id}/members`, operation: 'ListBackupMembers', handler: (ctx) => ok(listMembers(cbr, ctx.params.backup_id!, ctx.query)) },
    { method: 'GET', path: `${p}/backups/{backup_id}/members/{member_id}`, operation: 'ShowMemberDetail', handler: (ctx) => ok({ member: showMember(cbr, ctx.params.backup_id!, ctx.params.member_id!) }) },
    {
      method: 'PUT', path: `${p}/backups/{backup_id}/members/{member_id}`, operation: 'UpdateMemberStatus',
      handler: (ctx) => ok({ member: updateMember(cbr, ctx.params.backup_id!, ctx.params.member_id!, bodyObj(ctx)) }),
    },
    {
      method: 'DELETE', path: `${p}/backups/{backup_id}/members/{member_id}`, operation: 'DeleteMember',
      handler: (ctx) => (deleteMember(cbr, ctx.params.backup_id!, ctx.params.member_id!), { status: 204 }),
    },
  ];
}
