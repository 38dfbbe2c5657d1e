import { describe, expect, it } from 'vitest';
import { control, useTestEmulator, type Json } from './helpers.ts';
import { vbs } from './cbr-helpers.ts';

const client = useTestEmulator({}, { resetEachTest: false });

const DAY = 86_400_000;

describe('VBS demo data', () => {
  it('the demo set has legacy policies, bound disks, nights of policy backups, tasks and a failed manual backup', async () => {
    const seeded = await control(client, 'POST', '/reset?seed=demo');
    expect(seeded.body.vbsBackups).toBe(10);
    const policies = (await vbs(client, 'GET', '/v2/{pid}/backuppolicy')).body.backup_policies as Json[];
    expect(policies.map((p) => [p.backup_policy_name, p.scheduled_policy.status, p.policy_resource_count])).toEqual([['legacy-nightly', 'ON', 2], ['legacy-weekend', 'OFF', 0]]);
    const nightly = policies[0];
    expect(nightly).toMatchObject({ time_zone: 'UTC+08:00', scheduled_policy: { start_time: '18:00', frequency: 1, rentention_num: 7, remain_first_backup_of_curMonth: 'Y' } });
    expect((await vbs(client, 'GET', `/v2/{pid}/backuppolicy/${nightly.backup_policy_id}/tags`)).body.tags).toEqual([{ key: 'env', value: 'prod' }]);

    const all = (await vbs(client, 'GET', '/v2/{pid}/backups/detail')).body.backups as Json[];
    const auto = all.filter((b) => b.name.startsWith('autobk_'));
    expect(auto).toHaveLength(8);
    expect(auto.every((b) => b.status === 'available')).toBe(true);
    expect(new Set(auto.map((b) => b.volume_id)).size).toBe(2);
    const now = Date.parse((await control(client, 'GET', '/clock')).body.now);
    // four past nights at the policy's 18:00 (UTC), whatever the time of day the demo is seeded
    const made = auto.map((b) => Date.parse(`${b.created_at}Z`));
    for (const at of made) {
      expect(at).toBeLessThan(now);
      expect(new Date(at).toISOString().slice(11, 19)).toBe('18:00:00');
    }
    expect(new Set(made.map((at) => Math.floor(at / DAY))).size).toBe(4);
    expect(now - Math.min(...made)).toBeLessThan(5 * DAY);
    expect(all.find((b) => b.name === 'before-resize')).toMatchObject({ status: 'available', description: 'manual backup before the resize' });
    expect(all.find((b) => b.name === 'restore-drill')).toMatchObject({ status: 'error', fail_reason: 'fsp cinder return backup status is error' });

    const tasks = (await vbs(client, 'GET', `/v2/{pid}/backuppolicy/${nightly.backup_policy_id}/backuptasks`)).body;
    expect(tasks.count).toBe(8);
    expect(tasks.tasks.every((t: Json) => t.status === 'EXECUTE_SUCCESS' && t.finished_at > t.created_at)).toBe(true);
    const job = (await vbs(client, 'GET', `/v1/{pid}/jobs/${tasks.tasks[0].vbs_job_id}`)).body;
    expect(job).toMatchObject({ status: 'SUCCESS', job_type: 'bksCreateBackup', sub_jobs: [] });
    expect(Date.parse(job.end_time)).toBeGreaterThan(Date.parse(job.begin_time));

    // The seeded disks are at rest, and CBR leaves them to VBS.
    const disks = (await control(client, 'GET', '/state/volumes?limit=1000')).body.rows as { id: string; status: string }[];
    for (const b of all) expect(disks.find((d) => d.id === b.volume_id)?.status).not.toBe('backing-up');
    const bound = auto[0].volume_id;
    const vaults = await client.call('GET', `/cbr/v3/${client.projectId}/vaults`, { query: { resource_ids: bound } });
    expect(vaults.body.count).toBe(0);
  });
});
