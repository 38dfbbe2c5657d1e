import { cbrError } from '../errors.ts';
import type { Cbr } from './cbr.ts';
import { partner } from './replicas.ts';

/**
 * The project APIs (seed 004 §4.13): the account's projects are the one in this region and the
 * one in the emulated partner region (the console reads the latter as destination_project_id).
 */
function projects(cbr: Cbr): { id: string; name: string }[] {
  const { account } = cbr.rt;
  const p = partner(cbr);
  return [{ id: account.projectId, name: account.projectName }, { id: p.projectId, name: p.projectName }];
}

/** GET /v3/region-projects, in IAM's project shape with links into the IAM base URL. */
export function regionProjects(cbr: Cbr): Record<string, unknown> {
  const iam = cbr.rt.endpoints().iam;
  return {
    projects: projects(cbr).map((p) => ({
      description: '', domain_id: cbr.rt.account.domainId, enabled: true, id: p.id, is_domain: false, links: { self: `${iam}/v3/projects/${p.id}` }, name: p.name, parent_id: '',
    })),
    links: { self: `${iam}/v3/auth/projects` },
  };
}

/** GET /v3/domain/{domain_name}/projects: another account's projects are not visible. */
export function domainProjects(cbr: Cbr, domainName: string): Record<string, unknown> {
  const mine = domainName === cbr.rt.account.domainName;
  return { projects: mine ? projects(cbr).map((p) => ({ project_name: p.name, project_id: p.id })) : [] };
}

/** GET /v3/domain/{source_project_id}: who owns a project that shared a backup. */
export function projectOwner(cbr: Cbr, projectId: string): Record<string, unknown> {
  const p = projects(cbr).find((x) => x.id === projectId);
  if (!p) throw cbrError('BackupService.6704', `project ${projectId} is not known to this region`);
  return { project_id: p.id, project_name: p.name, domain_id: cbr.rt.account.domainId, domain_name: cbr.rt.account.domainName };
}
