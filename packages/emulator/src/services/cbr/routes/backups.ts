import type { Reply, RouteSpec } from '../../../server/types.ts';
import { invalid } from '../errors.ts';
import type { Cbr } from '../model/cbr.ts';
import { renderBackup, renderCheckpoint, startCheckpoint, startDelete } from '../model/backups.ts';
import { listBackups } from '../model/backup-query.ts';
import { listOplogs, showOplog } from '../model/oplogs.ts';
import { createPolicy, deletePolicy, listPolicies, renderPolicy, updatePolicy } from '../model/policies.ts';
import { startRestore } from '../model/restore.ts';
import { isObj, optBool, optStr, reqStr, wrapped } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });
const NAME = /^[A-Za-z0-9_-]+$/;

/** Policies, checkpoints, backups and operation logs (seed 004 §4.1, §4.3, §4.8, §4.12). */
export function backupRoutes(cbr: Cbr): RouteSpec[] {
  const p = '/v3/{project_id}';
  return [
    { method: 'POST', path: `${p}/policies`, operation: 'CreatePolicy', handler: (ctx) => ok({ policy: renderPolicy(cbr, cbr.requirePolicy(createPolicy(cbr, wrapped(ctx, 'policy')))) }) },
    { method: 'GET', path: `${p}/policies`, operation: 'ListPolicies', handler: (ctx) => ok(listPolicies(cbr, ctx.query)) },
    { method: 'GET', path: `${p}/policies/{policy_id}`, operation: 'ShowPolicy', handler: (ctx) => ok({ policy: renderPolicy(cbr, cbr.requirePolicy(ctx.params.policy_id!)) }) },
    {
      method: 'PUT', path: `${p}/policies/{policy_id}`, operation: 'UpdatePolicy',
      handler: (ctx) => {
        updatePolicy(cbr, ctx.params.policy_id!, wrapped(ctx, 'policy'));
        return ok({ policy: renderPolicy(cbr, cbr.requirePolicy(ctx.params.policy_id!)) });
      },
    },
    { method: 'DELETE', path: `${p}/policies/{policy_id}`, operation: 'DeletePolicy', handler: (ctx) => (deletePolicy(cbr, ctx.params.policy_id!), { status: 204 }) },
    {
      method: 'POST', path: `${p}/checkpoints`, operation: 'CreateCheckpoint',
      handler: (ctx) => {
        const o = wrapped(ctx, 'checkpoint');
        const vaultId = reqStr(o, 'vault_id', 1, 64);
        const params = o.parameters === undefined ? {} : o.parameters;
        if (!isObj(params)) throw invalid('parameters must be an object');
        let resources: string[] | undefined;
        if (params.resources !== undefined) {
          if (!Array.isArray(params.resources) || params.resources.length > 256 || params.resources.some((r) => typeof r !== 'string')) throw invalid('parameters.resources must be an array of resource ids');
          resources = params.resources as string[];
        } else if (Array.isArray(params.resource_details)) {
          resources = params.resource_details.map((r) => (isObj(r) && typeof r.id === 'string' ? r.id : (() => { throw invalid('resource_details need ids'); })()));
        }
        const name = optStr(params, 'name', 1, 64, NAME);
        const description = optStr(params, 'description', 0, 255);
        const checkpoint = cbr.transaction(() => startCheckpoint(cbr, vaultId, {
          ...(resources ? { resources } : {}), ...(name ? { name } : {}), ...(description !== undefined ? { description } : {}),
          incremental: optBool(params, 'incremental') ?? true,
          autoTrigger: optBool(params, 'auto_trigger') ?? false,
        }));
        return ok({ checkpoint });
      },
    },
    { method: 'GET', path: `${p}/checkpoints/{checkpoint_id}`, operation: 'ShowCheckpoint', handler: (ctx) => ok({ checkpoint: renderCheckpoint(cbr, ctx.params.checkpoint_id!) }) },
    { method: 'GET', path: `${p}/backups`, operation: 'ListBackups', handler: (ctx) => ok(listBackups(cbr, ctx.query)) },
    { method: 'GET', path: `${p}/backups/{backup_id}`, operation: 'ShowBackup', handler: (ctx) => ok({ backup: renderBackup(cbr, cbr.requireBackup(ctx.params.backup_id!)) }) },
    {
      method: 'PUT', path: `${p}/backups/{backup_id}`, operation: 'UpdateBackup',
      handler: (ctx) => {
        const b = cbr.requireBackup(ctx.params.backup_id!);
        const o = wrapped(ctx, 'backup');
        const name = optStr(o, 'name', 1, 64, NAME);
        const description = optStr(o, 'description', 0, 255);
        if (name !== undefined) cbr.s.get('UPDATE cbr_backups SET name = ?, updated_ms = ? WHERE id = ?').run(name, cbr.now(), b.id);
        if (description !== undefined) {
          const doc = JSON.parse(b.doc) as Record<string, unknown>;
          cbr.s.get('UPDATE cbr_backups SET doc = ?, updated_ms = ? WHERE id = ?').run(JSON.stringify({ ...doc, description }), cbr.now(), b.id);
        }
        return ok({ backup: renderBackup(cbr, cbr.requireBackup(b.id)) });
      },
    },
    { method: 'DELETE', path: `${p}/backups/{backup_id}`, operation: 'DeleteBackup', handler: (ctx) => (cbr.transaction(() => startDelete(cbr, ctx.params.backup_id!)), { status: 204 }) },
    {
      method: 'POST', path: `${p}/backups/{backup_id}/restore`, operation: 'CreateRestore',
      handler: (ctx) => (startRestore(cbr, ctx.params.backup_id!, wrapped(ctx, 'restore')), { status: 202 }),
    },
    { method: 'GET', path: `${p}/operation-logs`, operation: 'ListOpLogs', handler: (ctx) => ok(listOplogs(cbr, ctx.query)) },
    { method: 'GET', path: `${p}/operation-logs/{operation_log_id}`, operation: 'ShowOpLog', handler: (ctx) => ok({ operation_log: showOplog(cbr, ctx.params.operation_log_id!) }) },
  ];
}
