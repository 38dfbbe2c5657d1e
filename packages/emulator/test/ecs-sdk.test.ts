import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import ecsSdk from '@huaweicloud/huaweicloud-sdk-ecs';
// The package root also loads its v5 API, which fails to resolve in 3.1.172; v3 is the one with projects.
import * as iamSdk from '@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js';
import { describe, expect, it } from 'vitest';
import { emulatorDefaults } from '../src/index.ts';
import { AZ, createDisks, useTestEmulator, type Json } from './helpers.ts';
import { IMAGE, SUBNET, VPC } from './ecs-helpers.ts';

// Fifty times faster than real: jobs really pass through INIT and RUNNING while the SDK polls.
const client = useTestEmulator({ speed: 50 }, { resetEachTest: false });

function credentials(projectId?: string): BasicCredentials {
  const c = new BasicCredentials().withAk(emulatorDefaults.ak).withSk(emulatorDefaults.sk);
  return projectId ? c.withProjectId(projectId) : c;
}

/**
 * The SDK hands responses over as the parsed JSON, so fields keep their wire names (`job_id`,
 * `sub_jobs`); tests read them as such.
 */
const wire = (x: unknown): Json => x;

const seen = new Set<string>();

/** Polls a job through the SDK until it ends, noting every status it passed through. */
async function waitJob(sdk: ecsSdk.EcsClient, jobId: string): Promise<Json> {
  for (let i = 0; i < 400; i++) {
    const j: Json = await sdk.showJob(new ecsSdk.ShowJobRequest().withJobId(jobId));
    seen.add(j.status);
    if (j.status === 'SUCCESS' || j.status === 'FAIL') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${jobId} did not end`);
}

describe('the official ECS and IAM SDKs against the emulator', () => {
  it('runs a whole server story and parses every answer', async () => {
    const iam = iamSdk.IamClient.newBuilder().withCredential(credentials()).withEndpoint(client.emulator.info.endpoints.iam).build();
    const projects = await iam.keystoneListProjects(new iamSdk.KeystoneListProjectsRequest());
    const projectId = projects.projects!.find((p) => p.name === emulatorDefaults.region)!.id!;
    expect(projectId).toBe(client.emulator.info.projectId);

    const sdk = ecsSdk.EcsClient.newBuilder().withCredential(credentials(projectId)).withEndpoint(client.emulator.info.endpoints.ecs!).build();
    const flavors = await sdk.listFlavors(new ecsSdk.ListFlavorsRequest().withAvailabilityZone(AZ.a));
    const flavor = flavors.flavors!.find((f) => f.id === 's3.large.2')!;
    // The SDK types vcpus as a string, as the seed does (5.4.1).
    expect(flavor.vcpus).toBe('2');
    // Responses arrive as the parsed JSON: nested objects keep the wire names.
    expect((flavor as unknown as { os_extra_specs: Record<string, string> }).os_extra_specs['ecs:performancetype']).toBe('normal');

    const server = new ecsSdk.PrePaidServer()
      .withImageRef(IMAGE).withFlavorRef(flavor.id!).withName('sdk').withVpcid(VPC).withCount(2).withAvailabilityZone(AZ.a)
      .withNics([new ecsSdk.PrePaidServerNic().withSubnetId(SUBNET)])
      .withRootVolume(new ecsSdk.PrePaidServerRootVolume().withVolumetype('SSD').withSize(40))
      .withDataVolumes([new ecsSdk.PrePaidServerDataVolume().withVolumetype('SSD').withSize(10)]);
    const created = await sdk.createServers(new ecsSdk.CreateServersRequest().withBody(new ecsSdk.CreateServersRequestBody().withServer(server)));
    expect(created.serverIds).toHaveLength(2);
    const createJob = await waitJob(sdk, wire(created).job_id);
    expect(createJob.status).toBe('SUCCESS');
    expect(createJob.entities.sub_jobs).toHaveLength(2);
    const ids = created.serverIds!;

    const list = await sdk.novaListServersDetails(new ecsSdk.NovaListServersDetailsRequest().withOpenStackAPIVersion('compute 2.60').withLimit(10));
    expect(list.servers!.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(list.servers![0]!.status).toBe('ACTIVE');

    const stop = await sdk.batchStopServers(new ecsSdk.BatchStopServersRequest().withBody(
      new ecsSdk.BatchStopServersRequestBody().withOsStop(new ecsSdk.BatchStopServersOption().withServers(ids.map((id) => new ecsSdk.ServerId().withId(id))).withType('HARD')),
    ));
    const stopJob = await waitJob(sdk, wire(stop).job_id);
    expect(stopJob.status).toBe('SUCCESS');
    expect(stopJob.entities.sub_jobs_total).toBe(2);

    const { ids: [diskId] } = await createDisks(client, { availability_zone: AZ.a });
    for (let i = 0; i < 400 && (await client.evs('GET', `/v2/{pid}/cloudvolumes/${diskId}`)).body?.volume?.status !== 'available'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const attach = await sdk.attachServerVolume(new ecsSdk.AttachServerVolumeRequest().withServerId(ids[0]!).withBody(
      new ecsSdk.AttachServerVolumeRequestBody().withVolumeAttachment(new ecsSdk.AttachServerVolumeOption().withVolumeId(diskId!).withDevice('/dev/vdc')),
    ));
    expect((await waitJob(sdk, wire(attach).job_id)).status).toBe('SUCCESS');
    const attachments = await sdk.listServerVolumeAttachments(new ecsSdk.ListServerVolumeAttachmentsRequest().withServerId(ids[0]!));
    expect(attachments.volumeAttachments!.map((a) => a.device)).toEqual(['/dev/vda', '/dev/vdb', '/dev/vdc']);
    const blocks = await sdk.listServerBlockDevices(new ecsSdk.ListServerBlockDevicesRequest().withServerId(ids[0]!));
    expect(wire(blocks).volumeAttachments.find((b: { bootIndex: number }) => b.bootIndex === 0).device).toBe('/dev/vda');

    const detach = await sdk.detachServerVolume(new ecsSdk.DetachServerVolumeRequest().withServerId(ids[0]!).withVolumeId(diskId!).withDeleteFlag('0'));
    expect((await waitJob(sdk, wire(detach).job_id)).status).toBe('SUCCESS');
    expect((await client.evs('GET', `/v2/{pid}/cloudvolumes/${diskId}`)).body.volume.status).toBe('available');

    const start = await sdk.batchStartServers(new ecsSdk.BatchStartServersRequest().withBody(
      new ecsSdk.BatchStartServersRequestBody().withOsStart(new ecsSdk.BatchStartServersOption().withServers(ids.map((id) => new ecsSdk.ServerId().withId(id)))),
    ));
    expect((await waitJob(sdk, wire(start).job_id)).status).toBe('SUCCESS');

    const del = await sdk.deleteServers(new ecsSdk.DeleteServersRequest().withBody(
      new ecsSdk.DeleteServersRequestBody().withServers(ids.map((id) => new ecsSdk.ServerId().withId(id))).withDeleteVolume(true).withDeletePublicip(true),
    ));
    expect((await waitJob(sdk, wire(del).job_id)).status).toBe('SUCCESS');
    // Which intermediate statuses a poll meets depends on timing; each must be a documented one.
    for (const status of seen) expect(['INIT', 'RUNNING', 'SUCCESS']).toContain(status);
    const after = await sdk.novaListServers(new ecsSdk.NovaListServersRequest());
    expect(after.servers).toEqual([]);
    const left = await client.evs('GET', '/v2/{pid}/cloudvolumes/detail');
    expect(left.body.volumes.map((v: { id: string }) => v.id)).toEqual([diskId]);
  });
});
