import { describe, expect, it } from 'vitest';
import { emulatorProcesses, until } from './processes.ts';
import type { Json } from './helpers.ts';
import { ecs, serverBody } from './ecs-helpers.ts';

const { start } = emulatorProcesses('10');

describe('ECS persistence', () => {
  it('kill -9 in the middle of a create: after a restart the servers run with their disks attached', async () => {
    const { client, crash, restart } = await start();
    const created = await ecs(client, 'POST', '/v1/{pid}/cloudservers', { body: serverBody({ name: 'survivor', count: 2 }) });
    expect(created.status).toBe(200);
    const job = () => ecs(client, 'GET', `/v1/{pid}/jobs/${created.body.job_id}`);
    await until(job, (r) => r.body.status === 'RUNNING', 'the create job to run');
    await crash();

    await restart();
    const done = await until(job, (r) => r.body.status === 'SUCCESS', 'the create job to finish after the restart');
    expect(done.body.entities.sub_jobs.map((s: Json) => s.status)).toEqual(['SUCCESS', 'SUCCESS']);
    for (const id of created.body.serverIds as string[]) {
      const s = await ecs(client, 'GET', `/v2.1/{pid}/servers/${id}`);
      expect(s.body.server).toMatchObject({ status: 'ACTIVE', name: expect.stringMatching(/^survivor-000[01]$/) });
      const disks = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail', { query: { server_id: id } });
      expect(disks.body.volumes.map((v: Json) => v.status)).toEqual(['in-use', 'in-use']);
    }
    // The demo servers were seeded on the first start, with the demo disks attached to them.
    const web = await ecs(client, 'GET', '/v2.1/{pid}/servers/c3d3250c-7ce5-42cc-b620-dd2b63d19ca5');
    expect(web.body.server['os-extended-volumes:volumes_attached']).toHaveLength(3);
    await crash();
  }, 60_000);
});
