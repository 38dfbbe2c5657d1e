import type { Ims, ImsImageRow } from './model.ts';
import { metadataOf, PUBLIC_OWNER } from './model.ts';

const imsTime = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** An image with the wire names of the official SDK's `ImageInfo` (list) and Glance show view. */
export function renderImage(ims: Ims, r: ImsImageRow): Record<string, unknown> {
  const m = metadataOf(r);
  const imagetype = m.__imagetype ?? 'private';
  const gold = imagetype === 'gold';
  return {
    __backup_id: '',
    __data_origin: r.source ?? '',
    __description: r.description,
    __image_size: String(r.size_bytes),
    __image_source_type: m.__image_source_type ?? 'uds',
    __imagetype: imagetype,
    __isregistered: m.__isregistered ?? 'true',
    __originalimagename: '',
    __os_bit: m.__os_bit ?? '64',
    __os_type: m.__os_type ?? 'Other',
    __os_version: m.__os_version ?? r.name,
    __platform: m.__platform ?? 'Other',
    __support_kvm: m.__support_kvm ?? 'true',
    __support_arm: m.__support_arm ?? 'false',
    __is_offshelved: 'false',
    __lazyloading: 'true',
    __root_origin: 'file',
    __sequence_num: '0',
    __support_agent_list: 'hss,ces',
    checksum: 'd41d8cd98f00b204e9800998ecf8427e',
    container_format: m.container_format ?? 'bare',
    disk_format: m.disk_format ?? 'zvhd2',
    created_at: imsTime(r.created_ms),
    updated_at: imsTime(r.updated_ms || r.created_ms),
    active_at: imsTime(r.updated_ms || r.created_ms),
    enterprise_project_id: '0',
    file: `/v2/images/${r.id}/file`,
    id: r.id,
    min_disk: r.min_disk,
    min_ram: r.min_ram,
    max_ram: '',
    name: r.name,
    owner: gold ? PUBLIC_OWNER : ims.rt.account.projectId,
    protected: gold,
    schema: '/v2/schemas/image',
    self: `/v2/images/${r.id}`,
    size: r.size_bytes,
    status: r.status,
    tags: [],
    virtual_env_type: r.system === 1 ? (m.virtual_env_type ?? 'FusionCompute') : 'DataImage',
    virtual_size: 0,
    visibility: gold ? 'public' : 'private',
    hw_firmware_type: 'bios',
  };
}
