import type { Runtime } from '../../../runtime.ts';
import { DiskBackedService } from '../../model.ts';
import type { Evs } from '../../evs/model/evs.ts';
import type { Ims } from '../../ims/model.ts';
import type { Vpc } from '../../vpc/model.ts';
import { ecsError, type EcsCode } from '../errors.ts';
import { flavor } from '../catalog.ts';
import type { NewServer, ServerRow } from './rows.ts';
import { statusOf } from './state.ts';

const SERVER_COLUMNS = [
  'id', 'name', 'description', 'vm_state', 'task_state', 'power_state', 'flavor_id', 'old_flavor_id', 'image_id', 'availability_zone',
  'key_name', 'vpc_id', 'nics', 'security_groups', 'metadata', 'tags', 'tags1d', 'locked', 'user_data', 'fault', 'instance_name', 'host',
  'created', 'updated', 'launched_at',
] as const satisfies readonly (keyof NewServer)[];

/** Realistic durations (ms) of one step of each operation; the runtime's speed scales them. */
export const ECS_DURATION = {
  jobInit: 1_000,
  createStep: 4_000,
  stop: 5_000,
  hardStop: 1_500,
  start: 5_000,
  rebootStep: 2_000,
  resizeStep: 3_000,
  rebuildStep: 4_000,
  delete: 4_000,
  attach: 3_000,
  detach: 3_000,
} as const;

/** "2019-05-22T07:48:53Z", the created/updated format of the Nova server object. */
export function novaTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** "2019-05-22T07:48:19.000000", the launched_at format. */
export function launchTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '000';
}

/** The ECS model: servers in SQLite, the EVS model for their disks, the runtime for jobs and time. */
export class Ecs extends DiskBackedService {
  /** Images servers boot from, and the networks they sit in. */
  constructor(rt: Runtime, evs: Evs, readonly ims: Ims, readonly vpc: Vpc) {
    super(rt, evs);
    // EVS asks ECS for a server's status (online expansion, attach rules).
    evs.hooks.serverStatus = (id) => {
      const s = this.server(id);
      return s ? statusOf(s) : undefined;
    };
  }

  server(id: string): ServerRow | undefined {
    return this.s.get('SELECT * FROM servers WHERE id = ?').get(id) as ServerRow | undefined;
  }

  requireServer(id: string, code: EcsCode = 'Ecs.0114'): ServerRow {
    const s = this.server(id);
    if (!s) throw ecsError(code, `server ${id} does not exist`);
    return s;
  }

  insertServer(row: NewServer): void {
    this.s.get(`INSERT INTO servers (${SERVER_COLUMNS.join(', ')}) VALUES (${SERVER_COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
  }

  update(id: string, fields: Partial<Omit<ServerRow, 'seq' | 'id' | 'updated'>>, at = this.rt.clock.now()): void {
    const keys = Object.keys(fields).sort();
    const sql = `UPDATE servers SET ${keys.map((k) => `${k} = @${k}`).join(', ')}${keys.length ? ', ' : ''}updated = @updated WHERE id = @id`;
    this.s.get(sql).run({ ...fields, updated: novaTime(at), id });
  }

  deleteServer(id: string): void {
    this.s.get('DELETE FROM servers WHERE id = ?').run(id);
  }

  recordAction(serverId: string, action: string, requestId: string, message: string | null = null): void {
    this.s
      .get('INSERT INTO instance_actions (request_id, server_id, action, start_time, message) VALUES (?, ?, ?, ?, ?)')
      .run(`req-${requestId}`, serverId, action, launchTime(this.rt.clock.now()), message);
  }

  /** Instances, cores and RAM in use, for quotas and limits. */
  usage(): { instances: number; cores: number; ram: number } {
    const rows = this.s.get('SELECT flavor_id, count(*) AS n FROM servers GROUP BY flavor_id').all() as { flavor_id: string; n: number }[];
    let instances = 0;
    let cores = 0;
    let ram = 0;
    for (const r of rows) {
      const f = flavor(r.flavor_id);
      instances += r.n;
      cores += (f?.vcpus ?? 0) * r.n;
      ram += (f?.ram ?? 0) * r.n;
    }
    return { instances, cores, ram };
  }

}
