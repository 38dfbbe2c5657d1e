// Reinstall and change OS (5.2.1, 5.2.2), key pairs (6.11) and the operation history (6.13).

/**
 * `os-reinstall` / `os-change`. The seed's table makes `keyname` and `userid` mandatory, yet its
 * password example sends neither; the official SDK types every field optional and adds `adminpass`.
 */
export interface ReinstallOsOption {
  adminpass?: string;
  keyname?: string;
  userid?: string;
  /** `user_data` base64, at most 32 KB before encoding. */
  metadata?: { user_data?: string };
  /** `withStopServer` stops a running server first (the seed's example; not documented). */
  mode?: 'withStopServer';
}

export interface ReinstallServerRequest {
  'os-reinstall': ReinstallOsOption;
}

export interface ChangeServerOsRequest {
  'os-change': ReinstallOsOption & { imageid: string };
}

export interface Keypair {
  name: string;
  public_key: string;
  fingerprint: string;
  /** `ssh` or `x509`, from microversion 2.2. */
  type?: string;
}

export interface ListKeypairsResponse {
  keypairs: Array<{ keypair: Keypair }>;
}

export interface InstanceAction {
  action: string;
  instance_uuid: string;
  message: string | null;
  project_id: string;
  request_id: string;
  start_time: string;
  user_id: string;
}

export interface InstanceActionsResponse {
  instanceActions: InstanceAction[];
}

export interface NovaServerTags {
  tags: string[];
}
