import { ApiError } from '../../server/errors.ts';
import type { Handler, RouteSpec, ServiceDef } from '../../server/types.ts';

/** ECS error codes with HTTP status and verbatim message from appendix A.2 (seed 001:L12837-13047). */
const CODES = {
  'Ecs.0001': [400, 'Insufficient ECS quota. Contact customer service to increase quota.'],
  'Ecs.0005': [400, 'Invalid parameter values. Contact customer service.'],
  'Ecs.0009': [400, 'Another flavor must be used for resizing.'],
  'Ecs.0010': [400, 'The private IP address is already being used. Select another IP address.'],
  'Ecs.0011': [400, 'Ensure the password meets the password complexity requirements.'],
  'Ecs.0012': [400, 'The subnet does not contain enough IP addresses. Release some IP addresses or select a different subnet.'],
  'Ecs.0013': [400, 'The current EIP quota limit has been reached. Apply to increase the quota.'],
  'Ecs.0014': [400, 'Incorrect VPC, subnet, or security group parameter values.'],
  'Ecs.0015': [400, 'Invalid disk type for this type of ECS. Select a valid disk type and try again.'],
  'Ecs.0022': [400, 'Insufficient ECS group quota. Contact customer service to increase quota.'],
  'Ecs.0023': [400, 'project_id in token mismatches with project_id in url.'],
  'Ecs.0029': [400, 'The flavor does not exist.'],
  'Ecs.0031': [400, 'The image does not exist.'],
  'Ecs.0032': [400, 'The image is not in Active state.'],
  'Ecs.0038': [400, 'The subnet does not exist.'],
  'Ecs.0039': [400, 'The specified IP address does not belong to the subnet.'],
  'Ecs.0041': [400, 'Invalid description field.'],
  'Ecs.0042': [400, 'The number of attached data disks exceeds the maximum allowed limit.'],
  'Ecs.0045': [400, 'The bandwidth exceeds the maximum allowed limit.'],
  'Ecs.0057': [400, 'The disk has already been attached to the ECS and you cannot repeatedly attach it.'],
  'Ecs.0064': [400, 'The VPC ID in the request is inconsistent with that in the main subnet ID.'],
  'Ecs.0100': [400, 'The ECS status does not meet requirements. Make the ECS in the required status and try again.'],
  'Ecs.0101': [400, 'The system disk is currently unresponsive. Try again later or contact customer service.'],
  'Ecs.0103': [400, 'The disk can be attached to a server only if it exists and the state must be in the available. Make sure the disk state is available and try again.'],
  'Ecs.0104': [400, 'The number of EVS disks that can be attached to the ECS exceeds the maximum number allowed. Decrease the number of EVS disks to be attached and try again.'],
  'Ecs.0105': [400, 'No system disk found. Attach the system disk to the ECS and try again.'],
  'Ecs.0111': [400, 'The EVS disk has been detached from the ECS. Refresh the disk list and check the disk.'],
  'Ecs.0121': [400, 'The disk cannot be attached to the ECS because the disk and the ECS are in different failure domains.'],
  'Ecs.0114': [404, 'The ECS does not exist.'],
  'Ecs.0118': [400, 'The number of ECSs exceeds the maximum allowed limit.'],
  'Ecs.0226': [400, 'Failed to start.'],
  'Ecs.0227': [400, 'Failed to reboot.'],
  'Ecs.0314': [400, 'The key pair does not exist. Refresh the key pair list and check key pair'],
  'Ecs.0603': [501, 'The commands are being executed. Try again later.'],
  'Ecs.0605': [400, 'ECS locked.'],
  'Ecs.0614': [404, 'The ECS does not exist.'],
  'Ecs.0810': [400, 'The ECS flavor is the same as the target flavor.'],
  'Ecs.0905': [400, 'The number of tags exceeds the maximum allowed limit.'],
  'Ecs.0906': [400, 'Failed to comply with tag character set specifications.'],
  'Ecs.0907': [400, 'Invalid tag character set.'],
  'Ecs.0908': [400, 'The tag key cannot be duplicate.'],
  'Ecs.0913': [400, 'The number of ECSs to be created exceeds the maximum allowed limit'],
  'Ecs.0914': [400, 'The length of the ECS name exceeds the maximum allowed limit.'],
  'Ecs.0919': [400, 'The NIC has been attached to another instance.'],
  'Ecs.0915': [400, 'The length of the ECS name exceeds the maximum allowed limit.'],
  'Common.0002': [400, 'The request body cannot be left blank.'],
  'Common.0011': [400, 'Failed to query system tasks.'],
  'Common.0001': [500, 'A system exception occurred. Try again later or contact customer service.'],
} as const satisfies Record<string, readonly [number, string]>;

export type EcsCode = keyof typeof CODES;

/** An ECS error; `detail` is appended so a client learns exactly what was wrong. */
export function ecsError(code: EcsCode, detail?: string): ApiError {
  const [status, message] = CODES[code];
  return new ApiError(status, code, detail ? `${message} (${detail})` : message);
}

export const ecsService: ServiceDef = {
  name: 'ecs',
  prefix: '/ecs',
  // ECS-native APIs answer `{"error": {"message", "code"}}` (10.3.1), the shape EVS also uses.
  errorShape: 'evs',
  malformedBody: (detail) => ecsError('Ecs.0005', detail ?? 'request body is illegal.'),
  malformedUrl: (detail) => ecsError('Ecs.0005', detail),
  forbidden: () => ecsError('Ecs.0023'),
  internal: () => ecsError('Common.0001'),
};

/**
 * Nova routes answer OpenStack fault wrappers (`{"badRequest": {"message", "code": 400}}`); the ECS
 * code, which such bodies have no field for, stays readable at the end of the message.
 */
export function novaRoute(route: RouteSpec): RouteSpec {
  const inner: Handler = route.handler;
  const handler: Handler = (ctx) => {
    try {
      const out = inner(ctx);
      return out instanceof Promise ? out.catch((err: unknown) => Promise.reject(toNova(err))) : out;
    } catch (err) {
      throw toNova(err);
    }
  };
  return { ...route, handler, openstack: true };
}

function toNova(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.shape !== undefined) return err;
  const status = err.status === 501 ? 409 : err.status;
  return new ApiError(status, err.code, `${err.message} [${err.code}]`, 'openstack');
}

export function novaNotFound(what: string): ApiError {
  return new ApiError(404, 'itemNotFound', `${what} could not be found.`, 'openstack');
}

export function novaBad(message: string): ApiError {
  return new ApiError(400, 'badRequest', message, 'openstack');
}
