import { describe, expect, it } from 'vitest';
import { control, createDisks, useTestEmulator, type Json } from './helpers.ts';
import { backups, cbr, vbs } from './cbr-helpers.ts';

const client = useTestEmulator({ speed: 'realistic' }, { clock: 'frozen' });


async function vbsBackup(volumeId: string, name: string): Promise<string> {
  const r = await vbs(client, 'POST', '/v2/{pid}/cloudbackups', { body: { backup: { volume_id: volumeId, name } } });
  expect(r.status).toBe(200);
  return (await vbs(client, 'GET', `/v1/{pid}/jobs/${r.body.job_id}`)).body.entities.backup_id;
}

/** Two disks under a VBS policy (one backed up twice), a third disk with a manual backup and no policy. */
async function legacySetup(): Promise<{ bound: string[]; loose: string; backupIds: string[]; policyId: string }> {
  const { ids } = await createDisks(client, { size: 20, count: 3, name: 'legacy' });
  await control(client, 'POST', '/clock/advance', { seconds: 60 });
  const policy = await vbs(client, 'POST', '/v2/{pid}/backuppolicy', {
    body: { backup_policy_name: 'nightly', scheduled_policy: { start_time: '22:00,02:00', frequency: 2, rentention_num: 7, status: 'ON' } },
  });
  const policyId = policy.body.backup_policy_id as string;
  const bound = [ids[0]!, ids[1]!];
  await vbs(client, 'POST', '/v2/{pid}/backuppolicyresources', { body: { backup_policy_id: policyId, resources: bound.map((id) => ({ resource_id: id, resource_type: 'volume' })) } });
  const backupIds: string[] = [];
  for (const [disk, name] of [[ids[0]!, 'first'], [ids[2]!, 'loose_one']] as const) {
    backupIds.push(await vbsBackup(disk, name));
    await control(client, 'POST', '/clock/advance', { seconds: 30 });
  }
  backupIds.push(await vbsBackup(ids[0]!, 'second'));
  await control(client, 'POST', '/clock/advance', { seconds: 30 });
  return { bound, loose: ids[2]!, backupIds, policyId };
}

