import { ApiError } from '../../server/errors.ts';
import type { ServiceDef } from '../../server/types.ts';

/** VBS error codes with HTTP status and verbatim message (seed 003 §7.2, L2872-3023). */
const CODES = {
  'common.0011': [404, 'query job fail'],
  'VolumeBackup.0002': [400, 'api request parameter instance null'],
  'VolumeBackup.0003': [400, 'api request parameter name over length'],
  'VolumeBackup.0004': [400, 'api request parameter name invalid character'],
  'VolumeBackup.0005': [400, 'api request parameter name invalid prefix'],
  'VolumeBackup.0006': [400, 'api request parameter description is invalid'],
  'VolumeBackup.0007': [400, 'api request parameter name is null'],
  'VolumeBackup.0010': [400, 'api request parameter volume_id null'],
  'VolumeBackup.0011': [400, 'api request parameter volume_id invalid UUID pattern'],
  'VolumeBackup.0012': [400, 'volume status is not available or in-use'],
  'VolumeBackup.0013': [400, "volume's last backup progress is not finished"],
  'VolumeBackup.0021': [404, 'volume not exists'],
  'VolumeBackup.0049': [400, 'api request tag parameter is invalid'],
  'VolumeBackup.0050': [400, 'The number of tags exceeded'],
  'VolumeBackup.0089': [400, 'backup status is not available'],
  'VolumeBackup.0111': [404, 'the volume info or backup detail is not exist'],
  'VolumeBackup.0113': [400, 'The backup has been made as an image, cannot delete it'],
  'VolumeBackup.0202': [400, 'restore backup volume error'],
  'VolumeBackup.0203': [400, 'api request parameter backup_id null'],
  'VolumeBackup.0204': [400, 'api request parameter backup_id invalid UUID pattern'],
  'VolumeBackup.0205': [400, 'volume for restore state is not available'],
  'VolumeBackup.0206': [400, 'volume for restore is creating backup'],
  'VolumeBackup.0208': [400, 'volumeID in body is null or empty'],
  'VolumeBackup.0209': [400, 'volume size is less than backup size'],
  'VolumeBackup.0210': [400, 'body in request is empty'],
  'AutoBackup.0000': [400, 'request body is empty'],
  'AutoBackup.0001': [400, 'request body exist empty structure'],
  'AutoBackup.0006': [400, 'request policy id is empty'],
  'AutoBackup.0008': [400, 'convert request to JSON object failed'],
  'AutoBackup.0009': [500, 'internal error'],
  'AutoBackup.0101': [400, 'backup policy name length is illegal'],
  'AutoBackup.0102': [400, 'backup policy name is invalid'],
  'AutoBackup.0103': [400, 'schedule policy start time format error'],
  'AutoBackup.0104': [400, 'schedule policy status is illegal'],
  'AutoBackup.0105': [400, 'schedule policy remain firstbackup of cur month is illegal'],
  'AutoBackup.0106': [400, 'schedule policy frequency is out of range'],
  'AutoBackup.0107': [400, 'schedule policy retention num is out of range'],
  'AutoBackup.0108': [400, 'schedule policy retention day is out of range'],
  'AutoBackup.0109': [400, 'schedule policy week frequency is illegal, must in(SUN, MON, TUE, WED, THU, FRI, SAT)'],
  'AutoBackup.0203': [400, 'backup policy num over limit'],
  'AutoBackup.0205': [404, 'policyId is not exist'],
  'AutoBackup.0207': [400, 'resource to bind is empty'],
  'AutoBackup.0209': [400, 'resource id or resource name is empty'],
  'AutoBackup.0211': [400, 'bad resource type'],
  'AutoBackup.0221': [400, 'The request contains invalid parameters'],
  'AutoBackup.0222': [400, 'Only specified action is supported'],
  'AutoBackup.0225': [400, 'the backup policy is being executed, failed to execute the backup task'],
} as const satisfies Record<string, readonly [number, string]>;

export type VbsCode = keyof typeof CODES;

export function vbsError(code: VbsCode, detail?: string): ApiError {
  const [status, message] = CODES[code];
  return new ApiError(status, code, detail ? `${message} (${detail})` : message);
}

/** VBS answers `{"error": {"message", "code"}}` in every API section of the seed (the `evs` shape). */
export const vbsService: ServiceDef = {
  name: 'vbs',
  prefix: '/vbs',
  errorShape: 'evs',
  malformedBody: (detail) => vbsError('AutoBackup.0008', detail),
  malformedUrl: (detail) => vbsError('AutoBackup.0008', detail ?? 'malformed URL'),
  forbidden: () => new ApiError(403, 'VolumeBackup.0042', 'user role is not allowed for this action'),
  internal: () => vbsError('AutoBackup.0009'),
};
