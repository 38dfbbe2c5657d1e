import { ApiError } from '../server/errors.ts';
import { tokenTime } from '../server/time.ts';
import type { Identity, RequestContext, RouteSpec, ServiceDef } from '../server/types.ts';
import type { Runtime } from '../runtime.ts';
import type { TokenClaims } from '../auth/tokens.ts';

/** IAM answers in Keystone's error shape, `{"error": {"code": 401, "message", "title"}}`. */
export const iamService: ServiceDef = {
  name: 'iam',
  prefix: '/iam',
  errorShape: 'keystone',
  authErrorShape: 'keystone',
  malformedBody: (detail) => new ApiError(400, '400', `The request body is malformed${detail ? `: ${detail}` : ''}.`),
  malformedUrl: (detail) => new ApiError(400, '400', `The request URL is malformed${detail ? `: ${detail}` : ''}.`),
  forbidden: () => new ApiError(403, '403', 'You are not authorized to perform the requested action.'),
  internal: () => new ApiError(500, '500', 'An unexpected error prevented the server from fulfilling your request.'),
};

const AUTH_FAILED = 'The request you have made requires authentication.';

function field(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as Record<string, unknown>)[key] : undefined;
}

function bad(message: string): ApiError {
  return new ApiError(400, '400', message);
}

export function iamRoutes(rt: Runtime): RouteSpec[] {
  const a = rt.account;
  const domain = { id: a.domainId, name: a.domainName };

  const projectView = (self: string) => ({
    domain_id: a.domainId,
    is_domain: false,
    parent_id: a.domainId,
    name: a.projectName,
    description: '',
    links: { next: null, previous: null, self: `${self}/v3/projects/${a.projectId}` },
    id: a.projectId,
    enabled: true,
  });

  const tokenBody = (claims: TokenClaims, catalog: boolean) => {
    const endpoints = rt.endpoints();
    const token: Record<string, unknown> = {
      expires_at: tokenTime(claims.expiresAt),
      issued_at: tokenTime(claims.issuedAt),
      methods: ['password'],
      roles: [{ id: '0', name: 'te_admin' }],
      user: { domain, id: a.userId, name: a.userName, password_expires_at: '' },
    };
    if (claims.projectId) token.project = { domain, id: a.projectId, name: a.projectName };
    else token.domain = domain;
    if (catalog) {
      token.catalog = (Object.keys(endpoints) as (keyof typeof endpoints)[]).map((name) => ({
        endpoints: [{ id: `${name}-${a.region}`, interface: 'public', region: a.region, region_id: a.region, url: endpoints[name] }],
        id: `${name}-service`,
        name,
        type: name === 'iam' ? 'identity' : name,
      }));
    }
    return { token };
  };

  const issueToken = (ctx: RequestContext) => {
    const auth = field(ctx.json(), 'auth');
    const identity = field(auth, 'identity');
    const methods = field(identity, 'methods');
    if (!Array.isArray(methods) || !methods.includes('password')) throw bad('auth.identity.methods must contain "password".');
    const user = field(field(identity, 'password'), 'user');
    const name = field(user, 'name');
    const userId = field(user, 'id');
    const password = field(user, 'password');
    if ((typeof name !== 'string' && typeof userId !== 'string') || typeof password !== 'string') {
      throw bad('auth.identity.password.user needs a name (or id) and a password.');
    }
    const userDomain = field(user, 'domain');
    const domainOk = field(userDomain, 'name') === a.domainName || field(userDomain, 'id') === a.domainId;
    const userOk = userId === a.userId || (name === a.userName && domainOk);
    if (!userOk || password !== a.password) throw new ApiError(401, '401', AUTH_FAILED);

    const scope = field(auth, 'scope');
    let projectId: string | null = null;
    const project = field(scope, 'project');
    if (project !== undefined) {
      if (field(project, 'id') !== a.projectId && field(project, 'name') !== a.projectName) {
        throw new ApiError(401, '401', `Could not find the project in the scope of user ${a.userName}.`);
      }
      projectId = a.projectId;
    } else if (scope !== undefined && field(scope, 'domain') === undefined) {
      throw bad('auth.scope must name a project or a domain.');
    }
    const { token, claims } = rt.tokens.issue({ userId: a.userId, domainId: a.domainId, projectId });
    return {
      status: 201,
      headers: { 'X-Subject-Token': token },
      body: tokenBody(claims, ctx.query.get('nocatalog') !== 'true'),
    };
  };

  const listProjects = (ctx: RequestContext) => {
    const self = rt.endpoints().iam;
    const name = ctx.query.get('name');
    const domainId = ctx.query.get('domain_id');
    const matches = (name === null || name === a.projectName) && (domainId === null || domainId === a.domainId);
    return {
      status: 200,
      body: { projects: matches ? [projectView(self)] : [], links: { next: null, previous: null, self: `${self}/v3/projects` } },
    };
  };

  const showToken = (ctx: RequestContext) => {
    const subject = ctx.headers['x-subject-token'];
    if (typeof subject !== 'string') throw bad('The X-Subject-Token header is required.');
    const check = rt.tokens.check(subject);
    if (!check.ok) throw new ApiError(404, '404', 'The token could not be found.');
    return { status: 200, headers: { 'X-Subject-Token': subject }, body: tokenBody(check.claims, ctx.query.get('nocatalog') !== 'true') };
  };

  const requireIdentity = (ctx: RequestContext): Identity => {
    if (!ctx.identity) throw new ApiError(401, '401', AUTH_FAILED);
    return ctx.identity;
  };

  return [
    { method: 'POST', path: '/v3/auth/tokens', operation: 'KeystoneCreateUserTokenByPassword', auth: 'none', handler: issueToken },
    { method: 'GET', path: '/v3/auth/tokens', operation: 'KeystoneValidateToken', handler: (ctx) => (requireIdentity(ctx), showToken(ctx)) },
    { method: 'GET', path: '/v3/projects', operation: 'KeystoneListProjects', handler: listProjects },
    { method: 'GET', path: '/v3/auth/projects', operation: 'KeystoneListAuthProjects', handler: listProjects },
  ];
}
