/** Shapes several services share, with the field names used on the wire. */

export interface Link {
  href: string;
  rel: string;
  type?: string;
}

/** Returned by every job-based operation of EVS, ECS and VBS. */
export interface JobIdResponse {
  job_id: string;
}

export interface KeyValueTag {
  key: string;
  value: string;
}

/** Tag deletion names the key; the value is optional. */
export interface TagKeyRef {
  key: string;
  value?: string;
}

/** The tag-filter shape shared by the `resource_instances/action` APIs. */
export interface TagFilter {
  key: string;
  values: string[];
}

export interface NameMatch {
  key: 'resource_name' | (string & {});
  value: string;
}

/**
 * A job (`GET /v1/{project_id}/jobs/{job_id}`) as EVS, ECS and VBS return it. Sub-jobs sit in
 * `entities.sub_jobs` (EVS, ECS) or at the top level (VBS table); see jobs.ts for the normalised form.
 */
export interface RawJob {
  status: 'SUCCESS' | 'RUNNING' | 'FAIL' | 'INIT' | 'WAITING_EXECUTE' | (string & {});
  entities?: RawJobEntities | null;
  job_id: string;
  job_type?: string;
  begin_time?: string | null;
  end_time?: string | null;
  error_code?: string | null;
  fail_reason?: string | null;
  /** Only when the job query itself failed (ECS). */
  message?: string;
  code?: string;
  /** VBS lists sub-jobs next to `entities`. */
  sub_jobs?: RawJob[];
}

export interface RawJobEntities {
  sub_jobs?: RawJob[];
  sub_jobs_total?: number;
  /** ECS sub-job failure cause. */
  errorcode_message?: string;
  [key: string]: unknown;
}
