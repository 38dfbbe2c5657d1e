import { Router } from 'express';
import type { CbrTypes } from '@console/cloud';
import { CreatePolicySchema, PolicyListQuerySchema, UpdatePolicySchema, type PolicyList, type PolicyTaskResponse } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import { toOperationDefinition, toPolicy } from './cbr-map.ts';
import { policyRef, readPolicy } from './cbr-lookup.ts';
import { rethrowNotFound } from './evs-lookup.ts';
import { announce, doneTask, evsCall, pathId, upstreamOf } from './evs-tasks.ts';

/** CBR backup policies. The cloud answers every change at once: the task is done with the answer. */
export function policyRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.get('/policies', async (req, res) => {
    const q = parseWith(PolicyListQuerySchema, req.query);
    const r = await evsCall(ctx, req).clients.cbr.listPolicies(q.vaultId ? { vault_id: q.vaultId } : {});
    const items = (r.data.policies ?? []).map(toPolicy);
    res.json({ items, total: items.length } satisfies PolicyList);
  });

  router.get('/policies/:id', async (req, res) => {
    res.json(await readPolicy(evsCall(ctx, req).clients, pathId(req, 'policy')));
  });

  router.post('/policies', operator, async (req, res) => {
    describeAudit(res, 'policy.create');
    const input = parseWith(CreatePolicySchema, req.body);
    const call = evsCall(ctx, req);
    const r = await call.clients.cbr.createPolicy({
      policy: {
        name: input.name,
        enabled: input.enabled,
        operation_type: 'backup',
        operation_definition: toOperationDefinition(input.retention, input.fullBackupInterval),
        trigger: { properties: { pattern: input.schedule } },
      },
    });
    const policy = toPolicy(r.data.policy);
    describeAudit(res, 'policy.create', policy.id);
    const ref = policyRef(policy);
    const task = doneTask(ctx, call, 'policy.create', ref, upstreamOf('cbr', r.requestId));
    announce(ctx, call, ref, policy.enabled ? 'enabled' : 'disabled');
    res.status(201).json({ task, policy } satisfies PolicyTaskResponse);
  });

  router.patch('/policies/:id', operator, async (req, res) => {
    const id = pathId(req, 'policy');
    describeAudit(res, 'policy.update', id);
    const input = parseWith(UpdatePolicySchema, req.body);
    const call = evsCall(ctx, req);
    const body: CbrTypes.UpdatePolicyRequest['policy'] = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.schedule !== undefined ? { trigger: { properties: { pattern: input.schedule } } } : {}),
    };
    if (input.retention !== undefined) body.operation_definition = toOperationDefinition(input.retention, input.fullBackupInterval);
    else if (input.fullBackupInterval !== undefined) body.operation_definition = { full_backup_interval: input.fullBackupInterval };
    const r = await call.clients.cbr.updatePolicy(id, { policy: body }).catch((err: unknown) => rethrowNotFound(err, `policy ${id}`));
    const policy = toPolicy(r.data.policy);
    const ref = policyRef(policy);
    const task = doneTask(ctx, call, 'policy.update', ref, upstreamOf('cbr', r.requestId));
    announce(ctx, call, ref, policy.enabled ? 'enabled' : 'disabled');
    res.json({ task, policy } satisfies PolicyTaskResponse);
  });

  router.delete('/policies/:id', operator, async (req, res) => {
    const id = pathId(req, 'policy');
    describeAudit(res, 'policy.delete', id);
    const call = evsCall(ctx, req);
    const policy = await readPolicy(call.clients, id);
    const r = await call.clients.cbr.deletePolicy(id);
    const ref = policyRef(policy);
    const task = doneTask(ctx, call, 'policy.delete', ref, upstreamOf('cbr', r.requestId));
    announce(ctx, call, ref, 'deleted');
    res.json({ task } satisfies PolicyTaskResponse);
  });

  return router;
}
