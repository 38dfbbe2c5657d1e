/**
 * ECS paths. ECS-native operations are /v1 (and return jobs); server list/detail come from Nova
 * /v2.1 because the seed documents no ECS-native list; block_device has no `{project_id}`.
 */
export const ECS_PATHS = {
  servers: '/v1/{project_id}/cloudservers',
  deleteServers: '/v1/{project_id}/cloudservers/delete',
  batchAction: '/v1/{project_id}/cloudservers/action',
  resize: '/v1/{project_id}/cloudservers/{server_id}/resize',
  attachVolume: '/v1/{project_id}/cloudservers/{server_id}/attachvolume',
  detachVolume: '/v1/{project_id}/cloudservers/{server_id}/detachvolume/{volume_id}',
  reinstallOs: '/v2/{project_id}/cloudservers/{server_id}/reinstallos',
  changeOs: '/v2/{project_id}/cloudservers/{server_id}/changeos',
  nics: '/v1/{project_id}/cloudservers/{server_id}/nics',
  deleteNics: '/v1/{project_id}/cloudservers/{server_id}/nics/delete',
  flavors: '/v1/{project_id}/cloudservers/flavors',
  limits: '/v1/{project_id}/cloudservers/limits',
  job: '/v1/{project_id}/jobs/{job_id}',
  serverTags: '/v1/{project_id}/servers/{server_id}/tags',
  serverTagsAction: '/v1/{project_id}/servers/{server_id}/tags/action',
  projectTags: '/v1/{project_id}/servers/tags',
  serversByTags: '/v1/{project_id}/servers/resource_instances/action',
  novaServers: '/v2.1/{project_id}/servers',
  novaServersDetail: '/v2.1/{project_id}/servers/detail',
  novaServer: '/v2.1/{project_id}/servers/{server_id}',
  novaServerAction: '/v2.1/{project_id}/servers/{server_id}/action',
  novaInterfaces: '/v2.1/{project_id}/servers/{server_id}/os-interface',
  novaVolumeAttachments: '/v2.1/{project_id}/servers/{server_id}/os-volume_attachments',
  novaSecurityGroups: '/v2.1/{project_id}/servers/{server_id}/os-security-groups',
  novaServerTags: '/v2.1/{project_id}/servers/{server_id}/tags',
  novaInstanceActions: '/v2.1/{project_id}/servers/{server_id}/os-instance-actions',
  novaKeypairs: '/v2.1/{project_id}/os-keypairs',
  novaMetadata: '/v2.1/{project_id}/servers/{server_id}/metadata',
  novaMetadataKey: '/v2.1/{project_id}/servers/{server_id}/metadata/{key}',
  blockDevices: '/v2.1/servers/{server_id}/block_device',
} as const;

/** Microversion that yields `tags`, `locked`, `description`, `host_status` without changing `flavor` (2.47). */
export const NOVA_MICROVERSION = '2.26';
