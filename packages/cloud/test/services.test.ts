import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCloudClients, type CloudClients } from '../src/index.ts';
import { json, PROJECT_ID as PID, profileFor, recordingRetry, startFakeCloud, type FakeCloud } from './helpers/fake-cloud.ts';

let cloud: FakeCloud;
let c: CloudClients;
beforeAll(async () => {
  cloud = await startFakeCloud();
  c = createCloudClients(profileFor(cloud.url), { retry: recordingRetry() });
});
afterAll(async () => {
  await cloud.close();
});
beforeEach(() => {
  cloud.requests.length = 0;
  cloud.setHandler((_req, res) => json(res, 200, {}));
});

interface Case {
  name: string;
  run: () => Promise<unknown>;
  method: string;
  url: string;
  body?: unknown;
}

function last() {
  const req = cloud.requests.at(-1);
  if (!req) throw new Error('no request recorded');
  return req;
}

const cases: Case[] = [
  // EVS
  { name: 'evs.listDisks', run: () => c.evs.listDisks({ limit: 50, offset: 0, sort_key: 'size' }), method: 'GET', url: `/evs/v2/${PID}/cloudvolumes/detail?limit=50&offset=0&sort_key=size` },
  { name: 'evs.showDisk', run: () => c.evs.showDisk('vol-1'), method: 'GET', url: `/evs/v2/${PID}/cloudvolumes/vol-1` },
  {
    name: 'evs.expandDisk',
    run: () => c.evs.expandDisk('vol-1', { 'os-extend': { new_size: 100 } }),
    method: 'POST',
    url: `/evs/v2.1/${PID}/cloudvolumes/vol-1/action`,
    body: { 'os-extend': { new_size: 100 } },
  },
  { name: 'evs.updateDisk', run: () => c.evs.updateDisk('vol-1', { volume: { name: 'n' } }), method: 'PUT', url: `/evs/v2/${PID}/cloudvolumes/vol-1`, body: { volume: { name: 'n' } } },
  { name: 'evs.deleteDisk', run: () => c.evs.deleteDisk('vol-1'), method: 'DELETE', url: `/evs/v2/${PID}/cloudvolumes/vol-1` },
  {
    name: 'evs.modifyQos',
    run: () => c.evs.modifyQos('vol-1', { qos_modify: { iops: 5000, throughput: 200 } }),
    method: 'PUT',
    url: `/evs/v5/${PID}/cloudvolumes/vol-1/qos`,
    body: { qos_modify: { iops: 5000, throughput: 200 } },
  },
  { name: 'evs.listSnapshots', run: () => c.evs.listSnapshots({ volume_id: 'vol-1', id: ['s1', 's2'] }), method: 'GET', url: `/evs/v2/${PID}/cloudsnapshots/detail?volume_id=vol-1&id=s1&id=s2` },
  {
    name: 'evs.createSnapshot',
    run: () => c.evs.createSnapshot({ snapshot: { volume_id: 'vol-1', name: 'snap', force: false } }),
    method: 'POST',
    url: `/evs/v2/${PID}/cloudsnapshots`,
    body: { snapshot: { volume_id: 'vol-1', name: 'snap', force: false } },
  },
  {
    name: 'evs.rollbackSnapshot',
    run: () => c.evs.rollbackSnapshot('snap-1', { rollback: { volume_id: 'vol-1' } }),
    method: 'POST',
    url: `/evs/v2/${PID}/cloudsnapshots/snap-1/rollback`,
    body: { rollback: { volume_id: 'vol-1' } },
  },
  { name: 'evs.deleteSnapshot', run: () => c.evs.deleteSnapshot('snap-1'), method: 'DELETE', url: `/evs/v2/${PID}/cloudsnapshots/snap-1` },
  { name: 'evs.listCinderSnapshots', run: () => c.evs.listCinderSnapshots({ marker: 'm' }), method: 'GET', url: `/evs/v2/${PID}/snapshots/detail?marker=m` },
  {
    name: 'evs.batchCreateTags',
    run: () => c.evs.batchCreateTags('vol-1', [{ key: 'env', value: 'prod' }]),
    method: 'POST',
    url: `/evs/v2/${PID}/cloudvolumes/vol-1/tags/action`,
    body: { action: 'create', tags: [{ key: 'env', value: 'prod' }] },
  },
  {
    name: 'evs.batchDeleteTags',
    run: () => c.evs.batchDeleteTags('vol-1', [{ key: 'env' }]),
    method: 'POST',
    url: `/evs/v2/${PID}/cloudvolumes/vol-1/tags/action`,
    body: { action: 'delete', tags: [{ key: 'env' }] },
  },
  { name: 'evs.listTags', run: () => c.evs.listTags('vol-1'), method: 'GET', url: `/evs/v2/${PID}/cloudvolumes/vol-1/tags` },
  { name: 'evs.listProjectTags', run: () => c.evs.listProjectTags(), method: 'GET', url: `/evs/v2/${PID}/cloudvolumes/tags` },
  { name: 'evs.showJob', run: () => c.evs.showJob('job-1'), method: 'GET', url: `/evs/v1/${PID}/jobs/job-1` },
  { name: 'evs.showQuotas', run: () => c.evs.showQuotas(), method: 'GET', url: `/evs/v2/${PID}/os-quota-sets/${PID}?usage=True` },
  { name: 'evs.listVolumeTypes', run: () => c.evs.listVolumeTypes(), method: 'GET', url: `/evs/v2/${PID}/types` },
  { name: 'evs.listAvailabilityZones', run: () => c.evs.listAvailabilityZones(), method: 'GET', url: `/evs/v2/${PID}/os-availability-zone` },
  { name: 'evs.deleteDiskMetadataItem', run: () => c.evs.deleteDiskMetadataItem('vol-1', 'hw:passthrough'), method: 'DELETE', url: `/evs/v2/${PID}/volumes/vol-1/metadata/hw%3Apassthrough` },
  // ECS
  {
    name: 'ecs.createServers',
    run: () =>
      c.ecs.createServers({
        server: { imageRef: 'img', flavorRef: 's3.large.2', name: 'web', vpcid: 'vpc', nics: [{ subnet_id: 'sn' }], root_volume: { volumetype: 'SSD' } },
      }),
    method: 'POST',
    url: `/ecs/v1/${PID}/cloudservers`,
    body: { server: { imageRef: 'img', flavorRef: 's3.large.2', name: 'web', vpcid: 'vpc', nics: [{ subnet_id: 'sn' }], root_volume: { volumetype: 'SSD' } } },
  },
  {
    name: 'ecs.deleteServers',
    run: () => c.ecs.deleteServers({ servers: [{ id: 's1' }], delete_volume: false }),
    method: 'POST',
    url: `/ecs/v1/${PID}/cloudservers/delete`,
    body: { servers: [{ id: 's1' }], delete_volume: false },
  },
  {
    name: 'ecs.batchStartServers',
    run: () => c.ecs.batchStartServers(['a', 'b']),
    method: 'POST',
    url: `/ecs/v1/${PID}/cloudservers/action`,
    body: { 'os-start': { servers: [{ id: 'a' }, { id: 'b' }] } },
  },
  {
    name: 'ecs.batchStopServers',
    run: () => c.ecs.batchStopServers(['a'], 'HARD'),
    method: 'POST',
    url: `/ecs/v1/${PID}/cloudservers/action`,
    body: { 'os-stop': { servers: [{ id: 'a' }], type: 'HARD' } },
  },
  {
    name: 'ecs.batchRebootServers',
    run: () => c.ecs.batchRebootServers(['a'], 'SOFT'),
    method: 'POST',
    url: `/ecs/v1/${PID}/cloudservers/action`,
    body: { reboot: { servers: [{ id: 'a' }], type: 'SOFT' } },
  },
  {
    name: 'ecs.resizeServer',
    run: () => c.ecs.resizeServer('s1', { resize: { flavorRef: 'c3.large.2' } }),
    method: 'POST',
    url: `/ecs/v1/${PID}/cloudservers/s1/resize`,
    body: { resize: { flavorRef: 'c3.large.2' } },
  },
  {
    name: 'ecs.attachVolume',
    run: () => c.ecs.attachVolume('s1', { volumeAttachment: { volumeId: 'vol-1', device: '/dev/vdb' } }),
    method: 'POST',
    url: `/ecs/v1/${PID}/cloudservers/s1/attachvolume`,
    body: { volumeAttachment: { volumeId: 'vol-1', device: '/dev/vdb' } },
  },
  { name: 'ecs.detachVolume', run: () => c.ecs.detachVolume('s1', 'vol-1', { delete_flag: 1 }), method: 'DELETE', url: `/ecs/v1/${PID}/cloudservers/s1/detachvolume/vol-1?delete_flag=1` },
  { name: 'ecs.listBlockDevices', run: () => c.ecs.listBlockDevices('s1'), method: 'GET', url: '/ecs/v2.1/servers/s1/block_device' },
  { name: 'ecs.listFlavors', run: () => c.ecs.listFlavors({ availability_zone: 'az1' }), method: 'GET', url: `/ecs/v1/${PID}/cloudservers/flavors?availability_zone=az1` },
  { name: 'ecs.showLimits', run: () => c.ecs.showLimits(), method: 'GET', url: `/ecs/v1/${PID}/cloudservers/limits` },
  { name: 'ecs.showJob', run: () => c.ecs.showJob('job-9'), method: 'GET', url: `/ecs/v1/${PID}/jobs/job-9` },
  { name: 'ecs.listInterfaces', run: () => c.ecs.listInterfaces('s1'), method: 'GET', url: `/ecs/v2.1/${PID}/servers/s1/os-interface` },
  { name: 'ecs.addNics', run: () => c.ecs.addNics('s1', { nics: [{ subnet_id: 'sn' }] }), method: 'POST', url: `/ecs/v1/${PID}/cloudservers/s1/nics`, body: { nics: [{ subnet_id: 'sn' }] } },
  { name: 'ecs.deleteNics', run: () => c.ecs.deleteNics('s1', { nics: [{ id: 'p1' }] }), method: 'POST', url: `/ecs/v1/${PID}/cloudservers/s1/nics/delete`, body: { nics: [{ id: 'p1' }] } },
  { name: 'ecs.listServerTags', run: () => c.ecs.listServerTags('s1'), method: 'GET', url: `/ecs/v1/${PID}/servers/s1/tags` },
  {
    name: 'ecs.batchCreateServerTags',
    run: () => c.ecs.batchCreateServerTags('s1', [{ key: 'k', value: 'v' }]),
    method: 'POST',
    url: `/ecs/v1/${PID}/servers/s1/tags/action`,
    body: { action: 'create', tags: [{ key: 'k', value: 'v' }] },
  },
  { name: 'ecs.updateServerMetadata', run: () => c.ecs.updateServerMetadata('s1', { metadata: { a: 'b' } }), method: 'POST', url: `/ecs/v2.1/${PID}/servers/s1/metadata`, body: { metadata: { a: 'b' } } },
  { name: 'ecs.lockServer', run: () => c.ecs.lockServer('s1'), method: 'POST', url: `/ecs/v2.1/${PID}/servers/s1/action`, body: { lock: null } },
  { name: 'ecs.unlockServer', run: () => c.ecs.unlockServer('s1'), method: 'POST', url: `/ecs/v2.1/${PID}/servers/s1/action`, body: { unlock: null } },
  { name: 'ecs.novaResizeServer', run: () => c.ecs.novaResizeServer('s1', 'c3.large.2'), method: 'POST', url: `/ecs/v2.1/${PID}/servers/s1/action`, body: { resize: { flavorRef: 'c3.large.2' } } },
  { name: 'ecs.confirmResizeServer', run: () => c.ecs.confirmResizeServer('s1'), method: 'POST', url: `/ecs/v2.1/${PID}/servers/s1/action`, body: { confirmResize: null } },
  { name: 'ecs.revertResizeServer', run: () => c.ecs.revertResizeServer('s1'), method: 'POST', url: `/ecs/v2.1/${PID}/servers/s1/action`, body: { revertResize: null } },
  { name: 'ecs.listServerNames', run: () => c.ecs.listServerNames({ limit: 1000 }), method: 'GET', url: `/ecs/v2.1/${PID}/servers?limit=1000` },
  // CBR
  {
    name: 'cbr.createVault',
    run: () =>
      c.cbr.createVault({
        vault: { name: 'v', billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 40 }, resources: [] },
      }),
    method: 'POST',
    url: `/cbr/v3/${PID}/vaults`,
    body: { vault: { name: 'v', billing: { consistent_level: 'crash_consistent', object_type: 'disk', protect_type: 'backup', size: 40 }, resources: [] } },
  },
  { name: 'cbr.listVaults', run: () => c.cbr.listVaults({ object_type: 'disk', limit: 20 }), method: 'GET', url: `/cbr/v3/${PID}/vaults?object_type=disk&limit=20` },
  { name: 'cbr.showVaultsSummary', run: () => c.cbr.showVaultsSummary(), method: 'GET', url: `/cbr/v3/${PID}/vaults/summary` },
  {
    name: 'cbr.addResources',
    run: () => c.cbr.addResources('v1', [{ id: 'vol-1', type: 'OS::Cinder::Volume' }]),
    method: 'POST',
    url: `/cbr/v3/${PID}/vaults/v1/addresources`,
    body: { resources: [{ id: 'vol-1', type: 'OS::Cinder::Volume' }] },
  },
  { name: 'cbr.removeResources', run: () => c.cbr.removeResources('v1', ['vol-1']), method: 'POST', url: `/cbr/v3/${PID}/vaults/v1/removeresources`, body: { resource_ids: ['vol-1'] } },
  { name: 'cbr.associatePolicy', run: () => c.cbr.associatePolicy('v1', { policy_id: 'p1' }), method: 'POST', url: `/cbr/v3/${PID}/vaults/v1/associatepolicy`, body: { policy_id: 'p1' } },
  { name: 'cbr.dissociatePolicy', run: () => c.cbr.dissociatePolicy('v1', 'p1'), method: 'POST', url: `/cbr/v3/${PID}/vaults/v1/dissociatepolicy`, body: { policy_id: 'p1' } },
  {
    name: 'cbr.createPolicy',
    run: () =>
      c.cbr.createPolicy({
        policy: {
          name: 'daily',
          operation_type: 'backup',
          operation_definition: { max_backups: 7 },
          trigger: { properties: { pattern: ['FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00'] } },
        },
      }),
    method: 'POST',
    url: `/cbr/v3/${PID}/policies`,
    body: {
      policy: {
        name: 'daily',
        operation_type: 'backup',
        operation_definition: { max_backups: 7 },
        trigger: { properties: { pattern: ['FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00'] } },
      },
    },
  },
  { name: 'cbr.deletePolicy', run: () => c.cbr.deletePolicy('p1'), method: 'DELETE', url: `/cbr/v3/${PID}/policies/p1` },
  {
    name: 'cbr.createCheckpoint',
    run: () => c.cbr.createCheckpoint({ checkpoint: { vault_id: 'v1', parameters: { resources: ['vol-1'], incremental: true } } }),
    method: 'POST',
    url: `/cbr/v3/${PID}/checkpoints`,
    body: { checkpoint: { vault_id: 'v1', parameters: { resources: ['vol-1'], incremental: true } } },
  },
  { name: 'cbr.showCheckpoint', run: () => c.cbr.showCheckpoint('cp1'), method: 'GET', url: `/cbr/v3/${PID}/checkpoints/cp1` },
  {
    name: 'cbr.listBackups',
    run: () => c.cbr.listBackups({ vault_id: 'v1', status: ['available', 'error'], sort: 'created_at:desc' }),
    method: 'GET',
    url: `/cbr/v3/${PID}/backups?vault_id=v1&status=available&status=error&sort=created_at%3Adesc`,
  },
  { name: 'cbr.deleteBackup', run: () => c.cbr.deleteBackup('b1'), method: 'DELETE', url: `/cbr/v3/${PID}/backups/b1` },
  {
    name: 'cbr.restoreBackup',
    run: () => c.cbr.restoreBackup('b1', { restore: { volume_id: 'vol-1' } }),
    method: 'POST',
    url: `/cbr/v3/${PID}/backups/b1/restore`,
    body: { restore: { volume_id: 'vol-1' } },
  },
  { name: 'cbr.listOperationLogs', run: () => c.cbr.listOperationLogs({ operation_type: 'restore', vault_id: 'v1' }), method: 'GET', url: `/cbr/v3/${PID}/operation-logs?operation_type=restore&vault_id=v1` },
  { name: 'cbr.showOperationLog', run: () => c.cbr.showOperationLog('op1'), method: 'GET', url: `/cbr/v3/${PID}/operation-logs/op1` },
  { name: 'cbr.createVaultTag', run: () => c.cbr.createVaultTag('v1', { key: 'k', value: 'v' }), method: 'POST', url: `/cbr/v3/${PID}/vault/v1/tags`, body: { tag: { key: 'k', value: 'v' } } },
  { name: 'cbr.deleteVaultTag', run: () => c.cbr.deleteVaultTag('v1', 'env#prod'), method: 'DELETE', url: `/cbr/v3/${PID}/vault/v1/tags/env%23prod` },
  { name: 'cbr.listProtectables', run: () => c.cbr.listProtectables('disk', { limit: 50 }), method: 'GET', url: `/cbr/v3/${PID}/protectables/disk/instances?limit=50` },
  // VBS
  {
    name: 'vbs.createBackup',
    run: () => c.vbs.createBackup({ backup: { volume_id: 'vol-1', name: 'backup1' } }),
    method: 'POST',
    url: `/vbs/v2/${PID}/cloudbackups`,
    body: { backup: { volume_id: 'vol-1', name: 'backup1' } },
  },
  {
    name: 'vbs.restoreBackup',
    run: () => c.vbs.restoreBackup('b1', { restore: { volume_id: 'vol-1' } }),
    method: 'POST',
    url: `/vbs/v2/${PID}/cloudbackups/b1/restore`,
    body: { restore: { volume_id: 'vol-1' } },
  },
  { name: 'vbs.listBackups', run: () => c.vbs.listBackups({ volume_id: 'vol-1' }), method: 'GET', url: `/vbs/v2/${PID}/backups/detail?volume_id=vol-1` },
  { name: 'vbs.deleteBackup', run: () => c.vbs.deleteBackup('b1'), method: 'DELETE', url: `/vbs/v2/${PID}/backups/b1` },
  { name: 'vbs.showJob', run: () => c.vbs.showJob('j1'), method: 'GET', url: `/vbs/v1/${PID}/jobs/j1` },
  {
    name: 'vbs.createBackupPolicy',
    run: () =>
      c.vbs.createBackupPolicy({
        backup_policy_name: 'policy_01',
        scheduled_policy: { remain_first_backup_of_curMonth: 'Y', rentention_day: 30, week_frequency: ['SUN', 'WED'], start_time: '12:00', status: 'ON' },
        time_zone: 'UTC+08:00',
      }),
    method: 'POST',
    url: `/vbs/v2/${PID}/backuppolicy`,
    body: {
      backup_policy_name: 'policy_01',
      scheduled_policy: { remain_first_backup_of_curMonth: 'Y', rentention_day: 30, week_frequency: ['SUN', 'WED'], start_time: '12:00', status: 'ON' },
      time_zone: 'UTC+08:00',
    },
  },
  {
    name: 'vbs.bindResources',
    run: () => c.vbs.bindResources({ backup_policy_id: 'p1', resources: [{ resource_id: 'vol-1', resource_type: 'volume' }] }),
    method: 'POST',
    url: `/vbs/v2/${PID}/backuppolicyresources`,
    body: { backup_policy_id: 'p1', resources: [{ resource_id: 'vol-1', resource_type: 'volume' }] },
  },
  { name: 'vbs.unbindResources', run: () => c.vbs.unbindResources('p1', ['vol-1']), method: 'POST', url: `/vbs/v2/${PID}/backuppolicyresources/p1/deleted_resources`, body: { resources: [{ resource_id: 'vol-1' }] } },
  { name: 'vbs.executeBackupPolicy', run: () => c.vbs.executeBackupPolicy('p1'), method: 'POST', url: `/vbs/v2/${PID}/backuppolicy/p1/action` },
  { name: 'vbs.listBackupTasks', run: () => c.vbs.listBackupTasks('p1', { limit: 10, status: 'RUNNING' }), method: 'GET', url: `/vbs/v2/${PID}/backuppolicy/p1/backuptasks?limit=10&status=RUNNING` },
  // IAM
  { name: 'iam.listProjects', run: () => c.iam.listProjects({ name: 'cn-north-4' }), method: 'GET', url: '/iam/v3/projects?name=cn-north-4' },
];

