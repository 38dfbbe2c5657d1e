import { verify } from '@console/signer';
import type { IncomingHttpHeaders } from 'node:http';
import { unauthorized, type ApiError } from '../server/errors.ts';
import type { Identity } from '../server/types.ts';
import type { Account } from './account.ts';
import type { TokenService } from './tokens.ts';

export interface AuthRequest {
  method: string;
  /** Path and raw query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer | undefined;
}

/** The gateway's 15-minute window between X-Sdk-Date and server time. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Accepts an IAM token (`X-Auth-Token`) or an SDK-HMAC-SHA256 signature over the header set the
 * client declares. Signature skew is measured against the real wall clock, not the emulator
 * clock: clients stamp X-Sdk-Date with their own real time, and a frozen or advanced emulator clock
 * must not make every correctly signed request "expired".
 */
export class Authenticator {
  private readonly lookup: (ak: string) => string | undefined;
  private readonly accountIdentity: Omit<Identity, 'method' | 'projectId'>;

  constructor(
    private readonly account: Account,
    private readonly tokens: TokenService,
  ) {
    this.lookup = (ak) => (ak === account.ak ? account.sk : undefined);
    this.accountIdentity = {
      userId: account.userId,
      userName: account.userName,
      domainId: account.domainId,
      domainName: account.domainName,
    };
  }

  authenticate(req: AuthRequest): Identity | ApiError {
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string' && token !== '') return this.byToken(token);
    if (req.headers.authorization !== undefined) return this.bySignature(req);
    return unauthorized('the request carries neither an X-Auth-Token header nor an SDK-HMAC-SHA256 Authorization header');
  }

  private byToken(token: string): Identity | ApiError {
    const check = this.tokens.check(token);
    if (!check.ok) return unauthorized(check.reason === 'expired' ? 'token expired' : 'decrypt token fail');
    if (check.claims.userId !== this.account.userId) return unauthorized('the token belongs to an unknown user');
    return { method: 'token', ...this.accountIdentity, projectId: check.claims.projectId };
  }

  private bySignature(req: AuthRequest): Identity | ApiError {
    const result = verify({ method: req.method, url: req.url, headers: req.headers, body: req.body }, this.lookup, { maxSkewMs: MAX_SKEW_MS });
    if (!result.ok) {
      const detail =
        result.reason === 'unknown_ak'
          ? `ak ${akOf(req.headers.authorization)} not exist`
          : result.reason === 'mismatch'
            ? `verify aksk signature fail, ${result.message}`
            : result.message;
      return unauthorized(detail);
    }
    // An AK belongs to the account, not to a project: the project is whichever the URL names,
    // and X-Project-Id, when signed in, must agree with it (checked by the pipeline).
    const declared = req.headers['x-project-id'];
    return {
      method: 'aksk',
      ...this.accountIdentity,
      projectId: typeof declared === 'string' && declared !== '' ? declared : this.account.projectId,
      ak: result.ak,
    };
  }
}

function akOf(authorization: string | string[] | undefined): string {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  return /Access=([^,\s]+)/.exec(value ?? '')?.[1] ?? '';
}
