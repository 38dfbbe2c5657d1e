import { Router } from 'express';
import { isCloudError, type CbrTypes } from '@console/cloud';
import {
  AddVaultResourcesSchema, BackupNowSchema, RemoveVaultResourcesSchema, SetVaultPolicySchema, SetVaultTagsSchema, VaultRefusals, whyNotBackUpResource, whyNotUseVault,
  type ResourceRef, type TaskKind, type Vault, type VaultTaskResponse,
} from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import type { NewSubtask } from '../tasks/service.ts';
import { wireResourceType } from './cbr-map.ts';
import { backupRef, protectedRef, readPolicy, readVault, vaultRef } from './cbr-lookup.ts';
import { announce, doneTask, evsCall, fieldError, pathId, refused, startTask, type EvsCall, upstreamOf } from './evs-tasks.ts';

/** Synchronous vault changes: a task that is done when the cloud answered, and the vault as it is now. */
async function finished(ctx: ConsoleContext, call: EvsCall, kind: TaskKind, id: string, requestId: string | undefined, extra: ResourceRef[] = []): Promise<VaultTaskResponse> {
  const vault = await readVault(call.clients, id);
  const ref = vaultRef(vault);
  const task = doneTask(ctx, call, kind, ref, upstreamOf('cbr', requestId), extra);
  announce(ctx, call, ref, vault.status);
  return { task, vault };
}

/** What goes into a vault, which policy it runs, and backing it up now. */
export function vaultActionRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.post('/vaults/:id/resources', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.add-resources', id);
    const { resources } = parseWith(AddVaultResourcesSchema, req.body);
    const call = evsCall(ctx, req);
    const vault = await usableVault(call, id, 'adding resources');
    const already = resources.filter((r) => vault.resources.some((x) => x.id === r.id));
    if (already.length) throw fieldError('resources', `already in this vault: ${already.map((r) => r.id).join(', ')}`);
    const r = await call.clients.cbr.addResources(id, resources.map((x) => ({
      id: x.id,
      type: wireResourceType(vault.protectedType),
      ...(x.excludeDiskIds?.length ? { extra_info: { exclude_volumes: x.excludeDiskIds } } : {}),
    })));
    const refs = resources.map((x) => protectedRef({ id: x.id, type: vault.protectedType }));
    res.json(await finished(ctx, call, 'vault.add-resources', id, r.requestId, refs));
  });

  router.post('/vaults/:id/resources/remove', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.remove-resources', id);
    const { resourceIds } = parseWith(RemoveVaultResourcesSchema, req.body);
    const call = evsCall(ctx, req);
    const vault = await usableVault(call, id, 'removing resources');
    const missing = resourceIds.filter((r) => !vault.resources.some((x) => x.id === r));
    if (missing.length) throw fieldError('resourceIds', `not in this vault: ${missing.join(', ')}`);
    const busy = vault.resources.filter((x) => resourceIds.includes(x.id) && x.protectStatus !== 'available' && x.protectStatus !== 'error');
    if (busy.length) throw refused({ code: VaultRefusals.resourceBusy, message: `${busy.map((b) => `${b.name || b.id} is ${b.protectStatus}`).join('; ')}; remove once that has finished` });
    // The resources leave at once; their backups in the vault are deleted in the background.
    const r = await call.clients.cbr.removeResources(id, resourceIds);
    const refs = vault.resources.filter((x) => resourceIds.includes(x.id)).map(protectedRef);
    res.json(await finished(ctx, call, 'vault.remove-resources', id, r.requestId, refs));
  });

  router.put('/vaults/:id/policy', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.set-policy', id);
    const { policyId } = parseWith(SetVaultPolicySchema, req.body);
    const call = evsCall(ctx, req);
    const vault = await readVault(call.clients, id);
    const policy = await readPolicy(call.clients, policyId).catch((err: unknown) => {
      throw err instanceof HttpError && err.status === 404 ? fieldError('policyId', 'no such policy in this project') : err;
    });
    if (policy.type !== 'backup') throw fieldError('policyId', 'a replication policy needs a destination vault in another region; choose a backup policy');
    if (vault.protectType !== 'backup') throw refused({ code: VaultRefusals.vaultStatus, message: 'A replication vault receives copies; it runs no backup policy' });
    const r = await call.clients.cbr.associatePolicy(id, { policy_id: policyId });
    res.json(await finished(ctx, call, 'vault.set-policy', id, r.requestId, [{ type: 'policy', id: policy.id, name: policy.name }]));
  });

  router.delete('/vaults/:id/policy', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.remove-policy', id);
    const call = evsCall(ctx, req);
    const vault = await readVault(call.clients, id);
    if (!vault.policy) throw refused({ code: VaultRefusals.noPolicy, message: 'The vault runs no backup policy' });
    const r = await call.clients.cbr.dissociatePolicy(id, vault.policy.id);
    res.json(await finished(ctx, call, 'vault.remove-policy', id, r.requestId, [{ type: 'policy', id: vault.policy.id, name: vault.policy.name }]));
  });

  router.put('/vaults/:id/tags', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.tags', id);
    const { tags } = parseWith(SetVaultTagsSchema, req.body);
    const call = evsCall(ctx, req);
    const vault = await readVault(call.clients, id);
    // The tag set as a whole: keys no longer wanted are deleted, the rest created (an existing key is overwritten).
    const gone = vault.tags.filter((old) => !tags.some((t) => t.key === old.key));
    let requestId: string | undefined;
    if (gone.length) requestId = (await call.clients.cbr.batchVaultTags(id, { action: 'delete', tags: gone.map((t) => ({ key: t.key })) })).requestId;
    if (tags.length) requestId = (await call.clients.cbr.batchVaultTags(id, { action: 'create', tags })).requestId;
    res.json(await finished(ctx, call, 'vault.tags', id, requestId));
  });

  router.post('/vaults/:id/backup', operator, async (req, res) => {
    const id = pathId(req, 'vault');
    describeAudit(res, 'vault.backup', id);
    const input = parseWith(BackupNowSchema, req.body);
    const call = evsCall(ctx, req);
    const vault = await usableVault(call, id, 'a backup');
    const chosen = input.resourceIds ?? vault.resources.map((r) => r.id);
    if (chosen.length === 0) throw refused({ code: VaultRefusals.notInVault, message: 'The vault holds no servers or disks to back up; add some first' });
    const missing = chosen.filter((r) => !vault.resources.some((x) => x.id === r));
    if (missing.length) throw fieldError('resourceIds', `not in this vault: ${missing.join(', ')}`);
    const resources = vault.resources.filter((r) => chosen.includes(r.id));
    const busy = resources.map(whyNotBackUpResource).filter((x) => x !== undefined);
    if (busy.length === resources.length) throw refused(busy[0]!);
    const cp = await call.clients.cbr.createCheckpoint({
      checkpoint: {
        vault_id: id,
        parameters: {
          resources: chosen,
          incremental: input.incremental,
          ...(input.name ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
        },
      },
    });
    const subtasks = await backupSubtasks(call, cp.data.checkpoint, resources);
    const task = startTask(ctx, call, {
      kind: 'vault.backup',
      targets: [vaultRef(vault), ...resources.map(protectedRef), ...subtasks.map((s) => s.target!).filter((t) => t.type === 'backup')],
      subtasks,
      upstream: upstreamOf('cbr', cp.requestId),
    });
    res.status(202).json({ task } satisfies VaultTaskResponse);
  });

  return router;
}

