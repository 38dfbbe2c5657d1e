import { uuid } from '../../../server/ids.ts';
import { cbrError, invalid } from '../errors.ts';
import { CBR_DURATION, type Cbr } from './cbr.ts';
import { pageParams } from './oplogs.ts';
import { createPolicy, parseDefinition, parseTrigger, updatePolicy } from './policies.ts';
import { isObj, oneOf, optBool, optStr, reqStr, type Obj } from './validate.ts';

/**
 * Organizational policies (seed 004 §4.9, L8030-8896): an organization's administrator writes a
 * policy once and CBR delivers it, as an ordinary policy named `policy_name`, to the member
 * accounts' projects. The emulated organization has one member, this account and its project,
 * so delivery creates (or updates) one policy here. The policy stays `syncing` until the
 * delivery has run on the emulator clock, then `available`.
 */

const NAME = /^[A-Za-z0-9_-]+$/;

interface OrgDoc {
  name: string;
  description: string;
  policy_name: string;
  policy_enabled: boolean;
  policy_operation_definition: Record<string, unknown>;
  policy_trigger: { properties: { pattern: string[] } };
}

interface OrgRow {
  seq: number;
  id: string;
  operation_type: string;
  status: string;
  delivered_policy_id: string | null;
  doc: string;
}

function requireOrg(cbr: Cbr, id: string): OrgRow {
  const row = cbr.s.get('SELECT * FROM cbr_org_policies WHERE id = ?').get(id) as OrgRow | undefined;
  if (!row) throw cbrError('BackupService.6000', `organizational policy ${id}`);
  return row;
}

function render(cbr: Cbr, row: OrgRow): Record<string, unknown> {
  const doc = JSON.parse(row.doc) as OrgDoc;
  return {
    id: row.id,
    name: doc.name,
    description: doc.description,
    operation_type: row.operation_type,
    domain_id: cbr.rt.account.domainId,
    domain_name: cbr.rt.account.domainName,
    policy_name: doc.policy_name,
    policy_enabled: doc.policy_enabled,
    policy_operation_definition: doc.policy_operation_definition,
    policy_trigger: doc.policy_trigger,
    status: row.status,
  };
}

/** The policy part, validated by the same rules as POST /policies (names, RRULEs, retention). */
function policyPart(o: Obj, operationType: string, base?: OrgDoc): Omit<OrgDoc, 'name' | 'description'> {
  const definition = o.policy_operation_definition ?? base?.policy_operation_definition;
  const trigger = o.policy_trigger ?? base?.policy_trigger;
  if (o.policy_operation_definition !== undefined && !isObj(o.policy_operation_definition)) throw invalid('policy_operation_definition must be an object');
  const merged = base && isObj(o.policy_operation_definition) ? { ...base.policy_operation_definition, ...o.policy_operation_definition } : definition;
  const policyEnabled = optBool(o, 'policy_enabled') ?? base?.policy_enabled;
  if (policyEnabled === undefined) throw invalid('policy_enabled is required');
  return {
    policy_name: optStr(o, 'policy_name', 1, 64, NAME) ?? base?.policy_name ?? reqStr(o, 'policy_name', 1, 64, NAME),
    policy_enabled: policyEnabled,
    policy_operation_definition: { ...parseDefinition(merged, operationType) },
    policy_trigger: { properties: { pattern: parseTrigger(trigger) } },
  };
}

export function createOrgPolicy(cbr: Cbr, o: Obj): Record<string, unknown> {
  const operationType = oneOf(o, 'operation_type', ['backup', 'replication'] as const, true)!;
  const doc: OrgDoc = {
    name: reqStr(o, 'name', 1, 64),
    description: optStr(o, 'description', 0, 255) ?? '',
    ...policyPart(o, operationType),
  };
  const id = uuid();
  cbr.transaction(() => {
    cbr.s.get("INSERT INTO cbr_org_policies (id, operation_type, status, doc) VALUES (?, ?, 'syncing', ?)").run(id, operationType, JSON.stringify(doc));
    cbr.rt.scheduler.schedule('cbr.org.deliver', CBR_DURATION.orgDelivery, { id });
  });
  return render(cbr, requireOrg(cbr, id));
}

