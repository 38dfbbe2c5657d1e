import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ApiError } from '../../../server/errors.ts';
import { uuid } from '../../../server/ids.ts';
import type { RequestContext, RouteSpec } from '../../../server/types.ts';
import { ecsError, novaBad, novaNotFound, novaRoute } from '../errors.ts';
import { LIMITS } from '../catalog.ts';
import { launchTime, type Ecs } from '../model/ecs.ts';
import { atLeast, microversion } from '../model/render.ts';
import { statusOf } from '../model/state.ts';
import { body, isObj, requireObjKey } from '../model/validate.ts';

interface KeypairRow {
  id: number;
  name: string;
  public_key: string;
  fingerprint: string;
  type: string;
  created_at: string;
}

interface GroupRow {
  id: string;
  name: string;
  policies: string;
  members: string;
}

const KEY_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function fingerprint(publicKey: string): string {
  const blob = publicKey.split(/\s+/)[1] ?? publicKey;
  return createHash('md5').update(Buffer.from(blob, 'base64')).digest('hex').match(/../g)!.join(':');
}

/** An OpenSSH public key line (RFC 4253 ssh-rsa wire format) for a generated RSA key. */
function sshPublicKey(key: KeyObject, name: string): string {
  const jwk = key.export({ format: 'jwk' });
  const field = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  // mpint: a leading zero byte keeps a high-bit value positive.
  const mpint = (b64: string) => {
    const raw = Buffer.from(b64, 'base64url');
    return field(raw[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), mpint(jwk.e!), mpint(jwk.n!)]);
  return `ssh-rsa ${blob.toString('base64')} ${name}`;
}

