import type { AttachmentRow, SnapshotRow, VolumeRow } from './rows.ts';
import { parseMap } from './rows.ts';

/** What every rendering needs besides the row. */
export interface RenderEnv {
  projectId: string;
  userId: string;
  /** EVS base URL; links point to `/volumes/` even from the custom APIs, as the seed's examples do. */
  evsBase: string;
}

type Json = Record<string, unknown>;

const EMPTY: readonly AttachmentRow[] = [];

export function links(env: RenderEnv, collection: string, id: string): Json[] {
  return [
    { href: `${env.evsBase}/v2/${env.projectId}/${collection}/${id}`, rel: 'self' },
    { href: `${env.evsBase}/${env.projectId}/${collection}/${id}`, rel: 'bookmark' },
  ];
}

export function renderAttachment(a: AttachmentRow): Json {
  return {
    server_id: a.server_id,
    attachment_id: a.id,
    attached_at: a.attached_at,
    host_name: a.host_name,
    volume_id: a.volume_id,
    device: a.device,
    id: a.volume_id,
  };
}

function imageMetadata(v: VolumeRow): Json {
  return v.image_metadata === null ? {} : (JSON.parse(v.image_metadata) as Json);
}

function encrypted(metadata: Record<string, string>): boolean {
  return metadata.__system__encrypted === '1';
}

function qos(v: VolumeRow, withVolumeId: boolean): { iops?: Json; throughput?: Json } {
  if (v.iops === null) return {};
  const out: { iops?: Json; throughput?: Json } = {
    iops: withVolumeId
      ? { frozened: false, id: v.qos_id, total_val: v.iops, volume_id: v.id }
      : { frozened: false, id: v.qos_id, total_val: v.iops },
  };
  if (v.throughput !== null) {
    out.throughput = withVolumeId
      ? { frozened: false, id: v.qos_id, total_val: v.throughput, volume_id: v.id }
      : { frozened: false, id: v.qos_id, total_val: v.throughput };
  }
  return out;
}

/** VolumeDetail of the custom APIs (6.1.3/6.1.4). `shareable` is a String there, as the SDKs model it. */
export function renderVolumeDetail(v: VolumeRow, attachments: readonly AttachmentRow[] | undefined, env: RenderEnv): Json {
  const metadata = parseMap(v.metadata);
  const out: Json = {
    id: v.id,
    links: links(env, 'volumes', v.id),
    name: v.name,
    status: v.status,
    attachments: (attachments ?? EMPTY).map(renderAttachment),
    availability_zone: v.availability_zone,
    'os-vol-host-attr:host': `pod01.${v.availability_zone}#${v.volume_type}`,
    source_volid: null,
    snapshot_id: v.snapshot_id,
    description: v.description,
    created_at: v.created_at,
    'os-vol-tenant-attr:tenant_id': env.projectId,
    volume_image_metadata: imageMetadata(v),
    volume_type: v.volume_type,
    size: v.size,
    consistencygroup_id: null,
    bootable: v.bootable ? 'true' : 'false',
    metadata,
    updated_at: v.updated_at,
    encrypted: encrypted(metadata),
    replication_status: 'disabled',
    'os-volume-replication:extended_status': null,
    'os-vol-mig-status-attr:migstat': null,
    'os-vol-mig-status-attr:name_id': null,
    shareable: v.multiattach ? 'true' : 'false',
    user_id: env.userId,
    service_type: v.service_type,
    multiattach: v.multiattach === 1,
    dedicated_storage_id: v.dedicated_storage_id,
    dedicated_storage_name: v.dedicated_storage_name,
    tags: parseMap(v.tags),
    wwn: v.wwn,
    enterprise_project_id: v.enterprise_project_id,
  };
  if (metadata['hw:passthrough'] === 'true') out.serial_number = v.wwn.slice(-20);
  const q = qos(v, false);
  if (q.iops) out.iops = q.iops;
  if (q.throughput) out.throughput = q.throughput;
  return out;
}

/** VolumeDetailForTag (6.3.5): like VolumeDetail, with a Boolean `shareable`. */
export function renderVolumeForTag(v: VolumeRow, attachments: readonly AttachmentRow[] | undefined, env: RenderEnv): Json {
  const out = renderVolumeDetail(v, attachments, env);
  out.shareable = v.multiattach === 1;
  delete out.iops;
  delete out.throughput;
  delete out.serial_number;
  return out;
}