export function updateOrgPolicy(cbr: Cbr, id: string, o: Obj): Record<string, unknown> {
  const row = requireOrg(cbr, id);
  const old = JSON.parse(row.doc) as OrgDoc;
  const doc: OrgDoc = {
    name: optStr(o, 'name', 1, 64) ?? old.name,
    description: optStr(o, 'description', 0, 255) ?? old.description,
    ...policyPart(o, row.operation_type, old),
  };
  cbr.transaction(() => {
    cbr.s.get("UPDATE cbr_org_policies SET status = 'syncing', doc = ? WHERE id = ?").run(JSON.stringify(doc), id);
    cbr.rt.scheduler.schedule('cbr.org.deliver', CBR_DURATION.orgDelivery, { id });
  });
  return render(cbr, requireOrg(cbr, id));
}

/** Deleting the organizational policy leaves the delivered policy to the member: vaults may run on it. */
export function deleteOrgPolicy(cbr: Cbr, id: string): void {
  requireOrg(cbr, id);
  cbr.s.get('DELETE FROM cbr_org_policies WHERE id = ?').run(id);
}

export function showOrgPolicy(cbr: Cbr, id: string): Record<string, unknown> {
  return render(cbr, requireOrg(cbr, id));
}

export function listOrgPolicies(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const type = q.get('operation_type');
  if (type !== 'backup' && type !== 'replication') throw invalid('operation_type is required: backup or replication');
  const { limit, offset } = pageParams(q);
  const rows = cbr.s.get('SELECT * FROM cbr_org_policies WHERE operation_type = ? ORDER BY seq').all(type) as OrgRow[];
  return { policies: rows.slice(offset, offset + limit).map((r) => render(cbr, r)), count: rows.length, limit, offset };
}

/** GET …/policy-detail: one delivery per member project. */
export function orgPolicyDeliveries(cbr: Cbr, id: string, q: URLSearchParams): Record<string, unknown> {
  const row = requireOrg(cbr, id);
  const { limit, offset } = pageParams(q);
  const { account } = cbr.rt;
  const deliveries = [{
    policy_id: row.delivered_policy_id ?? '',
    domain_id: account.domainId,
    project_id: account.projectId,
    domain_name: account.domainName,
    project_name: account.projectName,
    status: row.status,
    // Delivery into the one member project cannot fail: the policy was validated when it was written.
    error_msg: null,
  }];
  return { policies: deliveries.slice(offset, offset + limit), count: deliveries.length, limit, offset };
}

/** The delivery transition: writes the member's policy. */
export function deliverOrgPolicy(cbr: Cbr, p: { id: string }): void {
  const row = cbr.s.get('SELECT * FROM cbr_org_policies WHERE id = ?').get(p.id) as OrgRow | undefined;
  // Deleted meanwhile, or a later update planned its own delivery.
  if (!row || row.status !== 'syncing') return;
  const doc = JSON.parse(row.doc) as OrgDoc;
  const body = {
    name: doc.policy_name,
    operation_type: row.operation_type,
    enabled: doc.policy_enabled,
    operation_definition: doc.policy_operation_definition,
    trigger: doc.policy_trigger,
  };
  let policyId = row.delivered_policy_id;
  if (policyId && cbr.policy(policyId)) {
    const { operation_type: _type, ...update } = body;
    updatePolicy(cbr, policyId, update);
  } else {
    policyId = createPolicy(cbr, body);
  }
  cbr.s.get("UPDATE cbr_org_policies SET status = 'available', delivered_policy_id = ? WHERE id = ?").run(policyId, row.id);
}
