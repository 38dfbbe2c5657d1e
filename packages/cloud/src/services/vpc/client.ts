import type { CallOptions, CloudResponse } from '../../http/types.ts';
import { ServiceClient } from '../base.ts';
import { VPC_PATHS as P } from './paths.ts';
import type {
  CreateSecurityGroupRequest, CreateSecurityGroupRuleRequest, CreateSubnetRequest, CreateVpcRequest, ListSecurityGroupsQuery,
  ListSubnetsQuery, ListVpcsQuery, SecurityGroup, SecurityGroupRule, Subnet, Vpc,
} from './types.ts';

type R<T> = Promise<CloudResponse<T>>;

/** VPC: networks, subnets and security groups servers are created in. Errors are `{"code","message"}` (`VPC.*`). */
export class VpcClient extends ServiceClient {
  protected readonly service = 'vpc' as const;

  /** `GET /v1/{project_id}/vpcs`; page with `marker` = the last VPC id. */
  listVpcs(query: ListVpcsQuery = {}, opts?: CallOptions): R<{ vpcs: Vpc[] }> {
    return this.call({ method: 'GET', path: P.vpcs, query: { ...query } }, opts);
  }

  showVpc(vpcId: string, opts?: CallOptions): R<{ vpc: Vpc }> {
    return this.call({ method: 'GET', path: P.vpc, pathParams: { vpc_id: vpcId } }, opts);
  }

  createVpc(body: CreateVpcRequest, opts?: CallOptions): R<{ vpc: Vpc }> {
    return this.call({ method: 'POST', path: P.vpcs, body }, opts);
  }

  /** `GET /v1/{project_id}/subnets`, of one VPC with `vpc_id`. */
  listSubnets(query: ListSubnetsQuery = {}, opts?: CallOptions): R<{ subnets: Subnet[] }> {
    return this.call({ method: 'GET', path: P.subnets, query: { ...query } }, opts);
  }

  showSubnet(subnetId: string, opts?: CallOptions): R<{ subnet: Subnet }> {
    return this.call({ method: 'GET', path: P.subnet, pathParams: { subnet_id: subnetId } }, opts);
  }

  createSubnet(body: CreateSubnetRequest, opts?: CallOptions): R<{ subnet: Subnet }> {
    return this.call({ method: 'POST', path: P.subnets, body }, opts);
  }

  listSecurityGroups(query: ListSecurityGroupsQuery = {}, opts?: CallOptions): R<{ security_groups: SecurityGroup[] }> {
    return this.call({ method: 'GET', path: P.securityGroups, query: { ...query } }, opts);
  }

  showSecurityGroup(securityGroupId: string, opts?: CallOptions): R<{ security_group: SecurityGroup }> {
    return this.call({ method: 'GET', path: P.securityGroup, pathParams: { security_group_id: securityGroupId } }, opts);
  }

  createSecurityGroup(body: CreateSecurityGroupRequest, opts?: CallOptions): R<{ security_group: SecurityGroup }> {
    return this.call({ method: 'POST', path: P.securityGroups, body }, opts);
  }

  createSecurityGroupRule(body: CreateSecurityGroupRuleRequest, opts?: CallOptions): R<{ security_group_rule: SecurityGroupRule }> {
    return this.call({ method: 'POST', path: P.securityGroupRules, body }, opts);
  }
}
