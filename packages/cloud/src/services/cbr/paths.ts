/**
 * CBR paths (all /v3). Tag APIs use the singular `vault`; the static sub-paths (`summary`,
 * `resource_instances`) are separate constants so they are never built from an id.
 */
export const CBR_PATHS = {
  vaults: '/v3/{project_id}/vaults',
  vault: '/v3/{project_id}/vaults/{vault_id}',
  vaultsSummary: '/v3/{project_id}/vaults/summary',
  addResources: '/v3/{project_id}/vaults/{vault_id}/addresources',
  removeResources: '/v3/{project_id}/vaults/{vault_id}/removeresources',
  associatePolicy: '/v3/{project_id}/vaults/{vault_id}/associatepolicy',
  dissociatePolicy: '/v3/{project_id}/vaults/{vault_id}/dissociatepolicy',
  policies: '/v3/{project_id}/policies',
  policy: '/v3/{project_id}/policies/{policy_id}',
  checkpoints: '/v3/{project_id}/checkpoints',
  checkpoint: '/v3/{project_id}/checkpoints/{checkpoint_id}',
  backups: '/v3/{project_id}/backups',
  backup: '/v3/{project_id}/backups/{backup_id}',
  backupRestore: '/v3/{project_id}/backups/{backup_id}/restore',
  operationLogs: '/v3/{project_id}/operation-logs',
  operationLog: '/v3/{project_id}/operation-logs/{operation_log_id}',
  vaultTags: '/v3/{project_id}/vault/{vault_id}/tags',
  vaultTag: '/v3/{project_id}/vault/{vault_id}/tags/{key}',
  vaultTagsAction: '/v3/{project_id}/vault/{vault_id}/tags/action',
  projectVaultTags: '/v3/{project_id}/vault/tags',
  vaultsByTags: '/v3/{project_id}/vault/resource_instances/action',
  protectables: '/v3/{project_id}/protectables/{protectable_type}/instances',
  protectable: '/v3/{project_id}/protectables/{protectable_type}/instances/{instance_id}',
} as const;
