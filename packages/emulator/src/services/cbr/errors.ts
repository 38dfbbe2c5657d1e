import { ApiError } from '../../server/errors.ts';
import type { ServiceDef } from '../../server/types.ts';

/** CBR error codes with HTTP status and the message column of the error table (seed 004:L10719-10950). */
const CODES = {
  'BackupService.0001': [400, 'No resource is available for backup.'],
  'BackupService.1001': [500, 'Replication is not allowed in the current backup status.'],
  'BackupService.1002': [500, 'Replication is not allowed for the current type of backups.'],
  'BackupService.1003': [500, 'Replication is not allowed because the backup source is not an ECS.'],
  'BackupService.1004': [500, 'Replication is not allowed because the source server of the backup does not contain any system disk.'],
  'BackupService.1005': [500, 'The destination region does not support replication.'],
  'BackupService.1009': [500, 'The backup is being replicated or has been replicated to the destination region.'],
  'BackupService.1011': [400, 'The destination project does not support replication.'],
  'BackupService.4001': [404, 'The migration record does not exist.'],
  'BackupService.4003': [400, 'Migrated tenants cannot use CSBS and VBS.'],
  'BackupService.4006': [500, 'Failed to migrate the backup in an intermediate status.'],
  'BackupService.2002': [400, 'The resource is being backed up. Restore the resource after the backup is complete.'],
  'BackupService.2003': [400, 'Restoration to a different server is not allowed.'],
  'BackupService.2005': [400, 'Restoration is not allowed in the current backup status.'],
  'BackupService.2001': [400, 'Restoration cannot be executed because the size of the disk on the server is smaller than the backup size.'],
  'BackupService.2010': [400, 'The resource is being restored.'],
  'BackupService.2011': [400, 'Restoration is not allowed in the current disk status.'],
  'BackupService.6002': [404, 'The vault is not applied with the policy.'],
  'BackupService.6000': [404, 'The policy does not exist.'],
  'BackupService.6101': [400, 'Invalid vault capacity.'],
  'BackupService.6102': [400, 'The vault does not support this resource type.'],
  'BackupService.6103': [400, 'The resource has been associated with a vault.'],
  'BackupService.6104': [400, 'Duplicate vault resources.'],
  'BackupService.6105': [404, 'The vault does not exist.'],
  'BackupService.6110': [400, 'The vault cannot be updated.'],
  'BackupService.6111': [400, 'The vault cannot be deleted.'],
  'BackupService.6112': [400, 'Invalid vault status.'],
  'BackupService.6113': [400, 'Backup is not allowed in the current vault status.'],
  'BackupService.6114': [400, 'The used capacity of the vault exceeds the maximum capacity.'],
  'BackupService.6116': [400, 'Unsupported resource type.'],
  'BackupService.6117': [400, 'Unknown policy type.'],
  'BackupService.6127': [400, 'This policy cannot be applied to this vault.'],
  'BackupService.6135': [400, 'The resource does not exist in the vault.'],
  'BackupService.6200': [404, 'The backup does not exist.'],
  'BackupService.6201': [400, 'The backup cannot be deleted.'],
  'BackupService.6202': [400, 'Backups can be used for restoration only when the vault status is Available.'],
  'BackupService.6216': [400, 'The backup cannot be deleted because it is in use.'],
  'BackupService.6217': [404, 'The backup restore point does not exist.'],
  'BackupService.6302': [404, 'The resource does not exist.'],
  'BackupService.6500': [404, 'The operation log does not exist.'],
  'BackupService.6600': [400, 'The maximum number of tags has been reached for the resource.'],
  'BackupService.6601': [404, 'The key does not exist.'],
  'BackupService.6700': [400, 'Only cloud server backups can be shared.'],
  'BackupService.6702': [400, 'Only backups in the Available status can be shared.'],
  'BackupService.6704': [400, 'Invalid project ID of the tenant for sharing.'],
  'BackupService.6705': [404, 'The share member does not exist.'],
  'BackupService.6714': [400, 'A shared backup cannot be shared to the same member again.'],
  'BackupService.7000': [404, 'The disk does not exist.'],
  'BackupService.7003': [400, 'Backup is not allowed in the current disk status.'],
  'BackupService.7005': [400, 'The disk has been associated with VBS.'],
  'BackupService.7006': [400, 'The disk already exists in the vault.'],
  'BackupService.7100': [404, 'The server does not exist.'],
  'BackupService.7101': [400, 'Backup is not allowed in the current server status.'],
  'BackupService.7108': [400, 'Backup is not allowed for servers containing no disks.'],
  'BackupService.7116': [400, 'The server has been associated with the vault.'],
  'BackupService.6119': [400, 'The destination vault does not support replication.'],
  'BackupService.6120': [400, 'The destination vault does not exist.'],
  'BackupService.6128': [400, 'Replication is not allowed for the current type of vaults.'],
  'BackupService.6124': [400, 'Backup is not allowed for the current type of vaults.'],
  'BackupService.6125': [400, 'A backup task is in progress.'],
  'BackupService.6134': [400, 'Resources are being removed from the vault.'],
  'BackupService.8600': [403, 'Not authenticated.'],
  'BackupService.9900': [400, 'Parameter verification failed.'],
  'BackupService.9910': [500, 'Unknown error.'],
} as const satisfies Record<string, readonly [number, string]>;

export type CbrCode = keyof typeof CODES;

/** A CBR error; `detail` says what exactly was wrong, appended to the table's message. */
export function cbrError(code: CbrCode, detail?: string): ApiError {
  const [status, message] = CODES[code];
  return new ApiError(status, code, detail ? `${message} (${detail})` : message);
}

/** BackupService.9900 is CBR's answer to every malformed parameter. */
export function invalid(detail: string): ApiError {
  return cbrError('BackupService.9900', detail);
}

export function isCbrCode(code: string): code is CbrCode {
  return code in CODES;
}

export const cbrService: ServiceDef = {
  name: 'cbr',
  prefix: '/cbr',
  errorShape: 'huawei',
  malformedBody: (detail) => invalid(detail ?? 'the body is not valid JSON'),
  malformedUrl: (detail) => invalid(detail ?? 'malformed URL'),
  forbidden: () => cbrError('BackupService.8600', 'the project in the URL is not the project of the credentials'),
  internal: () => cbrError('BackupService.9910'),
};
