/** A project a backup is shared with (seed 004 §4.4, L3295-3727). */
export interface BackupMember {
  /** The share record. */
  id: string;
  backup_id: string;
  /** The recipient project; also the member id in the member paths. */
  dest_project_id: string;
  status: 'pending' | 'accepted' | 'rejected';
  /** The recipient's vault, once accepted. */
  vault_id?: string;
  image_id?: string;
  created_at: string;
  updated_at: string;
}

export interface ListBackupMembersQuery {
  dest_project_id?: string;
  limit?: number;
  offset?: number;
  marker?: string;
  sort?: string;
  status?: BackupMember['status'];
  vault_id?: string;
}

export interface BackupMembersResponse {
  members: BackupMember[];
  count: number;
}
