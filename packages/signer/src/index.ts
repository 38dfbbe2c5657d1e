export { sign, signDetailed } from './sign.ts';
export type { SignCredentials, SignDetails, SignOptions, SignRequest } from './sign.ts';
export { verify } from './verify.ts';
export type { VerifyFailureReason, VerifyOptions, VerifyRequest, VerifyResult } from './verify.ts';
export { formatSdkDate, parseSdkDate } from './date.ts';
export {
  ALGORITHM, UNSIGNED_PAYLOAD, canonicalQueryString, canonicalRequest, canonicalUri, hashPayload, signedHeaderList, stringToSign,
} from './canonical.ts';
export type { CanonicalRequestParts } from './canonical.ts';
export { formatAuthorization, parseAuthorization } from './authorization.ts';
export type { ParsedAuthorization } from './authorization.ts';
export { nodeSdkCanonicalUri } from './node-sdk-path.ts';
export { splitUrl } from './url.ts';
export type { UrlParts } from './url.ts';
export { EMPTY_BODY_SHA256 } from './digest.ts';
