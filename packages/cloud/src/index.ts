import { CloudHttp } from './http/client.ts';
import type { CloudHttpOptions } from './http/types.ts';
import type { CloudProfile } from './profile.ts';
import { CbrClient } from './services/cbr/client.ts';
import { EcsClient } from './services/ecs/client.ts';
import { EvsClient } from './services/evs/client.ts';
import { IamClient } from './services/iam/client.ts';
import { VbsClient } from './services/vbs/client.ts';
import { ImsClient } from './services/ims/client.ts';
import { VpcClient } from './services/vpc/client.ts';

export interface CloudClients {
  iam: IamClient;
  evs: EvsClient;
  ecs: EcsClient;
  cbr: CbrClient;
  vbs: VbsClient;
  ims: ImsClient;
  vpc: VpcClient;
  /** The shared HTTP core, for calls no typed method covers yet. */
  http: CloudHttp;
}

/** Typed clients for one cloud profile; they share one HTTP core, so one retry policy and one observer. */
export function createCloudClients(profile: CloudProfile, opts: CloudHttpOptions = {}): CloudClients {
  const http = new CloudHttp(profile, opts);
  return {
    iam: new IamClient(http),
    evs: new EvsClient(http),
    ecs: new EcsClient(http),
    cbr: new CbrClient(http),
    vbs: new VbsClient(http),
    ims: new ImsClient(http),
    vpc: new VpcClient(http),
    http,
  };
}

export { CloudHttp } from './http/client.ts';
export type {
  CallOptions, CallRecord, CloudHttpOptions, CloudRequest, CloudResponse, HttpMethod, QueryParams, QueryValue, RetryOptions,
} from './http/types.ts';
export { backoffDelay, parseRetryAfter, resolveRetryPolicy } from './http/retry.ts';
export type { RetryPolicy } from './http/retry.ts';
export { encodeRfc3986 } from './http/url.ts';
export { CloudError, errorFromResponse, isCloudError, parseErrorBody, pickRequestId } from './errors.ts';
export type { CloudErrorInit, CloudErrorKind, ErrorDetail, ErrorShape, ParsedErrorBody } from './errors.ts';
export { SERVICE_NAMES, huaweiCloudEndpoints } from './profile.ts';
export type { CloudCredentials, CloudProfile, ServiceName } from './profile.ts';
export { normalizeJob, normalizeJobStatus } from './jobs.ts';
export type { JobStatus, NormalizedJob, NormalizedSubJob } from './jobs.ts';

export { IamClient } from './services/iam/client.ts';
export type { PasswordTokenResult } from './services/iam/client.ts';
export { EvsClient } from './services/evs/client.ts';
export type { CreateDisksOptions } from './services/evs/client.ts';
export { EcsClient } from './services/ecs/client.ts';
export { CbrClient } from './services/cbr/client.ts';
export { VbsClient } from './services/vbs/client.ts';
export { ImsClient } from './services/ims/client.ts';
export { VpcClient } from './services/vpc/client.ts';
export { IAM_PATHS } from './services/iam/paths.ts';
export { EVS_PATHS } from './services/evs/paths.ts';
export { ECS_PATHS, NOVA_MICROVERSION } from './services/ecs/paths.ts';
export { CBR_PATHS } from './services/cbr/paths.ts';
export { VBS_PATHS } from './services/vbs/paths.ts';
export { IMS_PATHS } from './services/ims/paths.ts';
export { VPC_PATHS } from './services/vpc/paths.ts';

export type * from './services/common-types.ts';
export type * as IamTypes from './services/iam/types.ts';
export type * as EvsTypes from './services/evs/types.ts';
export type * as EcsTypes from './services/ecs/types.ts';
export type * as CbrTypes from './services/cbr/types.ts';
export type * as VbsTypes from './services/vbs/types.ts';
export type * as ImsTypes from './services/ims/types.ts';
export type * as VpcTypes from './services/vpc/types.ts';
