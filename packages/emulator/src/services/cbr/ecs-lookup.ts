import type { Ecs } from '../ecs/model/ecs.ts';
import { submit } from '../ecs/model/ops.ts';
import type { ServerRow } from '../ecs/model/rows.ts';
import { statusOf } from '../ecs/model/state.ts';
import { attachmentsOfServer } from '../evs/model/attachments.ts';
import type { CbrServer, ServerLookup } from './model/cbr.ts';

function view(ecs: Ecs, s: ServerRow): CbrServer {
  return { id: s.id, name: s.name, status: statusOf(s), volumeIds: attachmentsOfServer(ecs.evs, s.id).map((a) => a.volume_id) };
}

/** CBR's window on the compute service: servers, their disks in device order, and power-on after a restore. */
export function ecsServerLookup(ecs: Ecs): ServerLookup {
  return {
    server: (id) => {
      const s = ecs.server(id);
      return s ? view(ecs, s) : undefined;
    },
    list: () => (ecs.s.get('SELECT * FROM servers ORDER BY seq').all() as ServerRow[]).map((s) => view(ecs, s)),
    powerOn: (id) => {
      const s = ecs.server(id);
      if (s && statusOf(s) === 'SHUTOFF') submit(ecs, 'start', [{ server: s }], false);
    },
  };
}
