import { createHash } from 'node:crypto';
import { ecsError } from '../errors.ts';
import { LIMITS } from '../catalog.ts';
import type { Ecs } from './ecs.ts';
import { isObj } from './validate.ts';

/** A named key pair must exist (Ecs.0314). */
export function requireKeypair(ecs: Ecs, name: string): void {
  if (!ecs.s.get('SELECT 1 FROM keypairs WHERE name = ?').get(name)) throw ecsError('Ecs.0314', `key pair ${name}`);
}

/**
 * adminPass (Table 5-3): 8 to 26 characters with at least three of upper case, lower case, digits and
 * special characters, and neither the user name nor its reverse.
 */
export function checkAdminPass(pass: unknown, userName = 'root'): string {
  if (typeof pass !== 'string' || pass.length < 8 || pass.length > 26) throw ecsError('Ecs.0011', 'adminPass is 8 to 26 characters');
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[!@$%^\-_=+[{}\]:,./?~#*]/].filter((re) => re.test(pass)).length;
  if (classes < 3) throw ecsError('Ecs.0011', 'adminPass needs three of: upper case, lower case, digits, special characters');
  const lower = pass.toLowerCase();
  if (lower.includes(userName) || lower.includes([...userName].reverse().join(''))) throw ecsError('Ecs.0011', 'adminPass contains the user name or its reverse');
  return pass;
}

/** `os:scheduler_hints.group`: an existing anti-affinity group with room for `count` more members. */
export function groupForCreate(ecs: Ecs, hints: unknown, count: number): string | undefined {
  if (hints === undefined || hints === null) return undefined;
  if (!isObj(hints)) throw ecsError('Ecs.0005', 'os:scheduler_hints must be an object');
  if (hints.group === undefined) return undefined;
  const row = typeof hints.group === 'string' ? (ecs.s.get('SELECT members FROM server_groups WHERE id = ?').get(hints.group) as { members: string } | undefined) : undefined;
  if (!row) throw ecsError('Ecs.0005', `server group ${JSON.stringify(hints.group)} does not exist`);
  if ((JSON.parse(row.members) as string[]).length + count > LIMITS.maxServerGroupMembers) throw ecsError('Ecs.0022', `group ${String(hints.group)} is full`);
  return hints.group as string;
}

export function joinGroup(ecs: Ecs, groupId: string, serverId: string): void {
  ecs.s.get("UPDATE server_groups SET members = json_insert(members, '$[#]', ?) WHERE id = ?").run(serverId, groupId);
}

/** A deleted server leaves its groups and its password record. */
export function forgetServer(ecs: Ecs, serverId: string): void {
  for (const g of ecs.s.get('SELECT id, members FROM server_groups WHERE members LIKE ?').all(`%${serverId}%`) as { id: string; members: string }[]) {
    const members = (JSON.parse(g.members) as string[]).filter((m) => m !== serverId);
    ecs.s.get('UPDATE server_groups SET members = ? WHERE id = ?').run(JSON.stringify(members), g.id);
  }
  ecs.s.get('DELETE FROM server_passwords WHERE server_id = ?').run(serverId);
}

/**
 * Windows servers get their initial password recorded for os-server-password (6.11.5), which hands
 * out ciphertext: here a digest standing in for the key-pair encryption the real service does.
 */
export function recordPassword(ecs: Ecs, serverId: string, pass: string): void {
  const cipher = createHash('sha512').update(`${serverId}:${pass}`).digest('base64');
  ecs.s.get('INSERT OR REPLACE INTO server_passwords (server_id, password) VALUES (?, ?)').run(serverId, cipher);
}
