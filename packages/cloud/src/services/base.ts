import type { CloudHttp } from '../http/client.ts';
import type { CallOptions, CloudRequest, CloudResponse } from '../http/types.ts';
import type { ServiceName } from '../profile.ts';

type ServiceRequest = Omit<CloudRequest, 'service' | 'timeoutMs' | 'signal' | 'context'>;

/** Later headers win over earlier ones whatever their spelling; the signer refuses a name given twice. */
function mergeHeaders(
  fixed: Record<string, string> | undefined,
  extra: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!extra) return fixed;
  if (!fixed) return extra;
  const merged: Record<string, string> = {};
  const overridden = new Set(Object.keys(extra).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(fixed)) if (!overridden.has(name.toLowerCase())) merged[name] = value;
  return Object.assign(merged, extra);
}

/**
 * Shared plumbing of the per-service clients. Every method resolves to the full CloudResponse so
 * that callers can record the upstream request id of successful calls too (the audit log needs it).
 */
export abstract class ServiceClient {
  protected abstract readonly service: ServiceName;
  protected readonly http: CloudHttp;

  constructor(http: CloudHttp) {
    this.http = http;
  }

  protected call<T>(req: ServiceRequest, opts?: CallOptions): Promise<CloudResponse<T>> {
    const headers = mergeHeaders(req.headers, opts?.headers);
    return this.http.request<T>({ ...opts, ...req, ...(headers ? { headers } : {}), service: this.service });
  }
}
