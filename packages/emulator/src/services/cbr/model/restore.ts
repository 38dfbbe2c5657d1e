import { setDataVersion } from '../../evs/model/data-version.ts';
import { restingStatus } from '../../evs/model/state.ts';
import { cbrError, invalid } from '../errors.ts';
import { backupDoc } from './backups.ts';
import { CBR_DURATION, type BackupRow, type Cbr } from './cbr.ts';
import { createOplog, finishOplog } from './oplogs.ts';
import { isObj, optBool, optStr, type Obj } from './validate.ts';

interface Target {
  backupId: string;
  volumeId: string;
}

export interface RestorePayload {
  backupId: string;
  oplogId: string;
  targets: Target[];
  serverId?: string;
  powerOn: boolean;
  fail?: { code: string; message: string };
}

function checkDisk(cbr: Cbr, source: BackupRow, volumeId: string): void {
  const v = cbr.evs.store.volume(volumeId);
  if (!v) throw cbrError('BackupService.7000', `disk ${volumeId}`);
  if (v.status === 'restoring-backup') throw cbrError('BackupService.2010', `disk ${volumeId} is being restored`);
  if (v.status !== 'available' && v.status !== 'in-use') throw cbrError('BackupService.2011', `disk ${volumeId} is ${v.status}`);
  const needed = backupDoc(source).resource_size;
  if (v.size < needed) throw cbrError('BackupService.2001', `disk ${volumeId} has ${v.size} GB, the backup needs ${needed} GB`);
  const holder = cbr.resource(volumeId);
  if (holder?.protect_status === 'protecting') throw cbrError('BackupService.2002', `disk ${volumeId} is being backed up`);
}

/**
 * POST /backups/{id}/restore. A disk backup restores onto its disk (or `volume_id`); a server
 * backup onto its server, each disk backup (child) onto the disk named in `mappings`.
 * The target disks are `restoring-backup` until the `cbr.restore.finish` transition.
 */
export function startRestore(cbr: Cbr, backupId: string, o: Obj, at = cbr.now()): void {
  const b = cbr.requireBackup(backupId);
  if (b.parent_id) throw invalid('restore a server backup through its parent backup with mappings');
  if (b.status !== 'available') throw cbrError('BackupService.2005', `backup ${backupId} is ${b.status}`);
  const vault = cbr.requireVault(b.vault_id);
  if (vault.status !== 'available') throw cbrError('BackupService.6202', `vault ${vault.id} is ${vault.status}`);
  const holder = cbr.resource(b.resource_id);
  if (holder?.protect_status === 'protecting') throw cbrError('BackupService.2002');
  if (holder?.protect_status === 'restoring') throw cbrError('BackupService.2010');
  const powerOn = optBool(o, 'power_on') ?? true;
  let targets: Target[];
  let serverId: string | undefined;
  if (b.resource_type === 'OS::Cinder::Volume') {
    const volumeId = optStr(o, 'volume_id', 1, 64) ?? optStr(o, 'resource_id', 1, 64) ?? b.resource_id;
    targets = [{ backupId: b.id, volumeId }];
  } else {
    serverId = optStr(o, 'server_id', 1, 64) ?? optStr(o, 'resource_id', 1, 64) ?? b.resource_id;
    if (serverId !== b.resource_id) throw cbrError('BackupService.2003', `backup ${b.id} is of server ${b.resource_id}`);
    const server = cbr.servers.server(serverId);
    if (!server) throw cbrError('BackupService.7100', `server ${serverId}`);
    const children = cbr.children(b.id);
    if (o.mappings === undefined) targets = children.map((c) => ({ backupId: c.id, volumeId: c.resource_id }));
    else {
      if (!Array.isArray(o.mappings) || o.mappings.length === 0) throw invalid('mappings must be a non-empty array of {backup_id, volume_id}');
      targets = o.mappings.map((m) => {
        if (!isObj(m) || typeof m.backup_id !== 'string' || typeof m.volume_id !== 'string') throw invalid('each mapping needs backup_id and volume_id');
        if (!children.some((c) => c.id === m.backup_id)) throw invalid(`mapping backup_id ${m.backup_id} is not a disk backup of ${b.id}`);
        if (!server.volumeIds.includes(m.volume_id)) throw cbrError('BackupService.2003', `disk ${m.volume_id} is not attached to server ${serverId}`);
        return { backupId: m.backup_id, volumeId: m.volume_id };
      });
    }
  }
  for (const t of targets) checkDisk(cbr, cbr.requireBackup(t.backupId), t.volumeId);
  if (new Set(targets.map((t) => t.volumeId)).size !== targets.length) throw invalid('each target disk may appear once');
  const targetName = serverId ? (cbr.servers.server(serverId)?.name ?? '') : (cbr.evs.store.volume(targets[0]!.volumeId)?.name ?? '');
  const fail = cbr.rt.faults.takeJobFailure('cbrRestore');
  cbr.transaction(() => {
    const stamp = cbr.evs.stamp(at);
    for (const t of targets) cbr.evs.store.updateVolume(t.volumeId, { status: 'restoring-backup' }, stamp);
    cbr.setBackupStatus(b.id, 'restoring', at);
    if (holder) cbr.setProtectStatus(b.resource_id, 'restoring');
    const oplogId = createOplog(cbr, {
      type: 'restore', vault, checkpointId: b.checkpoint_id, resource: { id: b.resource_id, name: b.resource_name, type: b.resource_type },
      extra: { restore: { backup_id: b.id, backup_name: b.name, target_resource_id: serverId ?? targets[0]!.volumeId, target_resource_name: targetName } },
    }, at);
    const payload: RestorePayload = { backupId: b.id, oplogId, targets, powerOn, ...(serverId ? { serverId } : {}), ...(fail ? { fail } : {}) };
    cbr.rt.scheduler.schedule('cbr.restore.finish', CBR_DURATION.restore, payload, at);
  });
}

export function finishRestore(cbr: Cbr, p: RestorePayload, at: number): void {
  const stamp = cbr.evs.stamp(at);
  for (const t of p.targets) {
    const v = cbr.evs.store.volume(t.volumeId);
    if (!v || v.status !== 'restoring-backup') continue;
    if (p.fail) {
      cbr.evs.store.updateVolume(v.id, { status: 'error_restoring' }, stamp);
      continue;
    }
    cbr.evs.store.updateVolume(v.id, { status: restingStatus(v) }, stamp);
    const source = cbr.backup(t.backupId);
    if (source) setDataVersion(cbr.evs, v.id, source.data_version, at);
  }
  const b = cbr.backup(p.backupId);
  if (b && b.status === 'restoring') {
    cbr.setBackupStatus(b.id, 'available', at);
    if (cbr.resource(b.resource_id)?.protect_status === 'restoring') cbr.setProtectStatus(b.resource_id, 'available');
  }
  if (!p.fail && p.serverId && p.powerOn) cbr.servers.powerOn?.(p.serverId);
  finishOplog(cbr, p.oplogId, p.fail ? 'failed' : 'success', at, p.fail);
}
