/**
 * Drives the official Node signer (@huaweicloud/huaweicloud-sdk-core AKSKSigner) the way its
 * HcClient does, and rebuilds the request its HTTP layer (axios) puts on the wire.
 */
import { stringify } from 'node:querystring';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js';
import { HttpRequestBuilder } from '@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder.js';
import type { VerifyRequest } from '../src/index.ts';

export type QueryParams = Record<string, string | string[]>;

export interface OfficialRequest {
  method: string;
  /** scheme://host[:port]/path — HcClient's `${endpoint}${url}` with path params substituted. */
  endpoint: string;
  query: QueryParams;
  /** Extra headers, as the caller would pass them. */
  headers: Record<string, string>;
  /** JSON body; the SDK hashes JSON.stringify(data). */
  data?: object;
  /** X-Sdk-Date to fix, `YYYYMMDDTHHMMSSZ`. */
  date: string;
  ak: string;
  sk: string;
  projectId?: string;
  securityToken?: string;
}

/** Headers the SDK returns (to be sent), Authorization included. */
export function officialSign(r: OfficialRequest): Record<string, string> {
  const credentials = new BasicCredentials().withAk(r.ak).withSk(r.sk);
  const headers: Record<string, string> = { ...r.headers, 'X-Sdk-Date': r.date };
  // BaseCredentials.addAuthHeaders adds these before signing.
  if (r.securityToken) headers['X-Security-Token'] = r.securityToken;
  if (r.projectId) headers['X-Project-Id'] = r.projectId;
  // The SDK sorts array values in place; hand it copies so the caller's query stays as generated.
  const query = Object.fromEntries(Object.entries(r.query).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  const request = new HttpRequestBuilder()
    .withEndpoint(r.endpoint)
    .withMethod(r.method)
    .withHeaders(headers)
    .withQueryParams(query)
    .withData(r.data)
    .build();
  return AKSKSigner.sign(request, credentials) as Record<string, string>;
}

/** Query string as DefaultHttpClient serialises it (querystring.stringify). */
export function officialQueryString(query: QueryParams): string {
  return stringify(query);
}

/** What a Node server receives for an SDK request: axios sends new URL(endpoint)'s path. */
export function officialWireRequest(r: OfficialRequest, sent: Record<string, string>): VerifyRequest {
  const qs = officialQueryString(r.query);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent)) headers[name.toLowerCase()] = value;
  return {
    method: r.method,
    url: new URL(r.endpoint).pathname + (qs ? `?${qs}` : ''),
    headers,
    ...(r.data === undefined ? {} : { body: JSON.stringify(r.data) }),
  };
}