/** CinderVolumeDetail (7.1.7/7.1.8). */
export function renderCinderVolume(v: VolumeRow, attachments: readonly AttachmentRow[] | undefined, env: RenderEnv): Json {
  const metadata = parseMap(v.metadata);
  const out: Json = {
    id: v.id,
    links: links(env, 'volumes', v.id),
    name: v.name,
    status: v.status,
    attachments: (attachments ?? EMPTY).map(renderAttachment),
    availability_zone: v.availability_zone,
    source_volid: null,
    snapshot_id: v.snapshot_id,
    description: v.description,
    bootable: v.bootable ? 'true' : 'false',
    created_at: v.created_at,
    volume_type: v.volume_type,
    metadata,
    size: v.size,
    shareable: v.multiattach === 1,
    multiattach: v.multiattach === 1,
    'os-vol-tenant-attr:tenant_id': env.projectId,
    volume_image_metadata: imageMetadata(v),
    'os-vol-host-attr:host': `pod01.${v.availability_zone}#${v.volume_type}`,
    'os-volume-replication:extended_status': null,
    consistencygroup_id: null,
    updated_at: v.updated_at,
    replication_status: 'disabled',
    user_id: env.userId,
    encrypted: encrypted(metadata),
    'os-vol-mig-status-attr:migstat': null,
    'os-vol-mig-status-attr:name_id': null,
  };
  const q = qos(v, true);
  if (q.iops) out.iops = q.iops;
  if (q.throughput) out.throughput = q.throughput;
  return out;
}

/** CreateVolumeDetail: the body of Cinder create and update (7.1.1/7.1.3). */
export function renderCinderCreated(v: VolumeRow, attachments: readonly AttachmentRow[] | undefined, env: RenderEnv): Json {
  const metadata = parseMap(v.metadata);
  return {
    id: v.id,
    links: links(env, 'volumes', v.id),
    name: v.name,
    status: v.status,
    attachments: (attachments ?? EMPTY).map(renderAttachment),
    availability_zone: v.availability_zone,
    bootable: v.bootable ? 'true' : 'false',
    encrypted: encrypted(metadata),
    created_at: v.created_at,
    description: v.description,
    volume_type: v.volume_type,
    replication_status: 'disabled',
    consistencygroup_id: null,
    source_volid: null,
    snapshot_id: v.snapshot_id,
    metadata,
    size: v.size,
    user_id: env.userId,
    updated_at: v.updated_at,
    shareable: v.multiattach === 1,
    multiattach: v.multiattach === 1,
    storage_cluster_id: null,
  };
}

export function renderVolumeSummary(v: VolumeRow, env: RenderEnv): Json {
  return { id: v.id, links: links(env, 'volumes', v.id), name: v.name };
}

function progress(status: string): string {
  return status === 'creating' || status === 'error' ? '0%' : '100%';
}

/** SnapshotDetails of the custom APIs (6.2.1/6.2.3/6.2.5). */
export function renderSnapshot(s: SnapshotRow, env: RenderEnv): Json {
  return {
    id: s.id,
    status: s.status,
    name: s.name,
    description: s.description,
    created_at: s.created_at,
    updated_at: s.updated_at,
    metadata: parseMap(s.metadata),
    volume_id: s.volume_id,
    size: s.size,
    'os-extended-snapshot-attributes:project_id': env.projectId,
    'os-extended-snapshot-attributes:progress': progress(s.status),
  };
}

/** SnapshotList (6.2.4): SnapshotDetails plus the storage-pool and service fields. */
export function renderSnapshotListItem(s: SnapshotRow, env: RenderEnv): Json {
  const out = renderSnapshot(s, env);
  out.dedicated_storage_id = s.dedicated_storage_id;
  out.dedicated_storage_name = s.dedicated_storage_name;
  out.service_type = s.service_type;
  return out;
}

/** Cinder SnapshotSummary (7.2.1/7.2.3/7.2.4). */
export function renderCinderSnapshot(s: SnapshotRow): Json {
  return {
    created_at: s.created_at,
    description: s.description,
    id: s.id,
    metadata: parseMap(s.metadata),
    name: s.name,
    size: s.size,
    status: s.status,
    updated_at: s.updated_at,
    volume_id: s.volume_id,
  };
}

/**
 * Cinder SnapshotDetail (7.2.5/7.2.6). The table types `size` as String but every example shows
 * an integer, as the SDKs' models do: integer it is.
 */
export function renderCinderSnapshotDetail(s: SnapshotRow, env: RenderEnv): Json {
  const out = renderCinderSnapshot(s);
  out['os-extended-snapshot-attributes:progress'] = progress(s.status);
  out['os-extended-snapshot-attributes:project_id'] = env.projectId;
  return out;
}
