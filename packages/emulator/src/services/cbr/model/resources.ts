import { cbrError } from '../errors.ts';
import { RESOURCE_TYPES, type Cbr, type ObjectType } from './cbr.ts';

/** A protectable resource as CBR sees it. */
export interface Protectable {
  id: string;
  name: string;
  type: string;
  /** GB: the disk, or the sum of the server's disks. */
  size: number;
  status: string;
  /** The disks a backup covers: the disk itself, or the server's disks. */
  disks: { id: string; name: string; size: number; bootable: boolean; dataVersion: number }[];
}

export function objectTypeOf(resourceType: string): ObjectType | undefined {
  return (Object.keys(RESOURCE_TYPES) as ObjectType[]).find((k) => RESOURCE_TYPES[k] === resourceType);
}

function disk(cbr: Cbr, id: string) {
  const v = cbr.evs.store.volume(id);
  if (!v) return undefined;
  const row = cbr.evs.store.s.get('SELECT data_version FROM volumes WHERE id = ?').get(id) as { data_version: number };
  return { v, info: { id: v.id, name: v.name, size: v.size, bootable: v.bootable === 1, dataVersion: row.data_version } };
}

/** Looks a resource up in EVS or the server lookup; 7000 / 7100 when it does not exist. */
export function findResource(cbr: Cbr, type: ObjectType, id: string): Protectable {
  if (type === 'disk') {
    const d = disk(cbr, id);
    if (!d) throw cbrError('BackupService.7000', `disk ${id}`);
    return { id, name: d.v.name, type: RESOURCE_TYPES.disk, size: d.v.size, status: d.v.status, disks: [d.info] };
  }
  const server = cbr.servers.server(id);
  if (!server) throw cbrError('BackupService.7100', `server ${id}`);
  const disks = server.volumeIds.map((vid) => disk(cbr, vid)?.info).filter((x) => x !== undefined);
  return { id, name: server.name, type: RESOURCE_TYPES.server, size: disks.reduce((n, d) => n + d.size, 0), status: server.status, disks };
}

export function tryResource(cbr: Cbr, type: ObjectType, id: string): Protectable | undefined {
  try {
    return findResource(cbr, type, id);
  } catch {
    return undefined;
  }
}
