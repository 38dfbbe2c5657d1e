import type { CallOptions, CloudResponse } from '../../http/types.ts';
import { ServiceClient } from '../base.ts';
import type { JobIdResponse, KeyValueTag, RawJob, TagKeyRef } from '../common-types.ts';
import { ECS_PATHS as P, NOVA_MICROVERSION } from './paths.ts';
import type {
  AddNicsRequest, AttachVolumeRequest, BatchActionRequest, BlockDevicesResponse, ConsoleOutputResponse, DeleteNicsRequest,
  DetachVolumeQuery, InterfaceAttachmentsResponse, LimitsResponse, ListFlavorsResponse, ListServersByTagsRequest,
  ListServersByTagsResponse, ProjectServerTagsResponse, RebootType, ResizeServerRequest, ServerMetadataBody,
  ServerSecurityGroupsResponse, ServerTagsAction, ServerTagsResponse, VolumeAttachmentsResponse,
} from './types-ops.ts';
import type {
  CreateServersRequest, CreateServersResponse, DeleteServersRequest, ListServerNamesResponse, ListServersQuery, ListServersResponse,
  ShowServerResponse, UpdateServerRequest,
} from './types-server.ts';
import type { ChangeServerOsRequest, InstanceActionsResponse, ListKeypairsResponse, NovaServerTags, ReinstallServerRequest } from './types-os.ts';

type R<T> = Promise<CloudResponse<T>>;

const NOVA_HEADERS = { 'X-OpenStack-Nova-API-Version': NOVA_MICROVERSION };

/** ECS: servers (Nova list/detail, ECS-native jobs), disks, flavors, quotas, NICs, tags, metadata. */
export class EcsClient extends ServiceClient {
  protected readonly service = 'ecs' as const;

  // ---- servers ---------------------------------------------------------------------------------

  /** `GET /v2.1/{project_id}/servers/detail` at microversion 2.26; page with `marker` = last server id. */
  listServers(query: ListServersQuery = {}, opts?: CallOptions): R<ListServersResponse> {
    return this.call({ method: 'GET', path: P.novaServersDetail, query: { ...query }, headers: NOVA_HEADERS }, opts);
  }

  /** `GET /v2.1/{project_id}/servers`: ids and names only, the cheap way to name many servers. */
  listServerNames(query: Pick<ListServersQuery, 'limit' | 'marker'> = {}, opts?: CallOptions): R<ListServerNamesResponse> {
    return this.call({ method: 'GET', path: P.novaServers, query: { ...query } }, opts);
  }

  showServer(serverId: string, opts?: CallOptions): R<ShowServerResponse> {
    return this.call({ method: 'GET', path: P.novaServer, pathParams: { server_id: serverId }, headers: NOVA_HEADERS }, opts);
  }

  /** `PUT /v2.1/{project_id}/servers/{server_id}`: name and description only. */
  updateServer(serverId: string, body: UpdateServerRequest, opts?: CallOptions): R<ShowServerResponse> {
    return this.call(
      { method: 'PUT', path: P.novaServer, pathParams: { server_id: serverId }, body, headers: NOVA_HEADERS, idempotent: true },
      opts,
    );
  }

  /** `POST /v1/{project_id}/cloudservers` (job; `dry_run` answers 202 without creating). */
  createServers(body: CreateServersRequest, opts?: CallOptions): R<CreateServersResponse> {
    return this.call({ method: 'POST', path: P.servers, body }, opts);
  }

