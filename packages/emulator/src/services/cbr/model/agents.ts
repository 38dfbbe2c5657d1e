import { uuid } from '../../../server/ids.ts';
import { cbrError, invalid } from '../errors.ts';
import { cbrTime, type Cbr } from './cbr.ts';
import { pageParams } from './oplogs.ts';
import { QueryFilter } from './query-filter.ts';
import { isObj, oneOf, optStr, reqStr, strArray, type Obj } from './validate.ts';

/** File-backup clients (seed 004 §4.6, L5887-6600). The seed documents no agent error code; an unknown client is 6302. */

interface AgentDoc {
  created_at: string;
  updated_at: string;
  agent_version: string;
  agent_type: string;
  host_name: string;
  host_nickname: string;
  host_ip: string;
  host_os: string;
  last_active_time: string;
}

interface AgentRow {
  seq: number;
  agent_id: string;
  status: string;
  doc: string;
}

interface PathRow {
  id: string;
  agent_id: string;
  dir_path: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function agentRow(cbr: Cbr, id: string): AgentRow | undefined {
  return cbr.s.get('SELECT * FROM cbr_agents WHERE agent_id = ?').get(id) as AgentRow | undefined;
}

function requireAgent(cbr: Cbr, id: string): AgentRow {
  const row = agentRow(cbr, id);
  if (!row) throw cbrError('BackupService.6302', `client ${id}`);
  return row;
}

function render(cbr: Cbr, row: AgentRow): Record<string, unknown> {
  const doc = JSON.parse(row.doc) as AgentDoc;
  const paths = cbr.s.get('SELECT * FROM cbr_agent_paths WHERE agent_id = ? ORDER BY seq').all(row.agent_id) as PathRow[];
  // An uninstalled client keeps its paths but backs none of them up any more.
  const pathStatus = row.status === 'uninstall' ? 'remove' : 'available';
  return {
    created_at: doc.created_at,
    updated_at: doc.updated_at,
    agent_id: row.agent_id,
    agent_version: doc.agent_version,
    agent_type: doc.agent_type,
    host_name: doc.host_name,
    host_nickname: doc.host_nickname,
    host_ip: doc.host_ip,
    host_os: doc.host_os,
    status: row.status,
    last_active_time: doc.last_active_time,
    paths: paths.map((p) => ({ id: p.id, agent_id: p.agent_id, dir_path: p.dir_path, status: pathStatus })),
  };
}

/** POST /agents: called by a client when it is installed; registering again (a reinstall) refreshes it. */
export function registerAgent(cbr: Cbr, o: Obj): Record<string, unknown> {
  const agentId = reqStr(o, 'agent_id', 1, 64);
  const hostIp = reqStr(o, 'host_ip', 1, 64);
  if (!IPV4.test(hostIp)) throw invalid('host_ip must be an IPv4 address');
  const now = cbrTime(cbr.now());
  const existing = agentRow(cbr, agentId);
  const doc: AgentDoc = {
    created_at: existing ? (JSON.parse(existing.doc) as AgentDoc).created_at : now,
    updated_at: now,
    agent_version: optStr(o, 'agent_version', 0, 64) ?? '',
    agent_type: oneOf(o, 'agent_type', ['cloud', 'native'] as const, false) ?? 'cloud',
    host_name: reqStr(o, 'host_name', 1, 255),
    host_nickname: optStr(o, 'host_nickname', 0, 255) ?? '',
    host_ip: hostIp,
    host_os: reqStr(o, 'host_os', 1, 64),
    last_active_time: now,
  };
  cbr.s
    .get("INSERT INTO cbr_agents (agent_id, status, doc) VALUES (?, 'normal', ?) ON CONFLICT (agent_id) DO UPDATE SET status = 'normal', doc = excluded.doc")
    .run(agentId, JSON.stringify(doc));
  return render(cbr, requireAgent(cbr, agentId));
}

export function showAgent(cbr: Cbr, id: string): Record<string, unknown> {
  return render(cbr, requireAgent(cbr, id));
}

/** PUT /agents/{id}: the only change the API offers is marking the client uninstalled. */
export function updateAgent(cbr: Cbr, id: string, o: Obj): Record<string, unknown> {
  const row = requireAgent(cbr, id);
  oneOf(o, 'status', ['uninstall'] as const, true);
  const doc = JSON.parse(row.doc) as AgentDoc;
  doc.updated_at = cbrTime(cbr.now());
  cbr.s.get("UPDATE cbr_agents SET status = 'uninstall', doc = ? WHERE agent_id = ?").run(JSON.stringify(doc), id);
  return render(cbr, requireAgent(cbr, id));
}

/** DELETE /agents/{id}: the client and its paths go (its file backups with it; the emulator keeps none). */
export function removeAgent(cbr: Cbr, id: string): void {
  requireAgent(cbr, id);
  cbr.transaction(() => {
    cbr.s.get('DELETE FROM cbr_agent_paths WHERE agent_id = ?').run(id);
    cbr.s.get('DELETE FROM cbr_agents WHERE agent_id = ?').run(id);
  });
}

function pathList(o: Obj, key: string): string[] {
  const list = strArray(o, key, 1, 256);
  for (const p of list) if (p.length > 1024) throw invalid(`${key}: a path is at most 1024 characters`);
  return [...new Set(list)];
}

/** POST /agents/{id}/add-path: paths are not checked on the host (the seed says so), only de-duplicated. */
export function addPaths(cbr: Cbr, id: string, o: Obj): { added: string[]; existed: string[] } {
  requireAgent(cbr, id);
  const paths = pathList(o, 'add_path');
  const added: string[] = [];
  const existed: string[] = [];
  cbr.transaction(() => {
    for (const p of paths) {
      const r = cbr.s.get('INSERT INTO cbr_agent_paths (id, agent_id, dir_path) VALUES (?, ?, ?) ON CONFLICT (agent_id, dir_path) DO NOTHING').run(uuid(), id, p);
      (r.changes > 0 ? added : existed).push(p);
    }
  });
  return { added, existed };
}

export function removePaths(cbr: Cbr, id: string, o: Obj): { removed: string[]; not_existed: string[] } {
  requireAgent(cbr, id);
  const paths = pathList(o, 'remove_path');
  const removed: string[] = [];
  const missing: string[] = [];
  cbr.transaction(() => {
    for (const p of paths) {
      const r = cbr.s.get('DELETE FROM cbr_agent_paths WHERE agent_id = ? AND dir_path = ?').run(id, p);
      (r.changes > 0 ? removed : missing).push(p);
    }
  });
  return { removed, not_existed: missing };
}

export function listAgents(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const f = new QueryFilter(q);
  f.eq('agent_id');
  f.eq('status', 'status', ['normal', 'uninstall']);
  const { limit, offset } = pageParams(q);
  const count = (cbr.s.get(`SELECT count(*) AS n FROM cbr_agents ${f.sql}`).get(...f.args) as { n: number }).n;
  const rows = cbr.s.get(`SELECT * FROM cbr_agents ${f.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...f.args, limit, offset) as AgentRow[];
  return { agents: rows.map((r) => render(cbr, r)), count, limit, offset };
}

/**
 * POST /agent/check: whether a client runs on each server. A server's client is a registered,
 * installed `cloud` agent whose host name is the server's name.
 */
export function checkAgents(cbr: Cbr, o: Obj): Record<string, unknown> {
  const list = o.agent_status;
  if (!Array.isArray(list) || list.length < 1 || list.length > 256) throw invalid('agent_status must be an array of 1-256 resources');
  const agents = (cbr.s.get("SELECT * FROM cbr_agents WHERE status = 'normal'").all() as AgentRow[]).map((r) => ({ row: r, doc: JSON.parse(r.doc) as AgentDoc }));
  return {
    agent_status: list.map((item) => {
      if (!isObj(item)) throw invalid('each agent_status item must be an object');
      const resourceId = reqStr(item, 'resource_id', 1, 64);
      oneOf(item, 'resource_type', ['OS::Nova::Server', 'OS::Ironic::BareMetalServer'] as const, true);
      const server = cbr.servers.server(resourceId);
      if (!server) return { code: 7100, installed: false, is_old: false, message: 'The server does not exist.', resource_id: resourceId, version: '' };
      const agent = agents.find((a) => a.doc.agent_type === 'cloud' && a.doc.host_name === server.name);
      return { code: 0, installed: agent !== undefined, is_old: false, message: '', resource_id: resourceId, version: agent?.doc.agent_version ?? '' };
    }),
  };
}
