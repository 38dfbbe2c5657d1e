import { ApiError } from '../../server/errors.ts';
import type { ServiceDef } from '../../server/types.ts';

/**
 * VPC error codes with their HTTP status. No VPC reference is in shared/spec; the codes follow the
 * `VPC.xxxx` numbering of the cloud's VPC API (01xx VPCs, 02xx subnets, 03xx/04xx security groups, 05xx EIPs, 06xx ports, which the VPC endpoint serves too) and
 * the body is the gateway's `{"error_code", "error_msg"}`, which the official SDK parses.
 */
const CODES = {
  'VPC.0001': [400, 'Invalid parameter.'],
  'VPC.0002': [404, 'The VPC does not exist.'],
  'VPC.0003': [500, 'Internal error.'],
  'VPC.0101': [400, 'Invalid VPC CIDR block.'],
  'VPC.0102': [400, 'Invalid VPC name.'],
  'VPC.0201': [400, 'Invalid subnet CIDR block.'],
  'VPC.0202': [404, 'The subnet does not exist.'],
  'VPC.0203': [400, 'The subnet CIDR block conflicts with another subnet of the VPC.'],
  'VPC.0204': [400, 'Invalid gateway address.'],
  'VPC.0205': [400, 'Invalid subnet name.'],
  'VPC.0206': [400, 'Invalid availability zone.'],
  'VPC.0207': [400, 'Invalid DNS server address.'],
  'VPC.0301': [404, 'The security group does not exist.'],
  'VPC.0302': [400, 'Invalid security group name.'],
  'VPC.0401': [404, 'The security group rule does not exist.'],
  'VPC.0402': [400, 'Invalid security group rule.'],
  'VPC.0403': [400, 'The security group rule already exists.'],
  'VPC.0501': [404, 'The EIP does not exist.'],
  'VPC.0502': [409, 'The EIP is bound; unbind it first.'],
  'VPC.0601': [404, 'The port does not exist.'],
  'VPC.0602': [409, 'The port is in use; detach it first.'],
  'VPC.0603': [400, 'Invalid port parameter.'],
} as const satisfies Record<string, readonly [number, string]>;

export type VpcCode = keyof typeof CODES;

export function vpcError(code: VpcCode, detail?: string): ApiError {
  const [status, message] = CODES[code];
  return new ApiError(status, code, detail ? `${message} (${detail})` : message);
}

export const vpcService: ServiceDef = {
  name: 'vpc',
  prefix: '/vpc',
  errorShape: 'huawei',
  malformedBody: (detail) => vpcError('VPC.0001', detail ?? 'the body is not valid JSON'),
  malformedUrl: (detail) => vpcError('VPC.0001', detail ?? 'malformed URL'),
  forbidden: () => new ApiError(403, 'VPC.0004', 'The project in the URL is not the caller\'s project.'),
  internal: () => vpcError('VPC.0003'),
};
