import { ApiError } from '../server/errors.ts';
import { hex } from '../server/ids.ts';

interface Scope {
  /** Service name (`evs`, `iam`); absent = every service. */
  service?: string;
  /** Operation name (e.g. `ShowVolume`); absent = every operation of the service. */
  operation?: string;
}

export interface LatencyFault extends Scope {
  id: string;
  kind: 'latency';
  fixedMs: number;
  jitterMs: number;
}

export interface ErrorFault extends Scope {
  id: string;
  kind: 'error';
  /** Probability in [0, 1] that a matching request fails. */
  rate: number;
  status: number;
  code: string;
  message: string;
  /** Stop after this many injected errors; absent = until removed. */
  remaining?: number;
}

export interface JobFault {
  id: string;
  kind: 'job';
  /** A job type (`createVolume`, `extendVolume`, …) or a status-polled task (`createSnapshot`, …). */
  jobType: string;
  code: string;
  message: string;
  remaining: number;
}

export type Fault = LatencyFault | ErrorFault | JobFault;

const MAX_LATENCY_MS = 120_000;

/** Injected latency, errors and job failures. Kept in memory: a restart clears them. */
export class Faults {
  private faults: Fault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  get empty(): boolean {
    return this.faults.length === 0;
  }

  add(input: unknown): Fault {
    const fault = parseFault(input);
    this.faults.push(fault);
    return { ...fault };
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  latencyMs(service: string, operation: string): number {
    let total = 0;
    for (const f of this.faults) {
      if (f.kind === 'latency' && matches(f, service, operation)) total += f.fixedMs + Math.round(this.random() * f.jitterMs);
    }
    return total;
  }

  pickError(service: string, operation: string): ErrorFault | undefined {
    for (const f of this.faults) {
      if (f.kind !== 'error' || !matches(f, service, operation)) continue;
      if (f.rate < 1 && this.random() >= f.rate) continue;
      if (f.remaining !== undefined) {
        f.remaining -= 1;
        if (f.remaining <= 0) this.remove(f.id);
      }
      return f;
    }
    return undefined;
  }

  /** Consumes one "the next job of type X fails" rule, if any. */
  takeJobFailure(jobType: string): { code: string; message: string } | undefined {
    const f = this.faults.find((x): x is JobFault => x.kind === 'job' && x.jobType === jobType);
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) this.remove(f.id);
    return { code: f.code, message: f.message };
  }
}

function matches(f: Scope, service: string, operation: string): boolean {
  return (f.service === undefined || f.service === service) && (f.operation === undefined || f.operation === operation);
}

function bad(message: string): ApiError {
  return new ApiError(400, 'Emulator.BadFault', message);
}

function optString(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw bad(`${key} must be a non-empty string`);
  return v;
}

function num(o: Record<string, unknown>, key: string, min: number, max: number, fallback?: number): number {
  const v = o[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw bad(`${key} must be a number from ${min} to ${max}`);
  return v;
}

function parseFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw bad('the body must be a JSON object');
  const o = input as Record<string, unknown>;
  const id = hex(6);
  const scope = { service: optString(o, 'service'), operation: optString(o, 'operation') };
  switch (o.kind) {
    case 'latency':
      return { id, kind: 'latency', ...scope, fixedMs: num(o, 'fixedMs', 0, MAX_LATENCY_MS, 0), jitterMs: num(o, 'jitterMs', 0, MAX_LATENCY_MS, 0) };
    case 'error': {
      const status = num(o, 'status', 400, 599, 500);
      const code = optString(o, 'code') ?? 'EVS.5500';
      const remaining = o.count === undefined ? undefined : num(o, 'count', 1, 1e9);
      return {
        id,
        kind: 'error',
        ...scope,
        rate: num(o, 'rate', 0, 1, 1),
        status: Math.trunc(status),
        code,
        message: optString(o, 'message') ?? `Injected fault ${code}.`,
        ...(remaining === undefined ? {} : { remaining: Math.trunc(remaining) }),
      };
    }
    case 'job': {
      const jobType = optString(o, 'jobType');
      if (!jobType) throw bad('jobType is required for a job fault');
      const code = optString(o, 'code') ?? 'EVS.2001';
      return { id, kind: 'job', jobType, code, message: optString(o, 'message') ?? `Injected failure ${code}.`, remaining: Math.trunc(num(o, 'count', 1, 1e9, 1)) };
    }
    default:
      throw bad('kind must be "latency", "error" or "job"');
  }
}