describe('CBR tenant migration (VBS → CBR)', () => {
  it('moves VBS policies, bindings and backups into CBR vaults on the clock', async () => {
    const { bound, loose, backupIds } = await legacySetup();
    expect((await cbr(client, 'GET', '/v3/migrates')).body.error_code).toBe('BackupService.4001');

    const started = await cbr(client, 'POST', '/v3/migrates', { body: { all_regions: true, reservation: 0.5 } });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ 'cn-north-4': 'running', 'cn-east-3': 'running' });
    let status = (await cbr(client, 'GET', '/v3/migrates')).body;
    expect(status.status).toBe('migrating');
    expect(status.project_status).toMatchObject([
      { region_id: 'cn-north-4', status: 'migrating', progress: 0, project_id: client.projectId, project_name: 'cn-north-4' },
      { region_id: 'cn-east-3', status: 'success', progress: 100 },
    ]);
    expect((await cbr(client, 'GET', '/v3/migrates', { query: { all_regions: 'false' } })).body.project_status).toHaveLength(1);

    await control(client, 'POST', '/clock/advance', { seconds: 21 });
    status = (await cbr(client, 'GET', '/v3/migrates')).body;
    expect(status).toMatchObject({ status: 'success', project_status: [{ status: 'success', progress: 100 }, { status: 'success' }] });

    const vaults = (await cbr(client, 'GET', '/v3/{pid}/vaults')).body.vaults as Json[];
    const byName = new Map(vaults.map((v) => [v.name, v]));
    const policyVault = byName.get('vbs-nightly');
    expect(policyVault.resources.map((r: Json) => r.id).sort()).toEqual([...bound].sort());
    // 40 GB of backups plus the 50 % reservation.
    expect(policyVault.billing).toMatchObject({ object_type: 'disk', size: 60, used: 40 * 1024 });
    expect(byName.get('vbs-migrated').resources.map((r: Json) => r.id)).toEqual([loose]);
    const policies = (await cbr(client, 'GET', '/v3/{pid}/policies', { query: { vault_id: policyVault.id } })).body.policies;
    expect(policies).toMatchObject([{ name: 'nightly', enabled: true, operation_definition: { max_backups: 7 }, trigger: { properties: { pattern: ['FREQ=DAILY;INTERVAL=2;BYHOUR=2,22;BYMINUTE=00'] } } }]);

    const moved = await backups(client, {});
    expect(moved.map((b) => b.id).sort()).toEqual([...backupIds].sort());
    const first = moved.find((b) => b.name === 'first');
    expect(first).toMatchObject({ status: 'available', resource_id: bound[0], vault_id: policyVault.id, incremental: false, resource_type: 'OS::Cinder::Volume' });
    expect(moved.find((b) => b.name === 'second').incremental).toBe(true);
    // VBS is empty; the disks can be restored from their (same-id) backups through CBR.
    expect((await vbs(client, 'GET', '/v2/{pid}/backuppolicy')).body.backup_policies).toEqual([]);
    expect((await vbs(client, 'GET', '/v2/{pid}/backups')).body.backups).toEqual([]);
    const restore = await cbr(client, 'POST', `/v3/{pid}/backups/${first.id}/restore`, { body: { restore: { volume_id: bound[0] } } });
    expect(restore.status).toBe(202);
    // A migrated tenant uses CBR from now on.
    const refused = await vbs(client, 'POST', '/v2/{pid}/cloudbackups', { body: { backup: { volume_id: loose, name: 'after' } } });
    expect([refused.status, refused.body]).toEqual([400, { error: { code: 'BackupService.4003', message: 'Migrated tenants cannot use CSBS and VBS.' } }]);
    const noPolicy = await vbs(client, 'POST', '/v2/{pid}/backuppolicy', { body: { backup_policy_name: 'p2', scheduled_policy: { start_time: '01:00', frequency: 1, rentention_num: 3, status: 'ON' } } });
    expect(noPolicy.body.error.code).toBe('BackupService.4003');
  });

  it('fails with 4006 while a VBS backup is in progress, and changes nothing', async () => {
    const { ids } = await createDisks(client, { size: 10 });
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const backupId = await vbsBackup(ids[0]!, 'slow');
    await cbr(client, 'POST', '/v3/migrates', { body: { all_regions: false, reservation: 0.2 } });
    await control(client, 'POST', '/clock/advance', { seconds: 20 });
    const status = (await cbr(client, 'GET', '/v3/migrates')).body;
    expect(status).toEqual({
      status: 'failed',
      project_status: [{ status: 'failed', progress: 0, project_id: client.projectId, project_name: 'cn-north-4', region_id: 'cn-north-4', fail_code: 4006, fail_reason: expect.stringContaining(backupId) }],
    });
    expect((await vbs(client, 'GET', `/v2/{pid}/backups/${backupId}`)).status).toBe(200);
    expect((await cbr(client, 'GET', '/v3/{pid}/vaults')).body.count).toBe(0);
    // Once the backup is done, a new migration succeeds.
    await control(client, 'POST', '/clock/advance', { seconds: 30 });
    await cbr(client, 'POST', '/v3/migrates', { body: { all_regions: false, reservation: 0 } });
    await control(client, 'POST', '/clock/advance', { seconds: 21 });
    expect((await cbr(client, 'GET', '/v3/migrates')).body.status).toBe('success');
    expect((await backups(client, {})).map((b) => b.id)).toEqual([backupId]);
  });

  it('validates the request', async () => {
    for (const body of [{}, { all_regions: true }, { all_regions: 'yes', reservation: 0.2 }, { all_regions: true, reservation: 1.5 }, { all_regions: true, reservation: -0.1 }]) {
      const r = await cbr(client, 'POST', '/v3/migrates', { body });
      expect([r.status, r.body.error_code], JSON.stringify(body)).toEqual([400, 'BackupService.9900']);
    }
    expect((await cbr(client, 'GET', '/v3/migrates', { query: { all_regions: 'maybe' } })).body.error_code).toBe('BackupService.9900');
  });
});
