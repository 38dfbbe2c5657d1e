import { ApiError } from '../../server/errors.ts';
import type { ServiceDef } from '../../server/types.ts';

/**
 * EVS error codes with their HTTP status and verbatim message from appendix A.1 (seed 000:L20659-20898).
 * Where a code has several messages the one used here is named at the call site.
 */
const CODES = {
  'Common.0011': [400, 'query job fail.'],
  'EVS.1001': [400, 'null volume!'],
  'EVS.1002': [400, 'invalid volume id!'],
  'EVS.1003': [400, 'invalid volume name!'],
  'EVS.1004': [400, 'invalid volume description!'],
  'EVS.1005': [400, 'size of metadata is too large!'],
  'EVS.1006': [400, 'invalid backup id!'],
  'EVS.1007': [400, 'volume name and description can not both be empty!'],
  'EVS.1008': [400, 'null createVolume Req!'],
  'EVS.1009': [400, 'invalid volumeForCreate!'],
  'EVS.1010': [400, 'invalid volume size!'],
  'EVS.1011': [400, 'null extendVolumeReq!'],
  'EVS.1014': [400, 'volume can not be extended!'],
  'EVS.1015': [400, 'new volume Size must be greater than old Size!'],
  'EVS.1016': [400, 'Invalid input received: May specify only one of imageRef, snapshot_id, backup_id!'],
  'EVS.1018': [400, 'Type conversion error , parameter type is unexpected'],
  'EVS.1020': [400, 'invalid volume type!'],
  'EVS.1021': [400, 'the quantity of volume is invalid!'],
  'EVS.1023': [400, 'invalid filter limit!'],
  'EVS.1024': [400, 'invalid filter marker!'],
  'EVS.1034': [400, 'volume count exceeded volume count quota!'],
  'EVS.1035': [400, 'periodic volume can not be deleted!'],
  'EVS.1036': [400, 'invalid availability zone!'],
  'EVS.1039': [400, 'invalid sort_key!'],
  'EVS.1040': [400, 'invalid sort_dir!'],
  'EVS.1041': [400, 'invalid filter availability-zone!'],
  'EVS.1042': [400, 'volume gigabytes exceeded volume gigabytes quota!'],
  'EVS.1043': [400, 'encrypt and cmk and passthrough in metadata is not support when create volume from snapshot or image!'],
  'EVS.1046': [400, 'volume status must be available, error, error_extending, error_restoring, error_rollbacking when delete volume!'],
  'EVS.1047': [400, 'snapshot status must be available or error when delete snapshot!'],
  'EVS.1051': [400, 'can not batch create volume from backup!'],
  'EVS.1054': [400, 'invalid shareable parameter!'],
  'EVS.1057': [400, 'invalid hw:passthrough in metadata!'],
  'EVS.1058': [400, 'invalid metadata filter!'],
  'EVS.1061': [400, 'The Volume Tags is Exceed Max Limit Num.'],
  'EVS.1062': [400, 'invalid tag!'],
  'EVS.1063': [400, 'invalid full_clone in metadata!'],
  'EVS.1064': [400, 'volume status must be available or in-use when extending!'],
  'EVS.1065': [400, 'multiattach volume status must be available when extending!'],
  'EVS.1066': [400, 'status of ECS or BMS does not support volume online extension!'],
  'EVS.1070': [400, 'invalid request.'],
  'EVS.2041': [400, 'The encrypt Param is invalid!'],
  'EVS.2043': [400, 'The status of snapshot is not available or backing-up.'],
  'EVS.2045': [400, 'invalid snapshot_id!'],
  'EVS.2046': [400, 'invalid imageRef!'],
  'EVS.2047': [400, 'the metadata Param is not allowed to be updated!'],
  'EVS.2053': [400, 'The az information from request is invalid!'],
  'EVS.2054': [400, 'Cannot create volume from snapshot as the az is invalid!'],
  'EVS.2059': [400, 'invalid enterpriseProjectID'],
  'EVS.2070': [400, 'VolumeTypes are not supported !'],
  'EVS.2071': [400, 'Invalid input received: Availability zone [%s] do not have volume type [%s]'],
  'EVS.2072': [400, 'Volume type [%s] in availability zone [%s] is sold out !'],
  'EVS.2094': [400, 'system image is not support to create Multiattach/ shareable volume !'],
  'EVS.2096': [400, 'Target volumeType[%s] is not matched with snapshot[%s] !'],
  'EVS.2108': [400, 'Request body is invalid.'],
  'EVS.2130': [400, 'Volume is backing-up, forbidden deleting!'],
  'EVS.2142': [400, 'invalid filter limit, can not greater than 1000.'],
  'EVS.2147': [400, 'invalid bssParam.'],
  'EVS.2218': [400, 'invalid X-Client-Token in header'],
  'EVS.2219': [400, 'url/project id/body conflict with X-Client-Token'],
  'EVS.2220': [400, 'idempotent request over 8 hours from the first request.'],
  'EVS.2228': [400, 'input volume ids must not be over 60.'],
  'EVS.2229': [400, 'input server id not found at ECS.'],
  'EVS.2231': [400, 'invalid iops value, iops must between [%s, %s]'],
  'EVS.2232': [400, 'ESSD2 type must input iops and not input throughput.'],
  'EVS.2233': [400, 'GPSSD2 type must input iops and throughput.'],
  'EVS.2234': [400, 'only ESSD2 and GPSSD2 can modify qos.'],
  'EVS.2235': [400, 'only ESSD2 and GPSSD2 can set iops or throughput'],
  'EVS.5400': [400, 'Malformed request body.'],
  'EVS.5403': [403, 'Policy check failed.'],
  'EVS.5404': [404, 'Resource(Volume, Snapshot, Backup .etc) could not be found.'],
  'EVS.5413': [413, 'Insufficient volume quota.'],
  'EVS.2001': [500, 'submit job failed!'],
  'EVS.2019': [500, 'snapshot is error_deleting !'],
  'EVS.2020': [500, 'volume is error_deleting !'],
  'EVS.2024': [500, 'volume is error!'],
  'EVS.2026': [500, 'volume is error_extending!'],
  'EVS.2050': [500, 'set volume Qos failed!'],
  'EVS.5500': [500, 'Internal server error.'],
  'EVS.5503': [503, 'Service unavailable.'],
} as const satisfies Record<string, readonly [number, string]>;

