import { describe, expect, it } from 'vitest';
import { emulatorProcesses } from './processes.ts';
import { AZ, control } from './helpers.ts';
import { backups, cbr, createVault, disk } from './cbr-helpers.ts';

const { start } = emulatorProcesses('realistic');

describe('CBR persistence', () => {
  it('kill -9 in the middle of a backup: after a restart the backup completes and its task succeeds', async () => {
    const { client, crash, restart } = await start();
    // A frozen clock makes "the middle of the backup" exact: nothing moves until the test advances it.
    await control(client, 'POST', '/clock/freeze');
    const created = await client.evs('POST', '/v2/{pid}/volumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SSD', size: 10, name: 'precious' } } });
    const diskId = created.body.volume.id as string;
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const vault = await createVault(client, 'disk', [disk(diskId)]);
    const cp = await cbr(client, 'POST', '/v3/{pid}/checkpoints', { body: { checkpoint: { vault_id: vault.id, parameters: { name: 'before_crash' } } } });
    expect(cp.body.checkpoint.status).toBe('protecting');
    await control(client, 'POST', '/clock/advance', { seconds: 10 });
    expect((await backups(client, { vault_id: vault.id }))[0].status).toBe('protecting');
    await crash();

    await restart();
    expect((await backups(client, { vault_id: vault.id }))[0].status).toBe('protecting');
    await control(client, 'POST', '/clock/advance', { seconds: 60 });
    const [done] = await backups(client, { vault_id: vault.id });
    expect(done).toMatchObject({ name: 'before_crash', status: 'available', checkpoint_id: cp.body.checkpoint.id });
    const logs = await cbr(client, 'GET', '/v3/{pid}/operation-logs', { query: { vault_id: vault.id, operation_type: 'backup' } });
    expect(logs.body.operation_logs).toMatchObject([{ status: 'success', extra_info: { backup: { backup_id: done.id } } }]);
    expect((await cbr(client, 'GET', `/v3/{pid}/checkpoints/${cp.body.checkpoint.id}`)).body.checkpoint.status).toBe('available');
    await crash();
  }, 60_000);
});
