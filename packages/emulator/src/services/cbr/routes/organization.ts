import type { Reply, RouteSpec } from '../../../server/types.ts';
import type { Cbr } from '../model/cbr.ts';
import { migrationStatus, startMigration } from '../model/migrates.ts';
import { changeOrder } from '../model/orders.ts';
import { createOrgPolicy, deleteOrgPolicy, listOrgPolicies, orgPolicyDeliveries, showOrgPolicy, updateOrgPolicy } from '../model/org-policies.ts';
import { domainProjects, projectOwner, regionProjects } from '../model/projects.ts';
import { bodyObj, wrapped } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

/**
 * Organizational policies (§4.9), the order change of §4.11, and the project-less APIs of §4.13
 * (projects and tenant migration, under `/v3` without a project id).
 */
export function organizationRoutes(cbr: Cbr): RouteSpec[] {
  const org = '/v3/{project_id}/organization-policies';
  return [
    { method: 'POST', path: org, operation: 'CreateOrganizationPolicy', handler: (ctx) => ok({ policy: createOrgPolicy(cbr, wrapped(ctx, 'policy')) }) },
    { method: 'GET', path: org, operation: 'ListOrganizationPolicies', handler: (ctx) => ok(listOrgPolicies(cbr, ctx.query)) },
    { method: 'GET', path: `${org}/{organization_policy_id}`, operation: 'ShowOrganizationPolicy', handler: (ctx) => ok({ policy: showOrgPolicy(cbr, ctx.params.organization_policy_id!) }) },
    {
      method: 'PUT', path: `${org}/{organization_policy_id}`, operation: 'UpdateOrganizationPolicy',
      handler: (ctx) => ok({ policy: updateOrgPolicy(cbr, ctx.params.organization_policy_id!, wrapped(ctx, 'policy')) }),
    },
    { method: 'DELETE', path: `${org}/{organization_policy_id}`, operation: 'DeleteOrganizationPolicy', handler: (ctx) => (deleteOrgPolicy(cbr, ctx.params.organization_policy_id!), { status: 204 }) },
    {
      method: 'GET', path: `${org}/{organization_policy_id}/policy-detail`, operation: 'ShowOrganizationPolicyDetail',
      handler: (ctx) => ok(orgPolicyDeliveries(cbr, ctx.params.organization_policy_id!, ctx.query)),
    },
    { method: 'PUT', path: '/v3/{project_id}/orders/{order_id}', operation: 'UpdateOrder', handler: (ctx) => ok(changeOrder(cbr, ctx.params.order_id!, bodyObj(ctx))) },
    { method: 'GET', path: '/v3/region-projects', operation: 'ShowRegionProject', handler: () => ok(regionProjects(cbr)) },
    { method: 'GET', path: '/v3/domain/{domain_name}/projects', operation: 'ShowDomainProjects', handler: (ctx) => ok(domainProjects(cbr, ctx.params.domain_name!)) },
    // `/v3/domain/{source_project_id}`: the router names one parameter per path segment, so it is read as domain_name here.
    { method: 'GET', path: '/v3/domain/{domain_name}', operation: 'ShowDomain', handler: (ctx) => ok(projectOwner(cbr, ctx.params.domain_name!)) },
    { method: 'POST', path: '/v3/migrates', operation: 'CreateMigration', handler: (ctx) => ok(startMigration(cbr, bodyObj(ctx))) },
    { method: 'GET', path: '/v3/migrates', operation: 'ShowMigrateStatus', handler: (ctx) => ok(migrationStatus(cbr, ctx.query)) },
  ];
}
