import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_STATUSES, VOLUME_STATUSES } from '../src/services/evs/model/state.ts';
import { AZ, control, reset, useTestEmulator, type Reply, type Json } from './helpers.ts';

/**
 * Random sequences of operations, with the clock frozen and advanced by random steps so that
 * operations also hit disks in transitional states. After every step: only documented statuses,
 * quota usage equal to what exists, attachments consistent with the disks, and no undocumented error.
 */
const client = useTestEmulator({ speed: 'realistic' }, { resetEachTest: false });

const JOB_STATUSES = ['INIT', 'RUNNING', 'SUCCESS', 'FAIL'];
const DOCUMENTED_500 = new Set(['EVS.2019', 'EVS.2020', 'EVS.2026']);
const SERVERS = ['7b0c2c1e-1111-4222-8333-000000000001', '7b0c2c1e-1111-4222-8333-000000000002'];

type Op =
  | { kind: 'create'; type: string; size: number; count: number; multiattach: boolean }
  | { kind: 'cinderCreate'; size: number }
  | { kind: 'extend'; pick: number; grow: number; cinder: boolean }
  | { kind: 'delete'; pick: number; cinder: boolean; cascade: boolean }
  | { kind: 'snapshot'; pick: number; force: boolean }
  | { kind: 'deleteSnapshot'; pick: number }
  | { kind: 'rollback'; pick: number }
  | { kind: 'attach'; pick: number; server: number }
  | { kind: 'detach'; pick: number }
  | { kind: 'reserve'; pick: number; undo: boolean }
  | { kind: 'transfer'; pick: number; then: 'accept' | 'delete' | 'keep' }
  | { kind: 'fault'; jobType: string }
  | { kind: 'advance'; ms: number };

// Small picks make operations collide on the same disks, where the interesting conflicts are.
const pick = fc.nat(4);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('attach' as const), pick, server: fc.nat(1) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 8000 }) }), weight: 3 },
  fc.record({ kind: fc.constant('create' as const), type: fc.constantFrom('SSD', 'SAS', 'GPSSD'), size: fc.integer({ min: 10, max: 60 }), count: fc.integer({ min: 1, max: 3 }), multiattach: fc.constantFrom(false, false, false, true) }),
  fc.record({ kind: fc.constant('cinderCreate' as const), size: fc.integer({ min: 10, max: 60 }) }),
  fc.record({ kind: fc.constant('extend' as const), pick, grow: fc.integer({ min: -5, max: 30 }), cinder: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), pick, cinder: fc.boolean(), cascade: fc.boolean() }),
  fc.record({ kind: fc.constant('snapshot' as const), pick, force: fc.boolean() }),
  fc.record({ kind: fc.constant('deleteSnapshot' as const), pick }),
  fc.record({ kind: fc.constant('rollback' as const), pick }),
  fc.record({ kind: fc.constant('attach' as const), pick, server: fc.nat(1) }),
  fc.record({ kind: fc.constant('detach' as const), pick }),
  fc.record({ kind: fc.constant('reserve' as const), pick, undo: fc.boolean() }),
  fc.record({ kind: fc.constant('transfer' as const), pick, then: fc.constantFrom('accept' as const, 'delete' as const, 'keep' as const) }),
  fc.record({ kind: fc.constant('fault' as const), jobType: fc.constantFrom('createVolume', 'extendVolume', 'deleteVolume', 'createSnapshot', 'deleteSnapshot', 'rollbackSnapshot') }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 8000 }) }),
);

async function rows(table: string): Promise<Json[]> {
  return (await control(client, 'GET', `/state/${table}?limit=1000`)).body.rows;
}

