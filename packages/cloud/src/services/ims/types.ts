/**
 * IMS bodies with the wire names of the official SDK's `ImageInfo` / `ListImagesRequest` models: the
 * image's own attributes carry a double underscore (`__os_type`, `__platform`, `__imagetype`).
 */

export type ImageOsType = 'Linux' | 'Windows' | 'Other';
/** `gold` = public images of the cloud, `private` = the project's own, `shared` = shared with it. */
export type ImageType = 'gold' | 'private' | 'shared' | 'market';
export type ImageStatus = 'queued' | 'saving' | 'deleted' | 'killed' | 'active';

export interface ImageInfo {
  id: string;
  name: string;
  status: ImageStatus | (string & {});
  visibility: 'public' | 'private' | (string & {});
  owner: string;
  /** GiB. */
  min_disk: number;
  /** MiB; 0 when not set. */
  min_ram: number;
  /** Bytes; the SDK models it as a number, the sizes the cloud shows come in `__image_size` as a string. */
  size?: number;
  created_at: string;
  updated_at: string;
  active_at?: string;
  protected: boolean;
  tags: string[];
  container_format: string;
  disk_format?: string;
  virtual_env_type: 'FusionCompute' | 'Ironic' | 'DataImage' | (string & {});
  virtual_size: number;
  enterprise_project_id: string;
  self: string;
  file?: string;
  schema?: string;
  checksum?: string;
  max_ram?: string;
  hw_firmware_type?: 'bios' | 'uefi';
  __imagetype: ImageType | (string & {});
  __os_type: ImageOsType | (string & {});
  __platform: string;
  __os_version: string;
  __os_bit: '32' | '64' | (string & {});
  __image_size: string;
  __isregistered: 'true' | 'false';
  __description: string;
  __data_origin?: string;
  __backup_id?: string;
  __originalimagename?: string;
  __image_source_type?: 'uds' | 'swift' | (string & {});
  __support_kvm?: string;
  __support_xen?: string;
  __support_arm?: string;
  __is_offshelved?: string;
  __lazyloading?: string;
  __root_origin?: string;
  __sequence_num?: string;
  __support_agent_list?: string;
}

/** `GET /v2/cloudimages` query: the filters the console uses and the paging. */
export interface ListImagesQuery {
  __imagetype?: ImageType;
  __os_type?: ImageOsType;
  __platform?: string;
  __os_bit?: '32' | '64';
  __isregistered?: 'true' | 'false';
  name?: string;
  id?: string;
  status?: ImageStatus;
  visibility?: 'public' | 'private';
  owner?: string;
  min_disk?: number;
  min_ram?: number;
  protected?: boolean;
  virtual_env_type?: string;
  flavor_id?: string;
  architecture?: 'x86' | 'arm';
  sort_key?: 'created_at' | 'name' | 'container_format' | 'disk_format' | 'status' | 'id' | 'size';
  sort_dir?: 'asc' | 'desc';
  /** Default 500 at most per page. */
  limit?: number;
  /** The last image id of the previous page. */
  marker?: string;
}

export interface ListImagesResponse {
  images: ImageInfo[];
  page_info?: { next_marker?: string };
}

/** `POST /v2/cloudimages/action`: a private image from a server's system disk (a job). */
export interface CreateImageRequest {
  name: string;
  instance_id: string;
  description?: string;
  min_ram?: number;
  max_ram?: number;
}
