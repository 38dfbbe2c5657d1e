import type { EmulatorClock, Fault } from '@console/contract';

/** The services a fault can narrow to, as the emulator names them. */
export const faultServices = ['evs', 'ecs', 'cbr', 'vbs', 'iam'] as const;

/**
 * Operation names the emulator routes under (see packages/emulator/src/services/<service>/routes):
 * offered as suggestions, any other name of the service is accepted as typed.
 */
export const knownOperations: Readonly<Record<(typeof faultServices)[number], readonly string[]>> = {
  evs: ['CreateVolume', 'ListVolumes', 'ShowVolume', 'ResizeVolume', 'DeleteVolume', 'ModifyVolumeQoS', 'CreateSnapshot', 'ShowJob'],
  ecs: ['AttachServerVolume', 'DetachServerVolume', 'CreateServers', 'DeleteServers', 'BatchServerAction', 'ShowJob', 'ListFlavors', 'NovaListServersDetails'],
  cbr: ['CreateCheckpoint', 'CreateRestore', 'ListBackups', 'ShowBackup', 'ListVault', 'ShowVault', 'ListOpLogs'],
  vbs: ['CreateBackup', 'RestoreBackup', 'ListBackupsDetails', 'ShowJob'],
  iam: ['KeystoneCreateUserTokenByPassword', 'KeystoneListProjects'],
};

/** Job types (and job-less tasks) a job fault can make fail, from the emulator's README. */
export const knownJobTypes = [
  'createVolume', 'batchCreateVolume', 'extendVolume', 'deleteVolume', 'modifyVolumeQoS',
  'createSnapshot', 'deleteSnapshot', 'rollbackSnapshot', 'uploadImage',
  'attachVolume', 'detachVolume', 'createServer', 'createSingleServer', 'deleteSingleServer',
  'startServer', 'stopServer', 'rebootServer', 'resizeServer', 'reinstallOS', 'changeOS',
  'cbrBackup', 'cbrRestore', 'bksCreateBackup', 'bksRestoreBackup',
] as const;

/** Clock speeds the panel offers, by name: the emulator divides transition times by a number. */
export const clockSpeeds = { realistic: 'realistic', instant: 'instant', faster: 10, slower: 0.1 } as const;
export type ClockSpeedName = keyof typeof clockSpeeds;

export function speedName(speed: EmulatorClock['speed']): ClockSpeedName | undefined {
  return (Object.keys(clockSpeeds) as ClockSpeedName[]).find((name) => clockSpeeds[name] === speed);
}

/**
 * The emulator's time now: frozen, it stays where it is; running, it moves with real time from
 * the moment the status was received (the emulator offsets its clock, it does not scale it).
 */
export function emulatorNow(clock: EmulatorClock, receivedAt: number, now: number): number {
  const at = Date.parse(clock.now);
  return clock.frozen ? at : at + Math.max(0, now - receivedAt);
}

const text = (fault: Fault, key: string): string | undefined => {
  const value = (fault as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

/** What a fault applies to and does, from the emulator's own fields (the contract keeps them open). */
export function faultFields(fault: Fault) {
  return {
    service: text(fault, 'service'),
    operation: text(fault, 'operation'),
    jobType: text(fault, 'jobType'),
    fixedMs: text(fault, 'fixedMs'),
    jitterMs: text(fault, 'jitterMs'),
    rate: text(fault, 'rate'),
    status: text(fault, 'status'),
    code: text(fault, 'code'),
    message: text(fault, 'message'),
    remaining: text(fault, 'remaining'),
  };
}