async function usableVault(call: EvsCall, id: string, what: string): Promise<Vault> {
  const vault = await readVault(call.clients, id);
  const refusal = whyNotUseVault(vault, what);
  if (refusal) throw refused(refusal);
  return vault;
}

/**
 * One subtask per resource, followed through its backup's status (checkpoints have no job). The
 * subtask names the backup, so the status events it causes move the backup, not the disk or
 * server. A resource the cloud skipped fails with the cloud's reason.
 */
async function backupSubtasks(call: EvsCall, cp: CbrTypes.Checkpoint, resources: Vault['resources']): Promise<NewSubtask[]> {
  const backups = await call.clients.cbr.listBackups({ checkpoint_id: cp.id, limit: 1000 }).catch((err: unknown) => {
    if (isCloudError(err)) return undefined;
    throw err;
  });
  const byResource = new Map((backups?.data.backups ?? []).filter((b) => !b.parent_id).map((b) => [b.resource_id, b]));
  const skipped = new Map((cp.vault?.skipped_resources ?? []).map((s) => [s.id, s]));
  return resources.map((r): NewSubtask => {
    const target = protectedRef(r);
    const b = byResource.get(r.id);
    if (b) return { target: backupRef(b), tracking: { mode: 'resource', service: 'cbr', resource: backupRef(b), success: ['available'], failure: ['error'] } };
    const s = skipped.get(r.id);
    return {
      target,
      tracking: { mode: 'done' },
      error: s ? { code: s.code, message: s.reason, service: 'cbr' } : { code: 'BACKUP_NOT_STARTED', message: `The cloud started no backup of ${r.name || r.id}`, service: 'cbr' },
    };
  });
}
