import { Router } from 'express';
import { isCloudError, type CbrTypes } from '@console/cloud';
import {
  CreateVaultSchema, UpdateVaultSchema, VaultListQuerySchema, whyNotDeleteVault, whyNotUseVault,
  type CreateVault, type VaultPage, type VaultTaskResponse,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import { policiesByVault, toVault, wireResourceType } from './cbr-map.ts';
import { readVault, vaultRef } from './cbr-lookup.ts';
import { announce, doneTask, evsCall, fieldError, pathId, refused, startTask, upstreamOf } from './evs-tasks.ts';
import { vaultActionRoutes } from './vaults-actions.ts';

/** CBR vaults: list, read, create, change, delete here; resources, policy and backup-now in vaults-actions.ts. */
export function vaultRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.get('/vaults', async (req, res) => {
    const q = parseWith(VaultListQuerySchema, req.query);
    const { clients } = evsCall(ctx, req);
    const [vaults, policies] = await Promise.all([
      clients.cbr.listVaults({
        limit: q.limit,
        offset: q.offset,
        ...(q.name ? { name: q.name } : {}),
        ...(q.protectedType ? { object_type: q.protectedType } : {}),
        ...(q.status ? { status: q.status } : {}),
      }),
      clients.cbr.listPolicies({ operation_type: 'backup' }),
    ]);
    const byVault = policiesByVault(policies.data.policies ?? []);
    const body: VaultPage = { items: (vaults.data.vaults ?? []).map((v) => toVault(v, byVault)), total: vaults.data.count };
    res.json(body);
  });

  router.get('/vaults/:id', async (req, res) => {
    res.json(await readVault(evsCall(ctx, req).clients, pathId(req, 'vault')));
  });

  router.post('/vaults', operator, async (req, res) => {
    describeAudit(res, 'vault.create');
    const input = parseWith(CreateVaultSchema, req.body);
    const call = evsCall(ctx, req);
    if (input.policyId) {
      const policy = await call.clients.cbr.showPolicy(input.policyId).catch((err: unknown) => {
        if (isCloudError(err) && err.httpStatus === 404) return undefined;
        throw err;
      });
      if (!policy) throw fieldError('policyId', 'no such policy in this project');
      if (policy.data.policy.operation_type !== 'backup') throw fieldError('policyId', 'a vault takes a backup policy here; this one is a replication policy');
    }
    const created = await call.clients.cbr.createVault({ vault: createRequest(input) });
    const vault = await readVault(call.clients, created.data.vault.id);
    describeAudit(res, 'vault.create', vault.id);
    const ref = vaultRef(vault);
    const task = doneTask(ctx, call, 'vault.create', ref, upstreamOf('cbr', created.requestId));
    announce(ctx, call, ref, vault.status);
    res.status(201).json({ task, vault } satisfies VaultTaskResponse);
  });

  router.patch('/vaults/:id', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.update', id);
    const input = parseWith(UpdateVaultSchema, req.body);
    const call = evsCall(ctx, req);
    const before = await readVault(call.clients, id);
    const refusal = whyNotUseVault(before, 'a change');
    if (refusal) throw refused(refusal);
    if (input.sizeGiB !== undefined && input.sizeGiB < Math.ceil(before.capacity.usedGiB)) {
      throw fieldError('sizeGiB', `at least the ${Math.ceil(before.capacity.usedGiB)} GiB the backups already use`);
    }
    const body: CbrTypes.VaultUpdate = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.sizeGiB !== undefined ? { billing: { size: input.sizeGiB } } : {}),
      ...(input.autoBind !== undefined ? { auto_bind: input.autoBind } : {}),
      ...(input.bindRules !== undefined ? { bind_rules: { tags: input.bindRules.tags } } : {}),
      ...(input.autoExpand !== undefined ? { auto_expand: input.autoExpand } : {}),
    };
    const r = await call.clients.cbr.updateVault(id, { vault: body });
    const vault = await readVault(call.clients, id);
    const ref = vaultRef(vault);
    const task = doneTask(ctx, call, 'vault.update', ref, upstreamOf('cbr', r.requestId));
    announce(ctx, call, ref, vault.status);
    res.json({ task, vault } satisfies VaultTaskResponse);
  });

  router.delete('/vaults/:id', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.delete', id);
    const call = evsCall(ctx, req);
    const vault = await readVault(call.clients, id);
    const refusal = whyNotDeleteVault(vault);
    if (refusal) throw refused(refusal);
    const r = await call.clients.cbr.deleteVault(id);
    const ref = vaultRef(vault);
    const task = startTask(ctx, call, {
      kind: 'vault.delete',
      targets: [ref],
      // 204 and a vault_delete operation log: the vault is deleting until its backups are gone.
      subtasks: [{ target: ref, tracking: { mode: 'resource', service: 'cbr', resource: ref, success: [], failure: ['error'], goneMeansSuccess: true } }],
      upstream: upstreamOf('cbr', r.requestId),
    });
    res.status(202).json({ task } satisfies VaultTaskResponse);
  });

  router.use(vaultActionRoutes(ctx));
  return router;
}

function createRequest(input: CreateVault): CbrTypes.VaultCreate {
  return {
    name: input.name,
    billing: { consistent_level: input.consistency, object_type: input.protectedType, protect_type: 'backup', size: input.sizeGiB, charging_mode: 'post_paid' },
    resources: input.resources.map((r) => ({
      id: r.id,
      type: wireResourceType(input.protectedType),
      ...(r.excludeDiskIds?.length ? { extra_info: { exclude_volumes: r.excludeDiskIds } } : {}),
    })),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.policyId ? { backup_policy_id: input.policyId } : {}),
    auto_bind: input.autoBind,
    ...(input.bindRules ? { bind_rules: { tags: input.bindRules.tags } } : {}),
    auto_expand: input.autoExpand,
    ...(input.tags.length ? { tags: input.tags } : {}),
  };
}
