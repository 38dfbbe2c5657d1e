import { randomBytes, randomUUID } from 'node:crypto';

/** Resource ids (disks, snapshots, attachments, transfers) are UUIDs, as in the seed's examples. */
export function uuid(): string {
  return randomUUID();
}

/** 32 lowercase hex characters: the shape of X-Request-Id and of EVS job ids in the seed. */
export function hex32(): string {
  const u = randomUUID();
  return u.slice(0, 8) + u.slice(9, 13) + u.slice(14, 18) + u.slice(19, 23) + u.slice(24);
}

export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
