import type { CallOptions, CloudResponse } from '../../http/types.ts';
import { ServiceClient } from '../base.ts';
import type { KeyValueTag } from '../common-types.ts';
import { CBR_PATHS as P } from './paths.ts';
import type {
  BackupResponse, CheckpointResponse, CreateCheckpointRequest, ListBackupsQuery, ListBackupsResponse, ListOperationLogsQuery,
  ListOperationLogsResponse, OperationLogResponse, RestoreBackupRequest, UpdateBackupRequest,
} from './types-backup.ts';
import type {
  CreatePolicyRequest, ListPoliciesQuery, ListPoliciesResponse, ListProtectablesQuery, ListProtectablesResponse,
  ListVaultsByTagsRequest, ListVaultsByTagsResponse, PolicyResponse, ProjectVaultTagsResponse, ProtectableResponse,
  ProtectableType, UpdatePolicyRequest, VaultTagsAction, VaultTagsResponse,
} from './types-policy.ts';
import type {
  AddResourcesResponse, AssociatePolicyRequest, AssociatePolicyResponse, DissociatePolicyResponse, ListVaultsQuery,
  ListVaultsResponse, RemoveResourcesResponse, ResourceCreate, VaultCreate, VaultResponse, VaultsSummary, VaultUpdate,
} from './types-vault.ts';
import type { BackupMembersResponse, ListBackupMembersQuery } from './types-member.ts';

type R<T> = Promise<CloudResponse<T>>;

/**
 * CBR: vaults, resources, policies, checkpoints (backup runs), backups, restores, tasks and vault tags.
 * CBR answers errors as `{error_code, error_msg}` and tracks async work in operation logs, not jobs.
 */
export class CbrClient extends ServiceClient {
  protected readonly service = 'cbr' as const;

  // ---- vaults ----------------------------------------------------------------------------------

  listVaults(query: ListVaultsQuery = {}, opts?: CallOptions): R<ListVaultsResponse> {
    return this.call({ method: 'GET', path: P.vaults, query: { ...query } }, opts);
  }

  showVault(vaultId: string, opts?: CallOptions): R<VaultResponse> {
    return this.call({ method: 'GET', path: P.vault, pathParams: { vault_id: vaultId } }, opts);
  }

  /** `POST /v3/{project_id}/vaults` (200). */
  createVault(body: { vault: VaultCreate }, opts?: CallOptions): R<VaultResponse> {
    return this.call({ method: 'POST', path: P.vaults, body }, opts);
  }

  updateVault(vaultId: string, body: { vault: VaultUpdate }, opts?: CallOptions): R<VaultResponse> {
    return this.call({ method: 'PUT', path: P.vault, pathParams: { vault_id: vaultId }, body, idempotent: true }, opts);
  }

