/**
 * VBS paths: everything /v2 except the job query (/v1). Backup list/show/delete are not in the
 * seed; they follow the OpenStack-native paths the same API exposes elsewhere (vbs-cinder.md §11).
 */
export const VBS_PATHS = {
  cloudBackups: '/v2/{project_id}/cloudbackups',
  cloudBackupRestore: '/v2/{project_id}/cloudbackups/{backup_id}/restore',
  job: '/v1/{project_id}/jobs/{job_id}',
  backupsDetail: '/v2/{project_id}/backups/detail',
  backup: '/v2/{project_id}/backups/{backup_id}',
  policies: '/v2/{project_id}/backuppolicy',
  policy: '/v2/{project_id}/backuppolicy/{policy_id}',
  policyAction: '/v2/{project_id}/backuppolicy/{policy_id}/action',
  policyTasks: '/v2/{project_id}/backuppolicy/{policy_id}/backuptasks',
  bindResources: '/v2/{project_id}/backuppolicyresources',
  unbindResources: '/v2/{project_id}/backuppolicyresources/{policy_id}/deleted_resources',
} as const;
