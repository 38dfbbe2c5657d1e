import type { CallOptions, CloudResponse } from '../../http/types.ts';
import { ServiceClient } from '../base.ts';
import type { JobIdResponse, RawJob } from '../common-types.ts';
import { VBS_PATHS as P } from './paths.ts';
import type {
  BackupPolicyIdResponse, BackupResponse, BindResourcesRequest, CreateBackupPolicyRequest, CreateBackupRequest,
  ListBackupPoliciesResponse, ListBackupsQuery, ListBackupsResponse, ListBackupTasksQuery, ListBackupTasksResponse,
  PolicyResourcesResponse, RestoreBackupRequest, UpdateBackupPolicyRequest,
} from './types.ts';

type R<T> = Promise<CloudResponse<T>>;

/** VBS: legacy disk backups, their policies and jobs. Errors come as `{"error":{"code","message"}}`. */
export class VbsClient extends ServiceClient {
  protected readonly service = 'vbs' as const;

  /** `POST /v2/{project_id}/cloudbackups` (200, job); the job's `entities.backup_id` names the backup. */
  createBackup(body: CreateBackupRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.cloudBackups, body }, opts);
  }

  /** `POST /v2/{project_id}/cloudbackups/{backup_id}/restore` (200, job). */
  restoreBackup(backupId: string, body: RestoreBackupRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.cloudBackupRestore, pathParams: { backup_id: backupId }, body }, opts);
  }

  listBackups(query: ListBackupsQuery = {}, opts?: CallOptions): R<ListBackupsResponse> {
    return this.call({ method: 'GET', path: P.backupsDetail, query: { ...query } }, opts);
  }

  showBackup(backupId: string, opts?: CallOptions): R<BackupResponse> {
    return this.call({ method: 'GET', path: P.backup, pathParams: { backup_id: backupId } }, opts);
  }

  /** `DELETE /v2/{project_id}/backups/{backup_id}` (202, no body). */
  deleteBackup(backupId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.backup, pathParams: { backup_id: backupId }, idempotent: true }, opts);
  }

  /** `GET /v1/{project_id}/jobs/{job_id}`; an unknown job is `common.0011` with 404 here. */
  showJob(jobId: string, opts?: CallOptions): R<RawJob> {
    return this.call({ method: 'GET', path: P.job, pathParams: { job_id: jobId } }, opts);
  }

  // ---- policies (there is no "show one policy": list and pick) --------------------------------

  listBackupPolicies(opts?: CallOptions): R<ListBackupPoliciesResponse> {
    return this.call({ method: 'GET', path: P.policies }, opts);
  }

  createBackupPolicy(body: CreateBackupPolicyRequest, opts?: CallOptions): R<BackupPolicyIdResponse> {
    return this.call({ method: 'POST', path: P.policies, body }, opts);
  }

  /** Also enables/disables a policy, through `scheduled_policy.status` ON/OFF. */
  updateBackupPolicy(policyId: string, body: UpdateBackupPolicyRequest, opts?: CallOptions): R<BackupPolicyIdResponse> {
    return this.call({ method: 'PUT', path: P.policy, pathParams: { policy_id: policyId }, body, idempotent: true }, opts);
  }

  deleteBackupPolicy(policyId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.policy, pathParams: { policy_id: policyId }, idempotent: true }, opts);
  }

  bindResources(body: BindResourcesRequest, opts?: CallOptions): R<PolicyResourcesResponse> {
    return this.call({ method: 'POST', path: P.bindResources, body }, opts);
  }

  unbindResources(policyId: string, resourceIds: string[], opts?: CallOptions): R<PolicyResourcesResponse> {
    return this.call(
      {
        method: 'POST',
        path: P.unbindResources,
        pathParams: { policy_id: policyId },
        body: { resources: resourceIds.map((resource_id) => ({ resource_id })) },
      },
      opts,
    );
  }

  /** Runs the policy now (204); progress shows only in its backup tasks. */
  executeBackupPolicy(policyId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'POST', path: P.policyAction, pathParams: { policy_id: policyId } }, opts);
  }

  listBackupTasks(policyId: string, query: ListBackupTasksQuery = {}, opts?: CallOptions): R<ListBackupTasksResponse> {
    return this.call({ method: 'GET', path: P.policyTasks, pathParams: { policy_id: policyId }, query: { ...query } }, opts);
  }
}