describe('service clients call the documented method, versioned path and body', () => {
  it.each(cases)('$name', async ({ run, method, url, body }) => {
    await run();
    const req = last();
    expect(req.method).toBe(method);
    expect(req.url).toBe(url);
    expect(req.verification.ok).toBe(true);
    if (body === undefined) expect(req.body.length).toBe(0);
    else expect(JSON.parse(req.body.toString('utf8'))).toEqual(body);
  });
});

describe('service specifics', () => {
  it('asks Nova for microversion 2.26 on server list and detail, and pins 2.1 for the console log', async () => {
    await c.ecs.listServers({ limit: 100, marker: 'last-id', status: 'ACTIVE' });
    expect(last().url).toBe(`/ecs/v2.1/${PID}/servers/detail?limit=100&marker=last-id&status=ACTIVE`);
    expect(last().headers['x-openstack-nova-api-version']).toBe('2.26');
    await c.ecs.showServer('s1');
    expect(last().headers['x-openstack-nova-api-version']).toBe('2.26');
    await c.ecs.showConsoleOutput('s1', 50);
    expect(last().headers['x-openstack-nova-api-version']).toBe('2.1');
    expect(JSON.parse(last().body.toString())).toEqual({ 'os-getConsoleOutput': { length: 50 } });
  });

  it('sends X-Client-Token (signed) on disk creation, which then makes it safe to retry', async () => {
    cloud.setHandler((_req, res, i) => (i === 0 ? json(res, 503, {}) : json(res, 202, { job_id: 'j1', volume_ids: ['v1'] })));
    const token = '6fa459ea-ee8a-3ca4-894e-db77e160355e';
    const res = await c.evs.createDisks({ volume: { availability_zone: 'az1', volume_type: 'SSD', size: 10 } }, { clientToken: token });
    expect(res.data).toEqual({ job_id: 'j1', volume_ids: ['v1'] });
    expect(cloud.requests).toHaveLength(2);
    const req = last();
    expect(req.url).toBe(`/evs/v2.1/${PID}/cloudvolumes`);
    expect(req.headers['x-client-token']).toBe(token);
    expect(req.verification.ok && req.verification.signedHeaders).toContain('x-client-token');

    cloud.requests.length = 0;
    cloud.setHandler((_req, res) => json(res, 503, {}));
    await expect(c.evs.createDisks({ volume: { availability_zone: 'az1', volume_type: 'SSD', size: 10 } })).rejects.toMatchObject({
      httpStatus: 503,
    });
    expect(cloud.requests).toHaveLength(1);
  });

  it('returns the IAM token from X-Subject-Token and signs no project header', async () => {
    cloud.setHandler((_req, res) =>
      json(res, 201, { token: { expires_at: '2030-01-01T00:00:00.000000Z', methods: ['password'], user: { id: 'u', name: 'ops', domain: { id: 'd', name: 'acme' } } } }, {
        'X-Subject-Token': 'MIIPAgYJKoZlhvcNAQcCo',
      }),
    );
    const res = await c.iam.createPasswordToken(
      {
        auth: {
          identity: { methods: ['password'], password: { user: { name: 'ops', password: 'secret-pass', domain: { name: 'acme' } } } },
          scope: { project: { name: 'cn-north-4' } },
        },
      },
      { nocatalog: true },
    );
    expect(res.status).toBe(201);
    expect(res.subjectToken).toBe('MIIPAgYJKoZlhvcNAQcCo');
    expect(res.data.token.user.name).toBe('ops');
    expect(last().url).toBe('/iam/v3/auth/tokens?nocatalog=true');
    expect(last().headers['x-project-id']).toBeUndefined();
  });

  it('passes per-call options through: extra signed headers and context', async () => {
    await c.cbr.listVaults({}, { headers: { 'X-Trace': 'abc' }, timeoutMs: 5000 });
    const req = last();
    expect(req.headers['x-trace']).toBe('abc');
    expect(req.verification.ok && req.verification.signedHeaders).toContain('x-trace');
  });

  it('lets a caller override a fixed header whatever its spelling', async () => {
    await c.ecs.listServers({}, { headers: { 'x-openstack-nova-api-version': '2.60' } });
    const req = last();
    expect(req.headers['x-openstack-nova-api-version']).toBe('2.60');
    expect(req.verification.ok).toBe(true);
  });
});
