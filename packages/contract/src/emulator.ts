import { z } from 'zod';

/** The emulator control panel's requests, checked by the BFF before they reach the emulator. */

const scope = {
  service: z.enum(['iam', 'evs', 'ecs', 'cbr', 'vbs', 'ims', 'vpc']).optional(),
  /** An operation name of that service, e.g. CreateVolume, AttachServerVolume. */
  operation: z.string().regex(/^[A-Za-z][A-Za-z0-9]{1,63}$/, 'an operation name such as CreateVolume').optional(),
};

export const AddFaultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('latency'),
    ...scope,
    fixedMs: z.number().int().min(0).max(120_000),
    jitterMs: z.number().int().min(0).max(120_000).default(0),
  }),
  z.object({
    kind: z.literal('error'),
    ...scope,
    rate: z.number().min(0).max(1),
    status: z.number().int().min(400).max(599),
    code: z.string().min(1).max(64),
    message: z.string().max(256).optional(),
    count: z.number().int().min(1).max(1_000_000).optional(),
  }),
  z.object({
    kind: z.literal('job'),
    jobType: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{1,63}$/, 'a job type such as createVolume or attachVolume'),
    code: z.string().min(1).max(64),
    message: z.string().max(256).optional(),
    count: z.number().int().min(1).max(1000).default(1),
  }),
]);
export type AddFault = z.infer<typeof AddFaultSchema>;

export const FaultSchema = z.object({ id: z.string(), kind: z.enum(['latency', 'error', 'job']) }).loose();
export type Fault = z.infer<typeof FaultSchema>;

export const EmulatorClockSchema = z.object({
  /** Emulator time, as the cloud's job times are written. */
  now: z.string(),
  frozen: z.boolean(),
  speed: z.union([z.literal('realistic'), z.literal('instant'), z.number()]),
});
export type EmulatorClock = z.infer<typeof EmulatorClockSchema>;

export const EmulatorStatusSchema = z.object({
  clock: EmulatorClockSchema,
  faults: z.array(FaultSchema),
});
export type EmulatorStatus = z.infer<typeof EmulatorStatusSchema>;

export const ClockActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('freeze') }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('advance'), seconds: z.number().min(0).max(366 * 24 * 3600) }),
  z.object({ action: z.literal('speed'), speed: z.union([z.enum(['realistic', 'instant']), z.number().positive().max(10_000)]) }),
]);
export type ClockAction = z.infer<typeof ClockActionSchema>;

export const SeedRequestSchema = z.discriminatedUnion('set', [
  z.object({ set: z.literal('demo'), reset: z.boolean().default(true) }),
  z.object({ set: z.literal('scale'), disks: z.number().int().min(1).max(100_000).optional(), servers: z.number().int().min(1).max(100_000).optional() }),
]);
export type SeedRequest = z.infer<typeof SeedRequestSchema>;

/** The EVS quotas the panel can lower to provoke quota refusals; -1 means no limit. */
export const emulatorQuotaKeys = ['volumes', 'gigabytes', 'snapshots'] as const;
export type EmulatorQuotaKey = (typeof emulatorQuotaKeys)[number];

export const EmulatorQuotasSchema = z.object({
  items: z.array(z.object({ key: z.enum(emulatorQuotaKeys), inUse: z.number(), reserved: z.number(), limit: z.number() })),
});
export type EmulatorQuotas = z.infer<typeof EmulatorQuotasSchema>;

const quotaLimit = z.number().int().min(-1, '-1 (no limit) or more').max(10_000_000);
export const SetEmulatorQuotasSchema = z
  .object({ volumes: quotaLimit.optional(), gigabytes: quotaLimit.optional(), snapshots: quotaLimit.optional() })
  .refine((v) => emulatorQuotaKeys.some((k) => v[k] !== undefined), { message: 'give at least one of volumes, gigabytes, snapshots', path: ['volumes'] });
export type SetEmulatorQuotas = z.infer<typeof SetEmulatorQuotasSchema>;