function at<T>(list: T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

async function run(op: Op): Promise<Reply | undefined> {
  const volumes = (await rows('volumes')).filter((v) => v.hidden === 0);
  const v = 'pick' in op ? at(volumes, op.pick) : undefined;
  const action = (body: unknown) => client.evs('POST', `/v2/{pid}/volumes/${v.id}/action`, { body });
  switch (op.kind) {
    case 'create':
      return client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: { availability_zone: AZ.a, volume_type: op.type, size: op.size, count: op.count, multiattach: op.multiattach } } });
    case 'cinderCreate':
      return client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.b, volume_type: 'SAS', size: op.size } } });
    case 'extend':
      if (!v) return undefined;
      return op.cinder ? action({ 'os-extend': { new_size: v.size + op.grow } }) : client.evs('POST', `/v2.1/{pid}/cloudvolumes/${v.id}/action`, { body: { 'os-extend': { new_size: v.size + op.grow } } });
    case 'delete':
      if (!v) return undefined;
      return op.cinder
        ? client.evs('DELETE', `/v2/{pid}/volumes/${v.id}`, { query: { cascade: String(op.cascade) } })
        : client.evs('DELETE', `/v2/{pid}/cloudvolumes/${v.id}`);
    case 'snapshot':
      if (!v) return undefined;
      return client.evs('POST', '/v2/{pid}/cloudsnapshots', { body: { snapshot: { volume_id: v.id, force: op.force } } });
    case 'deleteSnapshot':
    case 'rollback': {
      const s = at(await rows('snapshots'), op.pick);
      if (!s) return undefined;
      return op.kind === 'deleteSnapshot'
        ? client.evs('DELETE', `/v2/{pid}/cloudsnapshots/${s.id}`)
        : client.evs('POST', `/v2/{pid}/cloudsnapshots/${s.id}/rollback`, { body: { rollback: { volume_id: s.volume_id } } });
    }
    case 'attach':
      if (!v) return undefined;
      return action({ 'os-attach': { instance_uuid: SERVERS[op.server], mountpoint: `/dev/vd${'bc'[op.server]}` } });
    case 'detach': {
      const a = at(await rows('attachments'), op.pick);
      if (!a) return undefined;
      return client.evs('POST', `/v2/{pid}/volumes/${a.volume_id}/action`, { body: { 'os-detach': { attachment_id: a.id } } });
    }
    case 'reserve':
      if (!v) return undefined;
      return action(op.undo ? { 'os-unreserve': {} } : { 'os-reserve': {} });
    case 'transfer': {
      if (!v) return undefined;
      const r = await client.evs('POST', '/v2/{pid}/os-volume-transfer', { body: { transfer: { volume_id: v.id, name: 't' } } });
      if (r.status !== 202 || op.then === 'keep') return r;
      const t = r.body.transfer;
      return op.then === 'accept'
        ? client.evs('POST', `/v2/{pid}/os-volume-transfer/${t.id}/accept`, { body: { accept: { auth_key: t.auth_key } } })
        : client.evs('DELETE', `/v2/{pid}/os-volume-transfer/${t.id}`);
    }
    case 'fault':
      return control(client, 'POST', '/faults', { kind: 'job', jobType: op.jobType, code: 'EVS.2001' });
    case 'advance':
      return control(client, 'POST', '/clock/advance', { ms: op.ms });
  }
}

async function checkInvariants(op: Op, reply: Reply | undefined): Promise<void> {
  if (reply && reply.status >= 400) {
    expect(reply.body?.error?.code, `${JSON.stringify(op)} -> ${reply.text}`).toMatch(/^(EVS|Common)\.\d{4}$/);
    if (reply.status >= 500) expect(DOCUMENTED_500.has(reply.body.error.code), `${JSON.stringify(op)} -> ${reply.text}`).toBe(true);
  }
  const volumes = await rows('volumes');
  const attachments = await rows('attachments');
  const snapshots = await rows('snapshots');
  const jobs = await rows('jobs');
  for (const v of volumes) {
    expect(VOLUME_STATUSES).toContain(v.status);
    const own = attachments.filter((a) => a.volume_id === v.id);
    expect(v.attach_count, `attach_count of ${v.id}`).toBe(own.length);
    if (v.status === 'in-use') expect(own.length, `in-use disk ${v.id} without attachment`).toBeGreaterThan(0);
    if (own.length > 1) expect(v.multiattach).toBe(1);
  }
  for (const s of snapshots) {
    expect(SNAPSHOT_STATUSES).toContain(s.status);
    expect(volumes.some((v) => v.id === s.volume_id), `snapshot ${s.id} of a missing disk`).toBe(true);
  }
  for (const j of jobs) expect(JOB_STATUSES).toContain(j.status);
  const visible = volumes.filter((v) => v.hidden === 0);
  // The API's (cached) views agree with the store.
  const listed = (await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { limit: '1000' } })).body;
  expect(listed.count).toBe(visible.length);
  for (const view of listed.volumes) {
    const row = visible.find((v) => v.id === view.id);
    expect(row, `listed disk ${view.id}`).toBeDefined();
    expect([view.status, view.size, view.name, view.attachments.length]).toEqual([row.status, row.size, row.name, row.attach_count]);
  }
  const q = (await client.evs('GET', '/v2/{pid}/os-quota-sets/{pid}', { query: { usage: 'True' } })).body.quota_set;
  expect(q.volumes.in_use).toBe(visible.length);
  expect(q.gigabytes.in_use).toBe(visible.reduce((sum, v) => sum + v.size, 0));
  expect(q.snapshots.in_use).toBe(snapshots.length);
  expect(q.volumes.reserved).toBe(volumes.length - visible.length);
}

describe('random operation sequences', () => {
  it('never reach an undocumented status nor break an invariant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        await reset(client, 'frozen');
        for (const op of ops) await checkInvariants(op, await run(op));
        // Once the clock has run long enough, nothing is left in a transitional status it cannot leave.
        await control(client, 'POST', '/clock/advance', { seconds: 60 });
        const settled = (await rows('volumes')).map((v) => v.status);
        for (const s of ['creating', 'extending', 'deleting', 'rollbacking', 'uploading']) expect(settled).not.toContain(s);
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
