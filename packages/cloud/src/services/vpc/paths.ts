/** VPC paths: the `/v1/{project_id}` API the official SDK's VpcClient (v2) calls. */
export const VPC_PATHS = {
  vpcs: '/v1/{project_id}/vpcs',
  vpc: '/v1/{project_id}/vpcs/{vpc_id}',
  subnets: '/v1/{project_id}/subnets',
  subnet: '/v1/{project_id}/subnets/{subnet_id}',
  securityGroups: '/v1/{project_id}/security-groups',
  securityGroup: '/v1/{project_id}/security-groups/{security_group_id}',
  securityGroupRules: '/v1/{project_id}/security-group-rules',
  securityGroupRule: '/v1/{project_id}/security-group-rules/{security_group_rule_id}',
} as const;