/** Key pairs (6.11.x), server groups (5.10.x and 6.12.x) and Windows password records (6.11.5/6). */
export function groupRoutes(ecs: Ecs): RouteSpec[] {
  const keypair = (name: string): KeypairRow | undefined => ecs.s.get('SELECT * FROM keypairs WHERE name = ?').get(name) as KeypairRow | undefined;
  const keypairView = (k: KeypairRow, full: boolean, v: readonly [number, number]) => {
    const base: Record<string, unknown> = { name: k.name, public_key: k.public_key, fingerprint: k.fingerprint };
    if (atLeast(v, 2, 2)) base.type = k.type;
    if (!full) return base;
    return { ...base, created_at: k.created_at, deleted: false, deleted_at: null, id: k.id, updated_at: null, user_id: ecs.rt.account.userId };
  };

  const createKeypair = (ctx: RequestContext) => {
    const v = microversion(ctx);
    const o = requireObjKey(body(ctx), 'keypair');
    if (typeof o.name !== 'string' || !KEY_NAME.test(o.name)) throw novaBad('keypair.name: 1 to 64 letters, digits, _ or -');
    if (keypair(o.name)) throw new ApiError(409, 'conflictingRequest', `Key pair '${o.name}' already exists.`, 'openstack');
    const type = o.type ?? 'ssh';
    if (type !== 'ssh' && type !== 'x509') throw novaBad('type is ssh or x509');
    let publicKey: string;
    let privateKey: string | undefined;
    if (o.public_key !== undefined) {
      if (typeof o.public_key !== 'string' || Buffer.byteLength(o.public_key) > 1024 || !/^(ssh-rsa|ssh-ed25519|ecdsa-sha2-\S+) \S+/.test(o.public_key)) {
        throw novaBad('public_key is an OpenSSH public key of at most 1024 bytes');
      }
      publicKey = o.public_key;
    } else {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      privateKey = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
      publicKey = sshPublicKey(pair.publicKey, o.name);
    }
    ecs.s.get('INSERT INTO keypairs (name, public_key, fingerprint, type, created_at) VALUES (?, ?, ?, ?, ?)').run(o.name, publicKey, fingerprint(publicKey), type, launchTime(ecs.rt.clock.now()));
    const view = keypairView(keypair(o.name)!, false, v);
    return { status: 200, body: { keypair: { ...view, user_id: ecs.rt.account.userId, ...(privateKey ? { private_key: privateKey } : {}) } } };
  };

  const group = (id: string): GroupRow | undefined => ecs.s.get('SELECT * FROM server_groups WHERE id = ?').get(id) as GroupRow | undefined;
  const groupView = (g: GroupRow, nova: boolean) => ({
    id: g.id, name: g.name, policies: JSON.parse(g.policies), members: JSON.parse(g.members), metadata: {},
    ...(nova ? { project_id: ecs.rt.account.projectId, user_id: ecs.rt.account.userId } : {}),
  });
  const createGroup = (nova: boolean) => (ctx: RequestContext) => {
    const o = requireObjKey(body(ctx), 'server_group');
    const bad = (m: string) => (nova ? novaBad(m) : ecsError('Ecs.0005', m));
    if (typeof o.name !== 'string' || o.name.length < 1 || o.name.length > 255) throw bad('server_group.name is 1 to 255 characters');
    if (!Array.isArray(o.policies) || o.policies.length !== 1 || o.policies[0] !== 'anti-affinity') throw bad('policies is ["anti-affinity"]');
    const n = (ecs.s.get('SELECT count(*) AS n FROM server_groups').get() as { n: number }).n;
    if (n >= LIMITS.maxServerGroups) throw new ApiError(400, 'Ecs.0022', 'Insufficient ECS group quota. Contact customer service to increase quota.');
    const id = uuid();
    ecs.s.get('INSERT INTO server_groups (id, name, policies) VALUES (?, ?, ?)').run(id, o.name, JSON.stringify(o.policies));
    return { status: 200, body: { server_group: groupView(group(id)!, nova) } };
  };
  const findGroup = (nova: boolean) => (ctx: RequestContext): GroupRow => {
    const g = group(ctx.params.server_group_id!);
    if (!g) throw nova ? novaNotFound(`Server group ${ctx.params.server_group_id}`) : new ApiError(404, 'Ecs.0614', `The server group ${ctx.params.server_group_id} does not exist.`);
    return g;
  };
  const listGroups = (nova: boolean) => (ctx: RequestContext) => {
    const rows = ecs.s.get('SELECT * FROM server_groups ORDER BY seq').all() as GroupRow[];
    if (nova) return { status: 200, body: { server_groups: rows.map((g) => groupView(g, true)) } };
    const limitRaw = ctx.query.get('limit');
    const marker = ctx.query.get('marker');
    const limit = limitRaw === null ? 1000 : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw ecsError('Ecs.0005', 'limit is 1 to 1000');
    const start = marker === null ? 0 : rows.findIndex((g) => g.id === marker) + 1;
    if (marker !== null && start === 0) throw ecsError('Ecs.0005', `marker ${marker} is not a server group`);
    const page = rows.slice(start, start + limit);
    const more = start + limit < rows.length;
    return { status: 200, body: { server_groups: page.map((g) => groupView(g, false)), page_info: { next_marker: more ? page[page.length - 1]!.id : null } } };
  };
  const deleteGroup = (nova: boolean) => (ctx: RequestContext) => {
    const g = findGroup(nova)(ctx);
    ecs.s.get('DELETE FROM server_groups WHERE id = ?').run(g.id);
    return { status: 204 };
  };
  /** 5.10.3/5.10.4: a member joins only while stopped; at most maxServerGroupMembers. */
  const memberAction = (ctx: RequestContext) => {
    const g = findGroup(false)(ctx);
    const b = body(ctx);
    const add = isObj(b.add_member) ? b.add_member : undefined;
    const remove = isObj(b.remove_member) ? b.remove_member : undefined;
    const o = add ?? remove;
    if (!o || typeof o.instance_uuid !== 'string') throw ecsError('Ecs.0005', 'add_member or remove_member with instance_uuid');
    const s = ecs.requireServer(o.instance_uuid);
    const members = JSON.parse(g.members) as string[];
    if (add) {
      if (statusOf(s) !== 'SHUTOFF') throw ecsError('Ecs.0100', `a server joins a group while stopped; ${s.id} is ${statusOf(s)}`);
      if (members.includes(s.id)) throw ecsError('Ecs.0005', `server ${s.id} is already in group ${g.id}`);
      if (members.length >= LIMITS.maxServerGroupMembers) throw new ApiError(400, 'Ecs.0022', 'Insufficient ECS group quota. Contact customer service to increase quota.');
      members.push(s.id);
    } else {
      if (!members.includes(s.id)) throw ecsError('Ecs.0005', `server ${s.id} is not in group ${g.id}`);
      members.splice(members.indexOf(s.id), 1);
    }
    ecs.s.get('UPDATE server_groups SET members = ? WHERE id = ?').run(JSON.stringify(members), g.id);
    return { status: 200 };
  };

  const password = (ctx: RequestContext) => {
    const s = ecs.server(ctx.params.server_id!);
    if (!s) throw novaNotFound(`Instance ${ctx.params.server_id}`);
    return s;
  };

  const P = '/v2.1/{project_id}';
  const G = '/v1/{project_id}/cloudservers/os-server-groups';
  const nova: RouteSpec[] = [
    {
      method: 'GET', path: `${P}/os-keypairs`, operation: 'NovaListKeypairs',
      handler: (ctx) => {
        const v = microversion(ctx);
        const rows = ecs.s.get('SELECT * FROM keypairs ORDER BY id').all() as KeypairRow[];
        return { status: 200, body: { keypairs: rows.map((k) => ({ keypair: keypairView(k, false, v) })) } };
      },
    },
    {
      method: 'GET', path: `${P}/os-keypairs/{keypair_name}`, operation: 'NovaShowKeypair',
      handler: (ctx) => {
        const k = keypair(ctx.params.keypair_name!);
        if (!k) throw novaNotFound(`Keypair ${ctx.params.keypair_name}`);
        return { status: 200, body: { keypair: keypairView(k, true, microversion(ctx)) } };
      },
    },
    { method: 'POST', path: `${P}/os-keypairs`, operation: 'NovaCreateKeypair', handler: createKeypair },
    {
      method: 'DELETE', path: `${P}/os-keypairs/{keypair_name}`, operation: 'NovaDeleteKeypair',
      handler: (ctx) => {
        if (!keypair(ctx.params.keypair_name!)) throw novaNotFound(`Keypair ${ctx.params.keypair_name}`);
        ecs.s.get('DELETE FROM keypairs WHERE name = ?').run(ctx.params.keypair_name);
        return { status: 202 };
      },
    },
    { method: 'POST', path: `${P}/os-server-groups`, operation: 'NovaCreateServerGroup', handler: createGroup(true) },
    { method: 'GET', path: `${P}/os-server-groups`, operation: 'NovaListServerGroups', handler: listGroups(true) },
    { method: 'GET', path: `${P}/os-server-groups/{server_group_id}`, operation: 'NovaShowServerGroup', handler: (ctx) => ({ status: 200, body: { server_group: groupView(findGroup(true)(ctx), true) } }) },
    { method: 'DELETE', path: `${P}/os-server-groups/{server_group_id}`, operation: 'NovaDeleteServerGroup', handler: deleteGroup(true) },
    {
      method: 'GET', path: `${P}/servers/{server_id}/os-server-password`, operation: 'NovaShowServerPassword',
      handler: (ctx) => {
        const s = password(ctx);
        const row = ecs.s.get('SELECT password FROM server_passwords WHERE server_id = ?').get(s.id) as { password: string } | undefined;
        return { status: 200, body: { password: row?.password ?? '' } };
      },
    },
    {
      method: 'DELETE', path: `${P}/servers/{server_id}/os-server-password`, operation: 'NovaDeleteServerPassword',
      handler: (ctx) => {
        ecs.s.get('DELETE FROM server_passwords WHERE server_id = ?').run(password(ctx).id);
        return { status: 204 };
      },
    },
  ];
  return [
    { method: 'POST', path: G, operation: 'CreateServerGroup', handler: createGroup(false) },
    { method: 'GET', path: G, operation: 'ListServerGroups', handler: listGroups(false) },
    { method: 'GET', path: `${G}/{server_group_id}`, operation: 'ShowServerGroup', handler: (ctx) => ({ status: 200, body: { server_group: groupView(findGroup(false)(ctx), false) } }) },
    { method: 'DELETE', path: `${G}/{server_group_id}`, operation: 'DeleteServerGroup', handler: deleteGroup(false) },
    { method: 'POST', path: `${G}/{server_group_id}/action`, operation: 'ServerGroupMemberAction', handler: memberAction },
    ...nova.map(novaRoute),
  ];
}
