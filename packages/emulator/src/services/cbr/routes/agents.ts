import type { Reply, RouteSpec } from '../../../server/types.ts';
import { addPaths, checkAgents, listAgents, registerAgent, removeAgent, removePaths, showAgent, updateAgent } from '../model/agents.ts';
import type { Cbr } from '../model/cbr.ts';
import { bodyObj, wrapped } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

/** File-backup clients (seed 004 §4.6) and the agent check of §4.2. Removing a client answers 200, as the seed documents. */
export function agentRoutes(cbr: Cbr): RouteSpec[] {
  const p = '/v3/{project_id}';
  return [
    { method: 'POST', path: `${p}/agent/check`, operation: 'CheckAgent', handler: (ctx) => ok(checkAgents(cbr, bodyObj(ctx))) },
    { method: 'POST', path: `${p}/agents`, operation: 'RegisterAgent', handler: (ctx) => ok({ agent: registerAgent(cbr, wrapped(ctx, 'agent')) }) },
    { method: 'GET', path: `${p}/agents`, operation: 'ListAgent', handler: (ctx) => ok(listAgents(cbr, ctx.query)) },
    { method: 'GET', path: `${p}/agents/{agent_id}`, operation: 'ShowAgent', handler: (ctx) => ok({ agent: showAgent(cbr, ctx.params.agent_id!) }) },
    { method: 'PUT', path: `${p}/agents/{agent_id}`, operation: 'UpdateAgent', handler: (ctx) => ok({ agent: updateAgent(cbr, ctx.params.agent_id!, wrapped(ctx, 'agent')) }) },
    { method: 'DELETE', path: `${p}/agents/{agent_id}`, operation: 'UnregisterAgent', handler: (ctx) => (removeAgent(cbr, ctx.params.agent_id!), { status: 200 }) },
    { method: 'POST', path: `${p}/agents/{agent_id}/add-path`, operation: 'AddAgentPath', handler: (ctx) => ok(addPaths(cbr, ctx.params.agent_id!, bodyObj(ctx))) },
    { method: 'POST', path: `${p}/agents/{agent_id}/remove-path`, operation: 'RemoveAgentPath', handler: (ctx) => ok(removePaths(cbr, ctx.params.agent_id!, bodyObj(ctx))) },
  ];
}
