/** IAM (Keystone v3) request and response bodies, field names as on the wire (auth-and-conventions.md §2.1, §3). */

export interface NameOrId {
  name?: string;
  id?: string;
}

export interface PasswordTokenRequest {
  auth: {
    identity: {
      methods: ['password'];
      password: {
        user: {
          /** IAM user name. */
          name: string;
          password: string;
          /** The account the IAM user belongs to. */
          domain: NameOrId;
        };
      };
    };
    /** Project-level services (EVS, ECS, CBR, VBS) need a project-scoped token. */
    scope?: { project: NameOrId & { domain?: NameOrId } } | { domain: NameOrId };
  };
}

export interface TokenQuery {
  /** `true` leaves the (large) service catalog out of the response. */
  nocatalog?: boolean;
}

export interface TokenDomain {
  id: string;
  name: string;
}

export interface CatalogEndpoint {
  id?: string;
  interface?: string;
  region?: string;
  region_id?: string;
  url?: string;
}

export interface TokenBody {
  token: {
    expires_at: string;
    issued_at?: string;
    methods: string[];
    project?: { id: string; name: string; domain: TokenDomain };
    domain?: TokenDomain;
    user: { id: string; name: string; domain: TokenDomain; password_expires_at?: string };
    roles?: Array<{ id: string; name: string }>;
    catalog?: Array<{ id?: string; name?: string; type?: string; endpoints: CatalogEndpoint[] }>;
  };
}

export interface ListProjectsQuery {
  /** The default project of a region is named after the region id (e.g. `cn-north-4`). */
  name?: string;
  domain_id?: string;
  enabled?: boolean;
  is_domain?: boolean;
  parent_id?: string;
  page?: number;
  per_page?: number;
}

export interface PageLinks {
  next: string | null;
  previous: string | null;
  self: string;
}

export interface Project {
  domain_id: string;
  is_domain: boolean;
  parent_id: string;
  name: string;
  description: string;
  links: PageLinks;
  id: string;
  enabled: boolean;
}

export interface ListProjectsResponse {
  projects: Project[];
  links: PageLinks;
}
