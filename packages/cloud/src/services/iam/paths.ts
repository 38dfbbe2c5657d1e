/** IAM paths: a global service, no `{project_id}` in them. */
export const IAM_PATHS = {
  tokens: '/v3/auth/tokens',
  projects: '/v3/projects',
} as const;