  /** `POST /v1/{project_id}/cloudservers/delete` (job); data disks are kept unless `delete_volume`. */
  deleteServers(body: DeleteServersRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.deleteServers, body }, opts);
  }

  batchStartServers(serverIds: readonly string[], opts?: CallOptions): R<JobIdResponse> {
    return this.batchAction({ 'os-start': { servers: refs(serverIds) } }, opts);
  }

  /** Stop; SOFT (default) or HARD. */
  batchStopServers(serverIds: readonly string[], type?: RebootType, opts?: CallOptions): R<JobIdResponse> {
    return this.batchAction({ 'os-stop': { servers: refs(serverIds), ...(type ? { type } : {}) } }, opts);
  }

  batchRebootServers(serverIds: readonly string[], type: RebootType, opts?: CallOptions): R<JobIdResponse> {
    return this.batchAction({ reboot: { servers: refs(serverIds), type } }, opts);
  }

  /** `POST /v1/{project_id}/cloudservers/action` (job), at most 1000 servers per minute. */
  batchAction(body: BatchActionRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.batchAction, body }, opts);
  }

  /** `POST /v1/{project_id}/cloudservers/{server_id}/resize` (job); the server must be stopped. */
  resizeServer(serverId: string, body: ResizeServerRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.resize, pathParams: { server_id: serverId }, body }, opts);
  }

  /** Nova `lock` action: forbids management operations until unlocked (Ecs.0605). */
  lockServer(serverId: string, opts?: CallOptions): R<undefined> {
    return this.serverAction(serverId, { lock: null }, opts);
  }

  unlockServer(serverId: string, opts?: CallOptions): R<undefined> {
    return this.serverAction(serverId, { unlock: null }, opts);
  }

  /**
   * Nova `resize` (6.3.8): a running server is stopped, migrated and restarted, then waits in
   * VERIFY_RESIZE for confirmResize or revertResize. No job: the server's status tells the outcome.
   */
  novaResizeServer(serverId: string, flavorRef: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'POST', path: P.novaServerAction, pathParams: { server_id: serverId }, body: { resize: { flavorRef } }, headers: NOVA_HEADERS }, opts);
  }

  /** `confirmResize` (6.3.9): only in VERIFY_RESIZE. */
  confirmResizeServer(serverId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'POST', path: P.novaServerAction, pathParams: { server_id: serverId }, body: { confirmResize: null }, headers: NOVA_HEADERS }, opts);
  }

  /** `revertResize` (6.3.10): only in VERIFY_RESIZE; the old flavor comes back. */
  revertResizeServer(serverId: string, opts?: CallOptions): R<undefined> {
    return this.call({ method: 'POST', path: P.novaServerAction, pathParams: { server_id: serverId }, body: { revertResize: null }, headers: NOVA_HEADERS }, opts);
  }

  /** `os-getConsoleOutput`: removed after microversion 2.5, so this call pins 2.1. `length` -1 = all. */
  showConsoleOutput(serverId: string, length: number, opts?: CallOptions): R<ConsoleOutputResponse> {
    return this.call(
      {
        method: 'POST',
        path: P.novaServerAction,
        pathParams: { server_id: serverId },
        body: { 'os-getConsoleOutput': { length } },
        headers: { 'X-OpenStack-Nova-API-Version': '2.1' },
        idempotent: true,
      },
      opts,
    );
  }

  /** `POST /v2/{project_id}/cloudservers/{server_id}/reinstallos` (job): same image, stopped server. */
  reinstallServer(serverId: string, body: ReinstallServerRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.reinstallOs, pathParams: { server_id: serverId }, body }, opts);
  }

  /** `POST /v2/{project_id}/cloudservers/{server_id}/changeos` (job): another image, stopped server. */
  changeServerOs(serverId: string, body: ChangeServerOsRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.changeOs, pathParams: { server_id: serverId }, body }, opts);
  }

  /** `GET S/os-instance-actions` (6.13.1): what was done to the server, newest first. */
  listInstanceActions(serverId: string, opts?: CallOptions): R<InstanceActionsResponse> {
    return this.call({ method: 'GET', path: P.novaInstanceActions, pathParams: { server_id: serverId }, headers: NOVA_HEADERS }, opts);
  }

  /** `GET /v2.1/{project_id}/os-keypairs` (6.11.1). */
  listKeypairs(opts?: CallOptions): R<ListKeypairsResponse> {
    return this.call({ method: 'GET', path: P.novaKeypairs, headers: NOVA_HEADERS }, opts);
  }

  private serverAction(serverId: string, body: Record<string, unknown>, opts?: CallOptions): R<undefined> {
    // lock/unlock set a state, so repeating them is harmless.
    return this.call(
      { method: 'POST', path: P.novaServerAction, pathParams: { server_id: serverId }, body, idempotent: true },
      opts,
    );
  }

  // ---- disks -----------------------------------------------------------------------------------

  /** `POST /v1/{project_id}/cloudservers/{server_id}/attachvolume` (job). */
  attachVolume(serverId: string, body: AttachVolumeRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.attachVolume, pathParams: { server_id: serverId }, body }, opts);
  }

  /** `DELETE /v1/{project_id}/cloudservers/{server_id}/detachvolume/{volume_id}` (job). */
  detachVolume(serverId: string, volumeId: string, query: DetachVolumeQuery = {}, opts?: CallOptions): R<JobIdResponse> {
    return this.call(
      {
        method: 'DELETE',
        path: P.detachVolume,
        pathParams: { server_id: serverId, volume_id: volumeId },
        query: { ...query },
        idempotent: true,
      },
      opts,
    );
  }

  /** `GET /v2.1/servers/{server_id}/block_device`: sizes, devices, boot index and bus of attached disks. */
  listBlockDevices(serverId: string, opts?: CallOptions): R<BlockDevicesResponse> {
    return this.call({ method: 'GET', path: P.blockDevices, pathParams: { server_id: serverId } }, opts);
  }

  listVolumeAttachments(serverId: string, opts?: CallOptions): R<VolumeAttachmentsResponse> {
    return this.call({ method: 'GET', path: P.novaVolumeAttachments, pathParams: { server_id: serverId } }, opts);
  }

  // ---- flavors, quotas, jobs -------------------------------------------------------------------

  /** `GET /v1/{project_id}/cloudservers/flavors`; with an AZ only sellable flavors come back. */
  listFlavors(query: { availability_zone?: string } = {}, opts?: CallOptions): R<ListFlavorsResponse> {
    return this.call({ method: 'GET', path: P.flavors, query: { ...query } }, opts);
  }

  showLimits(opts?: CallOptions): R<LimitsResponse> {
    return this.call({ method: 'GET', path: P.limits }, opts);
  }

  showJob(jobId: string, opts?: CallOptions): R<RawJob> {
    return this.call({ method: 'GET', path: P.job, pathParams: { job_id: jobId } }, opts);
  }

  // ---- NICs and security groups ----------------------------------------------------------------

  listInterfaces(serverId: string, opts?: CallOptions): R<InterfaceAttachmentsResponse> {
    return this.call({ method: 'GET', path: P.novaInterfaces, pathParams: { server_id: serverId } }, opts);
  }

  addNics(serverId: string, body: AddNicsRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.nics, pathParams: { server_id: serverId }, body }, opts);
  }

  deleteNics(serverId: string, body: DeleteNicsRequest, opts?: CallOptions): R<JobIdResponse> {
    return this.call({ method: 'POST', path: P.deleteNics, pathParams: { server_id: serverId }, body }, opts);
  }

  listSecurityGroups(serverId: string, opts?: CallOptions): R<ServerSecurityGroupsResponse> {
    return this.call({ method: 'GET', path: P.novaSecurityGroups, pathParams: { server_id: serverId } }, opts);
  }

  // ---- tags (key/value, at most 10 per server) ------------------------------------------------

  listServerTags(serverId: string, opts?: CallOptions): R<ServerTagsResponse> {
    return this.call({ method: 'GET', path: P.serverTags, pathParams: { server_id: serverId } }, opts);
  }

  batchCreateServerTags(serverId: string, tags: KeyValueTag[], opts?: CallOptions): R<undefined> {
    return this.tagsAction(serverId, { action: 'create', tags }, opts);
  }

  batchDeleteServerTags(serverId: string, tags: TagKeyRef[], opts?: CallOptions): R<undefined> {
    return this.tagsAction(serverId, { action: 'delete', tags }, opts);
  }

  private tagsAction(serverId: string, body: ServerTagsAction, opts?: CallOptions): R<undefined> {
    // Documented as idempotent: same key+value succeeds again, deleting a missing tag succeeds.
    return this.call(
      { method: 'POST', path: P.serverTagsAction, pathParams: { server_id: serverId }, body, idempotent: true },
      opts,
    );
  }

  /** `PUT S/tags` (6.15.2, microversion 2.26): replaces the 1D tags the server object shows. */
  replaceServerTags1d(serverId: string, tags: readonly string[], opts?: CallOptions): R<NovaServerTags> {
    return this.call({ method: 'PUT', path: P.novaServerTags, pathParams: { server_id: serverId }, body: { tags }, headers: NOVA_HEADERS, idempotent: true }, opts);
  }

  listProjectServerTags(opts?: CallOptions): R<ProjectServerTagsResponse> {
    return this.call({ method: 'GET', path: P.projectTags }, opts);
  }

  listServersByTags(body: ListServersByTagsRequest, opts?: CallOptions): R<ListServersByTagsResponse> {
    return this.call({ method: 'POST', path: P.serversByTags, body, idempotent: true }, opts);
  }

  // ---- metadata --------------------------------------------------------------------------------

  showServerMetadata(serverId: string, opts?: CallOptions): R<ServerMetadataBody> {
    return this.call({ method: 'GET', path: P.novaMetadata, pathParams: { server_id: serverId } }, opts);
  }

  /** `POST .../metadata`: merges the given keys. */
  updateServerMetadata(serverId: string, body: ServerMetadataBody, opts?: CallOptions): R<ServerMetadataBody> {
    return this.call({ method: 'POST', path: P.novaMetadata, pathParams: { server_id: serverId }, body, idempotent: true }, opts);
  }

  /** `PUT .../metadata`: replaces all user metadata. */
  replaceServerMetadata(serverId: string, body: ServerMetadataBody, opts?: CallOptions): R<ServerMetadataBody> {
    return this.call({ method: 'PUT', path: P.novaMetadata, pathParams: { server_id: serverId }, body, idempotent: true }, opts);
  }

  deleteServerMetadataItem(serverId: string, key: string, opts?: CallOptions): R<undefined> {
    return this.call(
      { method: 'DELETE', path: P.novaMetadataKey, pathParams: { server_id: serverId, key }, idempotent: true },
      opts,
    );
  }
}

function refs(ids: readonly string[]): Array<{ id: string }> {
  return ids.map((id) => ({ id }));
}
