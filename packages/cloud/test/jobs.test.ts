import { describe, expect, it } from 'vitest';
import { normalizeJob, normalizeJobStatus, type RawJob } from '../src/index.ts';

describe('normalizeJob', () => {
  it('EVS single-disk job (evs.md §7.3): running, entities kept, empty end time read as absent', () => {
    const job = normalizeJob({
      status: 'RUNNING',
      entities: { volume_id: 'bdf1bb37-f20f-4266-9a04-f43e0a127376' },
      job_id: '4010a32d535527910153552b492c0002',
      job_type: 'createVolume',
      begin_time: '2016-03-08T07:40:13.219Z',
      end_time: '',
    });
    expect(job).toMatchObject({
      jobId: '4010a32d535527910153552b492c0002',
      jobType: 'createVolume',
      status: 'RUNNING',
      entities: { volume_id: 'bdf1bb37-f20f-4266-9a04-f43e0a127376' },
      subJobs: [],
      subJobsTotal: 0,
      finished: false,
      endTime: undefined,
      failReason: undefined,
      errorCode: undefined,
    });
  });

  it('ECS job with sub-jobs inside entities (ecs.md §7.3)', () => {
    const job = normalizeJob({
      status: 'SUCCESS',
      entities: {
        sub_jobs_total: 1,
        sub_jobs: [
          {
            status: 'SUCCESS',
            entities: { server_id: 'bae51750-0089-41a1-9b18-5c777978ff6d' },
            job_id: '2c9eb2c5544cbf6101544f0635672b60',
            job_type: 'createSingleServer',
            begin_time: '2016-04-25T20:04:47.591Z',
            end_time: '2016-04-25T20:08:21.328Z',
            error_code: null,
            fail_reason: null,
          },
        ],
      },
      job_id: '2c9eb2c5544cbf6101544f0602af2b4f',
      job_type: 'createServer',
      begin_time: '2016-04-25T20:04:34.604Z',
      end_time: '2016-04-25T20:08:41.593Z',
      error_code: null,
      fail_reason: null,
    });
    expect(job.status).toBe('SUCCESS');
    expect(job.finished).toBe(true);
    expect(job.entities).toEqual({});
    expect(job.subJobsTotal).toBe(1);
    expect(job.subJobs).toEqual([
      {
        jobId: '2c9eb2c5544cbf6101544f0635672b60',
        jobType: 'createSingleServer',
        status: 'SUCCESS',
        rawStatus: 'SUCCESS',
        entities: { server_id: 'bae51750-0089-41a1-9b18-5c777978ff6d' },
        failReason: undefined,
        errorCode: undefined,
        beginTime: '2016-04-25T20:04:47.591Z',
        endTime: '2016-04-25T20:08:21.328Z',
      },
    ]);
  });

  it('VBS job with top-level sub_jobs and its backup entities (vbs-cinder.md §6)', () => {
    const job = normalizeJob({
      status: 'SUCCESS',
      entities: { bks_create_volume_name: 'autobk_volume', backup_id: 'ba5401a2-7cd2-4c01-8c0d-c936ab412d6d' },
      job_id: '4010b39b5281d3590152874bfa3b1604',
      job_type: 'bksCreateBackup',
      sub_jobs: [{ status: 'SUCCESS', job_id: 'sub-1', entities: { backup_id: 'b-1' } }],
      error_code: null,
      fail_reason: null,
    });
    expect(job.entities.backup_id).toBe('ba5401a2-7cd2-4c01-8c0d-c936ab412d6d');
    expect(job.subJobs.map((s) => s.jobId)).toEqual(['sub-1']);
  });

  it('a failed batch without its own reason takes the first failed sub-job’s (ECS errorcode_message)', () => {
    const job = normalizeJob({
      status: 'FAIL',
      job_id: 'parent',
      entities: {
        sub_jobs_total: 3,
        sub_jobs: [
          { status: 'SUCCESS', job_id: 's1', entities: { server_id: 'a' } },
          { status: 'FAIL', job_id: 's2', error_code: 'Ecs.0226', entities: { server_id: 'b', errorcode_message: 'Failed to start.' } },
        ],
      },
    });
    expect(job).toMatchObject({ status: 'FAIL', finished: true, failReason: 'Failed to start.', errorCode: 'Ecs.0226', subJobsTotal: 3 });
    expect(job.subJobs[1]?.failReason).toBe('Failed to start.');
  });

  it('maps EVS WAITING_EXECUTE to INIT and keeps polling on statuses it does not know', () => {
    expect(normalizeJobStatus('WAITING_EXECUTE')).toBe('INIT');
    expect(normalizeJobStatus('INIT')).toBe('INIT');
    expect(normalizeJobStatus('PENDING_SOMETHING')).toBe('RUNNING');
    const job = normalizeJob({ status: 'WAITING_EXECUTE', job_id: 'j' } as RawJob);
    expect(job).toMatchObject({ status: 'INIT', rawStatus: 'WAITING_EXECUTE', finished: false });
  });
});
