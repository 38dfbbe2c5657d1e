import type { CallOptions, CloudResponse } from '../../http/types.ts';
import { ServiceClient } from '../base.ts';
import { IAM_PATHS } from './paths.ts';
import type { ListProjectsQuery, ListProjectsResponse, PasswordTokenRequest, TokenBody, TokenQuery } from './types.ts';

export interface PasswordTokenResult extends CloudResponse<TokenBody> {
  /** The token itself, from the X-Subject-Token response header; valid 24 hours. */
  subjectToken: string;
}

export class IamClient extends ServiceClient {
  protected readonly service = 'iam' as const;

  /** `POST /v3/auth/tokens` (201): a password token; the token comes back in X-Subject-Token. */
  async createPasswordToken(body: PasswordTokenRequest, query: TokenQuery = {}, opts?: CallOptions): Promise<PasswordTokenResult> {
    const res = await this.call<TokenBody>(
      { method: 'POST', path: IAM_PATHS.tokens, query: { ...query }, body, sensitive: [body.auth.identity.password.user.password] },
      opts,
    );
    return { ...res, subjectToken: res.headers.get('x-subject-token') ?? '' };
  }

  /** `GET /v3/projects`: with `name` = region id it yields the region's default project. */
  listProjects(query: ListProjectsQuery = {}, opts?: CallOptions): Promise<CloudResponse<ListProjectsResponse>> {
    return this.call({ method: 'GET', path: IAM_PATHS.projects, query: { ...query } }, opts);
  }
}