  /** `DELETE /v3/{project_id}/vaults/{vault_id}` (204): all backups in the vault are deleted too. */
  deleteVault(vaultId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.vault, pathParams: { vault_id: vaultId }, idempotent: true }, opts);
  }

  showVaultsSummary(opts?: CallOptions): R<VaultsSummary> {
    return this.call({ method: 'GET', path: P.vaultsSummary }, opts);
  }

  addResources(vaultId: string, resources: ResourceCreate[], opts?: CallOptions): R<AddResourcesResponse> {
    return this.call({ method: 'POST', path: P.addResources, pathParams: { vault_id: vaultId }, body: { resources } }, opts);
  }

  removeResources(vaultId: string, resourceIds: string[], opts?: CallOptions): R<RemoveResourcesResponse> {
    return this.call(
      { method: 'POST', path: P.removeResources, pathParams: { vault_id: vaultId }, body: { resource_ids: resourceIds } },
      opts,
    );
  }

  associatePolicy(vaultId: string, body: AssociatePolicyRequest, opts?: CallOptions): R<AssociatePolicyResponse> {
    return this.call({ method: 'POST', path: P.associatePolicy, pathParams: { vault_id: vaultId }, body }, opts);
  }

  dissociatePolicy(vaultId: string, policyId: string, opts?: CallOptions): R<DissociatePolicyResponse> {
    return this.call(
      { method: 'POST', path: P.dissociatePolicy, pathParams: { vault_id: vaultId }, body: { policy_id: policyId } },
      opts,
    );
  }

  // ---- policies --------------------------------------------------------------------------------

  listPolicies(query: ListPoliciesQuery = {}, opts?: CallOptions): R<ListPoliciesResponse> {
    return this.call({ method: 'GET', path: P.policies, query: { ...query } }, opts);
  }

  showPolicy(policyId: string, opts?: CallOptions): R<PolicyResponse> {
    return this.call({ method: 'GET', path: P.policy, pathParams: { policy_id: policyId } }, opts);
  }

  createPolicy(body: CreatePolicyRequest, opts?: CallOptions): R<PolicyResponse> {
    return this.call({ method: 'POST', path: P.policies, body }, opts);
  }

  updatePolicy(policyId: string, body: UpdatePolicyRequest, opts?: CallOptions): R<PolicyResponse> {
    return this.call({ method: 'PUT', path: P.policy, pathParams: { policy_id: policyId }, body, idempotent: true }, opts);
  }

  deletePolicy(policyId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.policy, pathParams: { policy_id: policyId }, idempotent: true }, opts);
  }

  // ---- checkpoints and backups -----------------------------------------------------------------

  /** `POST /v3/{project_id}/checkpoints`: runs a backup; the checkpoint starts `protecting`. */
  createCheckpoint(body: CreateCheckpointRequest, opts?: CallOptions): R<CheckpointResponse> {
    return this.call({ method: 'POST', path: P.checkpoints, body }, opts);
  }

  showCheckpoint(checkpointId: string, opts?: CallOptions): R<CheckpointResponse> {
    return this.call({ method: 'GET', path: P.checkpoint, pathParams: { checkpoint_id: checkpointId } }, opts);
  }

  listBackups(query: ListBackupsQuery = {}, opts?: CallOptions): R<ListBackupsResponse> {
    return this.call({ method: 'GET', path: P.backups, query: { ...query } }, opts);
  }

  showBackup(backupId: string, opts?: CallOptions): R<BackupResponse> {
    return this.call({ method: 'GET', path: P.backup, pathParams: { backup_id: backupId } }, opts);
  }

  updateBackup(backupId: string, body: UpdateBackupRequest, opts?: CallOptions): R<BackupResponse> {
    return this.call({ method: 'PUT', path: P.backup, pathParams: { backup_id: backupId }, body, idempotent: true }, opts);
  }

  /** `DELETE /v3/{project_id}/backups/{backup_id}` (204); progress shows as a `delete` operation log. */
  deleteBackup(backupId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.backup, pathParams: { backup_id: backupId }, idempotent: true }, opts);
  }

  /** `POST /v3/{project_id}/backups/{backup_id}/restore` (202, no body); follow the `restore` operation log. */
  restoreBackup(backupId: string, body: RestoreBackupRequest, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'POST', path: P.backupRestore, pathParams: { backup_id: backupId }, body }, opts);
  }

  // ---- sharing (members) -----------------------------------------------------------------------

  listBackupMembers(backupId: string, query: ListBackupMembersQuery = {}, opts?: CallOptions): R<BackupMembersResponse> {
    return this.call({ method: 'GET', path: P.backupMembers, pathParams: { backup_id: backupId }, query: { ...query } }, opts);
  }

  /** Shares a backup with 1-10 projects; each member starts `pending` until its project accepts. */
  addBackupMembers(backupId: string, projectIds: string[], opts?: CallOptions): R<BackupMembersResponse> {
    return this.call({ method: 'POST', path: P.backupMembers, pathParams: { backup_id: backupId }, body: { members: projectIds } }, opts);
  }

  /** `member_id` is the recipient's project id (204). */
  deleteBackupMember(backupId: string, projectId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.backupMember, pathParams: { backup_id: backupId, member_id: projectId }, idempotent: true }, opts);
  }

  // ---- tasks (operation logs) ------------------------------------------------------------------

  listOperationLogs(query: ListOperationLogsQuery = {}, opts?: CallOptions): R<ListOperationLogsResponse> {
    return this.call({ method: 'GET', path: P.operationLogs, query: { ...query } }, opts);
  }

  showOperationLog(operationLogId: string, opts?: CallOptions): R<OperationLogResponse> {
    return this.call({ method: 'GET', path: P.operationLog, pathParams: { operation_log_id: operationLogId } }, opts);
  }

  // ---- vault tags ------------------------------------------------------------------------------

  listVaultTags(vaultId: string, opts?: CallOptions): R<VaultTagsResponse> {
    return this.call({ method: 'GET', path: P.vaultTags, pathParams: { vault_id: vaultId } }, opts);
  }

  /** Adds one tag; an existing key is overwritten (204). */
  createVaultTag(vaultId: string, tag: KeyValueTag, opts?: CallOptions): R<undefined> {
    return this.call(
      { method: 'POST', path: P.vaultTags, pathParams: { vault_id: vaultId }, body: { tag }, idempotent: true },
      opts,
    );
  }

  deleteVaultTag(vaultId: string, key: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'DELETE', path: P.vaultTag, pathParams: { vault_id: vaultId, key }, idempotent: true }, opts);
  }

  batchVaultTags(vaultId: string, body: VaultTagsAction, opts?: CallOptions): R<undefined> {
    return this.call(
      { method: 'POST', path: P.vaultTagsAction, pathParams: { vault_id: vaultId }, body, idempotent: true },
      opts,
    );
  }

  listProjectVaultTags(opts?: CallOptions): R<ProjectVaultTagsResponse> {
    return this.call({ method: 'GET', path: P.projectVaultTags }, opts);
  }

  listVaultsByTags(body: ListVaultsByTagsRequest, opts?: CallOptions): R<ListVaultsByTagsResponse> {
    return this.call({ method: 'POST', path: P.vaultsByTags, body, idempotent: true }, opts);
  }

  // ---- protectable resources -------------------------------------------------------------------

  /** Servers or disks that can be put in a vault; `protectable.result` says whether and why not. */
  listProtectables(type: ProtectableType, query: ListProtectablesQuery = {}, opts?: CallOptions): R<ListProtectablesResponse> {
    return this.call({ method: 'GET', path: P.protectables, pathParams: { protectable_type: type }, query: { ...query } }, opts);
  }

  showProtectable(type: ProtectableType, instanceId: string, opts?: CallOptions): R<ProtectableResponse> {
    return this.call(
      { method: 'GET', path: P.protectable, pathParams: { protectable_type: type, instance_id: instanceId } },
      opts,
    );
  }
}
