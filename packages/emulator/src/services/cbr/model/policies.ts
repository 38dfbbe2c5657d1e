import { uuid } from '../../../server/ids.ts';
import type { Retention } from './retention.ts';
import { parseRetention } from './retention.ts';
import { invalid } from '../errors.ts';
import type { Cbr, PolicyRow } from './cbr.ts';
import { nextFire, parsePattern } from './rrule.ts';
import { isObj, oneOf, optBool, reqStr, optStr, type Obj } from './validate.ts';

const NAME = /^[A-Za-z0-9_-]+$/;

interface PolicyDoc {
  operation_definition: Retention & Record<string, unknown>;
  trigger: { id: string; name: string; type: 'time'; properties: { pattern: string[]; start_time: string } };
  /** When the schedule began: DAILY intervals count from this day. */
  anchor_ms: number;
}

/** "2020-08-17 08:39:44", the trigger start_time format of the seed (L10347). */
function startTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function parseDefinition(v: unknown, operationType: string): PolicyDoc['operation_definition'] {
  if (!isObj(v)) throw invalid('operation_definition is required');
  const def: PolicyDoc['operation_definition'] = { ...parseRetention(v) };
  if (operationType === 'replication') {
    def.destination_region = optStr(v, 'destination_region', 1, 255, NAME) ?? (() => { throw invalid('a replication policy needs destination_region'); })();
    def.destination_project_id = optStr(v, 'destination_project_id', 1, 64) ?? (() => { throw invalid('a replication policy needs destination_project_id'); })();
    def.enable_acceleration = optBool(v, 'enable_acceleration') ?? false;
  }
  return def;
}

export function parseTrigger(v: unknown): string[] {
  if (!isObj(v) || !isObj(v.properties)) throw invalid('trigger.properties.pattern is required');
  parsePattern(v.properties.pattern);
  return v.properties.pattern as string[];
}

export function policyDoc(row: PolicyRow): PolicyDoc {
  return JSON.parse(row.doc) as PolicyDoc;
}

export function createPolicy(cbr: Cbr, o: Obj): string {
  const name = reqStr(o, 'name', 1, 64, NAME);
  // App case 5.2 omits operation_type and still gets "backup" back (spec §3.3).
  const operationType = oneOf(o, 'operation_type', ['backup', 'replication'] as const, false) ?? 'backup';
  const enabled = optBool(o, 'enabled') ?? true;
  const now = cbr.now();
  const doc: PolicyDoc = {
    operation_definition: parseDefinition(o.operation_definition, operationType),
    trigger: { id: uuid(), name: 'default', type: 'time', properties: { pattern: parseTrigger(o.trigger), start_time: startTime(now) } },
    anchor_ms: now,
  };
  const id = uuid();
  cbr.transaction(() => {
    cbr.s.get('INSERT INTO cbr_policies (id, name, operation_type, enabled, doc) VALUES (?, ?, ?, ?, ?)').run(id, name, operationType, enabled ? 1 : 0, JSON.stringify(doc));
    armPolicy(cbr, id, now);
  });
  return id;
}

export function updatePolicy(cbr: Cbr, id: string, o: Obj): void {
  const row = cbr.requirePolicy(id);
  const doc = policyDoc(row);
  const name = optStr(o, 'name', 1, 64, NAME) ?? row.name;
  const enabled = optBool(o, 'enabled') ?? row.enabled === 1;
  if (o.operation_definition !== undefined) {
    if (!isObj(o.operation_definition)) throw invalid('operation_definition must be an object');
    // Fields left out keep their values; the merged definition must still satisfy the rules.
    doc.operation_definition = parseDefinition({ ...doc.operation_definition, ...o.operation_definition }, row.operation_type);
  }
  if (o.trigger !== undefined) doc.trigger.properties.pattern = parseTrigger(o.trigger);
  cbr.transaction(() => {
    cbr.s.get('UPDATE cbr_policies SET name = ?, enabled = ?, doc = ? WHERE id = ?').run(name, enabled ? 1 : 0, JSON.stringify(doc), id);
    armPolicy(cbr, id, cbr.now());
  });
}

export function deletePolicy(cbr: Cbr, id: string): void {
  cbr.requirePolicy(id);
  cbr.transaction(() => {
    cbr.s.get('DELETE FROM cbr_vault_policies WHERE policy_id = ?').run(id);
    cbr.s.get('DELETE FROM cbr_policies WHERE id = ?').run(id);
  });
}

/**
 * (Re)plans a policy's next firing on the emulator clock. Each plan carries the policy's
 * generation; changing the policy bumps it, so firings planned under the old schedule are ignored.
 */
export function armPolicy(cbr: Cbr, id: string, from: number): void {
  cbr.s.get('UPDATE cbr_policies SET generation = generation + 1 WHERE id = ?').run(id);
  const row = cbr.policy(id);
  if (!row || row.enabled !== 1) return;
  const doc = policyDoc(row);
  const at = nextFire(parsePattern(doc.trigger.properties.pattern), from, doc.anchor_ms);
  if (Number.isFinite(at)) cbr.rt.scheduler.schedule('cbr.policy.fire', 0, { policyId: id, generation: row.generation }, at);
}

export function renderPolicy(cbr: Cbr, row: PolicyRow): Record<string, unknown> {
  const doc = policyDoc(row);
  const vaults = cbr.s.get('SELECT vault_id, destination_vault_id FROM cbr_vault_policies WHERE policy_id = ? ORDER BY vault_id').all(row.id) as { vault_id: string; destination_vault_id: string | null }[];
  return {
    enabled: row.enabled === 1,
    id: row.id,
    name: row.name,
    operation_definition: doc.operation_definition,
    operation_type: row.operation_type,
    trigger: doc.trigger,
    associated_vaults: vaults.map((v) => ({ vault_id: v.vault_id, destination_vault_id: v.destination_vault_id ?? '' })),
  };
}

export function listPolicies(cbr: Cbr, q: URLSearchParams): Record<string, unknown> {
  const type = q.get('operation_type');
  if (type !== null && type !== 'backup' && type !== 'replication') throw invalid('operation_type must be backup or replication');
  const vaultId = q.get('vault_id');
  const rows = (vaultId
    ? cbr.s.get('SELECT p.* FROM cbr_policies p JOIN cbr_vault_policies vp ON vp.policy_id = p.id WHERE vp.vault_id = ? ORDER BY p.seq').all(vaultId)
    : cbr.s.get('SELECT * FROM cbr_policies ORDER BY seq').all()) as PolicyRow[];
  const policies = rows.filter((r) => type === null || r.operation_type === type).map((r) => renderPolicy(cbr, r));
  return { policies, count: policies.length };
}
