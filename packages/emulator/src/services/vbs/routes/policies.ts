import type { Reply, RouteSpec } from '../../../server/types.ts';
import { vbsError } from '../errors.ts';
import { bind, tasks, unbind } from '../model/bindings.ts';
import { createPolicy, deletePolicy, renderPolicy, runPolicy, updatePolicy } from '../model/policies.ts';
import { batchTags, filterPolicies, policyTags, savePolicyTags } from '../model/tags-shares.ts';
import type { Vbs, VbsPolicyRow } from '../model/vbs.ts';
import { isObj, parseTag, upsertTags } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

function obj(body: unknown) {
  if (body === undefined) throw vbsError('AutoBackup.0000');
  if (!isObj(body)) throw vbsError('AutoBackup.0008');
  return body;
}

/** Backup policies, bindings, run-now, tasks and policy tags (seed 003 §5.2). Static segments win over {policy_id}. */
export function policyRoutes(vbs: Vbs): RouteSpec[] {
  const p = '/v2/{project_id}/backuppolicy';
  return [
    { method: 'POST', path: p, operation: 'CreateBackupPolicy', handler: (ctx) => (vbs.refuseIfMigrated(), ok({ backup_policy_id: createPolicy(vbs, ctx.rawBody?.length ? ctx.json() : undefined) })) },
    { method: 'GET', path: p, operation: 'ListBackupPolicies', handler: () => ok({ backup_policies: (vbs.s.get('SELECT * FROM vbs_policies ORDER BY seq').all() as VbsPolicyRow[]).map((r) => renderPolicy(vbs, r)) }) },
    {
      method: 'PUT', path: `${p}/{policy_id}`, operation: 'UpdateBackupPolicy',
      handler: (ctx) => (updatePolicy(vbs, ctx.params.policy_id!, ctx.rawBody?.length ? ctx.json() : undefined), ok({ backup_policy_id: ctx.params.policy_id })),
    },
    { method: 'DELETE', path: `${p}/{policy_id}`, operation: 'DeleteBackupPolicy', handler: (ctx) => (deletePolicy(vbs, ctx.params.policy_id!), { status: 204 }) },
    { method: 'POST', path: '/v2/{project_id}/backuppolicyresources', operation: 'BatchCreateBackupPolicyResources', handler: (ctx) => (vbs.refuseIfMigrated(), ok(bind(vbs, obj(ctx.json())))) },
    {
      method: 'POST', path: '/v2/{project_id}/backuppolicyresources/{policy_id}/deleted_resources', operation: 'BatchDeleteBackupPolicyResources',
      handler: (ctx) => ok(unbind(vbs, ctx.params.policy_id!, obj(ctx.json()))),
    },
    {
      method: 'POST', path: `${p}/{policy_id}/action`, operation: 'ExecuteBackupPolicy',
      handler: (ctx) => {
        const policy = vbs.requirePolicy(ctx.params.policy_id!);
        if (vbs.s.get("SELECT 1 FROM vbs_tasks WHERE policy_id = ? AND status IN ('RUNNING', 'WAITING')").get(policy.id)) throw vbsError('AutoBackup.0225');
        vbs.transaction(() => runPolicy(vbs, policy, vbs.now()));
        return { status: 204 };
      },
    },
    { method: 'GET', path: `${p}/{policy_id}/backuptasks`, operation: 'ListBackupPolicyTasks', handler: (ctx) => ok(tasks(vbs, ctx.params.policy_id!, ctx.query)) },
    { method: 'POST', path: `${p}/resource_instances/action`, operation: 'ListBackupPoliciesByTags', handler: (ctx) => ok(filterPolicies(vbs, obj(ctx.json()))) },
    {
      method: 'GET', path: `${p}/tags`, operation: 'ListProjectPolicyTags',
      handler: () => {
        const map = new Map<string, Set<string>>();
        for (const row of vbs.s.get('SELECT * FROM vbs_policies ORDER BY seq').all() as VbsPolicyRow[]) {
          for (const t of policyTags(row)) map.set(t.key, (map.get(t.key) ?? new Set()).add(t.value));
        }
        return ok({ tags: [...map].map(([key, values]) => ({ key, values: [...values] })) });
      },
    },
    { method: 'GET', path: `${p}/{policy_id}/tags`, operation: 'ShowPolicyTags', handler: (ctx) => ok({ tags: policyTags(vbs.requirePolicy(ctx.params.policy_id!)) }) },
    {
      method: 'POST', path: `${p}/{policy_id}/tags`, operation: 'CreatePolicyTag',
      handler: (ctx) => {
        const policy = vbs.requirePolicy(ctx.params.policy_id!);
        const next = upsertTags(policyTags(policy), [parseTag(obj(ctx.json()).tag, 'VolumeBackup.0049')]);
        if (next.length > 10) throw vbsError('VolumeBackup.0050');
        savePolicyTags(vbs, policy.id, next);
        return { status: 204 };
      },
    },
    {
      method: 'DELETE', path: `${p}/{policy_id}/tags/{key}`, operation: 'DeletePolicyTag',
      handler: (ctx) => {
        const policy = vbs.requirePolicy(ctx.params.policy_id!);
        const tags = policyTags(policy);
        if (!tags.some((t) => t.key === ctx.params.key)) throw vbsError('VolumeBackup.0049', `no tag ${ctx.params.key}`);
        savePolicyTags(vbs, policy.id, tags.filter((t) => t.key !== ctx.params.key));
        return { status: 204 };
      },
    },
    {
      method: 'POST', path: `${p}/{policy_id}/tags/action`, operation: 'BatchPolicyTags',
      handler: (ctx) => {
        const policy = vbs.requirePolicy(ctx.params.policy_id!);
        savePolicyTags(vbs, policy.id, batchTags(policyTags(policy), obj(ctx.json()), ['create', 'update', 'delete'], 10));
        return { status: 204 };
      },
    },
  ];
}