export type EvsCode = keyof typeof CODES;

/**
 * An EVS error. `args` fill the `%s` holes of templated messages; `detail` is appended in
 * parentheses so a client that shows the message also learns what exactly was wrong.
 */
export function evsError(code: EvsCode, detail?: string, ...args: (string | number)[]): ApiError {
  const [status, template] = CODES[code];
  let message: string = template;
  for (const arg of args) message = message.replace('%s', String(arg));
  return new ApiError(status, code, detail ? `${message} (${detail})` : message);
}

/** EVS.5400 carries several verbatim messages (A.1); this picks one by name. */
export function evs5400(message: 'Malformed request body.' | 'Malformed request url.' | 'Request body and URI mismatch.' | 'Invalid imageRef provided.' | 'Must specify a valid status.' | 'offset param must be an integer.' | 'limit param must be an integer.' | 'limit param must be positive.', detail?: string): ApiError {
  return new ApiError(400, 'EVS.5400', detail ? `${message} (${detail})` : message);
}

export function notFound(what: string, id: string): ApiError {
  return evsError('EVS.5404', `${what} ${id} could not be found`);
}

/**
 * EVS answers every error, custom and Cinder-compatible alike, in `{"error": {"message", "code"}}`
 * (spec/evs.md §1.3: the OpenStack fault wrappers appear nowhere in the seed).
 */
export const evsService: ServiceDef = {
  name: 'evs',
  prefix: '/evs',
  errorShape: 'evs',
  malformedBody: (detail) => evs5400('Malformed request body.', detail),
  malformedUrl: (detail) => evs5400('Malformed request url.', detail),
  // The seed's Common.0018 (400) describes a URI/token project mismatch, but the gateway refuses a
  // call for a project the caller holds no role in before EVS sees it: 403, EVS's policy code.
  forbidden: () => evsError('EVS.5403', 'the project in the URL is not the project of the credentials'),
  internal: () => evsError('EVS.5500'),
};
