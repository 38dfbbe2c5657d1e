import { AddFaultSchema, type AddFault } from '@console/contract';
import type { FieldErrors, Resolver } from 'react-hook-form';

/** The fault form's fields as typed (text), for every kind; only the chosen kind's are sent. */
export interface FaultFormValues {
  kind: AddFault['kind'];
  service: string;
  operation: string;
  fixedMs: string;
  jitterMs: string;
  /** Percent in the form, a fraction in the contract. */
  ratePercent: string;
  status: string;
  code: string;
  message: string;
  count: string;
  jobType: string;
}

export const faultFormDefaults: FaultFormValues = {
  kind: 'error', service: 'ecs', operation: '', fixedMs: '2000', jitterMs: '0', ratePercent: '100', status: '500', code: '', message: '', count: '', jobType: 'attachVolume',
};

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>));

/** The request the form stands for; the contract's schema then judges it. */
export function toAddFault(v: FaultFormValues): unknown {
  const scope = { ...optional('service', v.service), ...optional('operation', v.operation.trim()) };
  const count = v.count.trim() === '' ? undefined : number(v.count);
  if (v.kind === 'latency') return { kind: 'latency', ...scope, fixedMs: number(v.fixedMs), jitterMs: v.jitterMs.trim() === '' ? 0 : number(v.jitterMs) };
  if (v.kind === 'error') {
    return {
      kind: 'error', ...scope, rate: number(v.ratePercent) / 100, status: number(v.status), code: v.code.trim(),
      ...optional('message', v.message.trim()), ...optional('count', count),
    };
  }
  return { kind: 'job', jobType: v.jobType.trim(), code: v.code.trim(), ...optional('message', v.message.trim()), ...optional('count', count) };
}

/** Contract field → form field, where the form asks differently (a percentage for a rate). */
const formField: Partial<Record<string, keyof FaultFormValues>> = { rate: 'ratePercent' };

/** Validates with the contract's AddFaultSchema, so the form refuses exactly what the BFF would. */
export const faultResolver: Resolver<FaultFormValues, unknown, AddFault> = async (values) => {
  const parsed = AddFaultSchema.safeParse(toAddFault(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: FieldErrors<FaultFormValues> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'kind');
    const field = formField[key] ?? (key in values ? (key as keyof FaultFormValues) : 'kind');
    errors[field] ??= { type: issue.code, message: issue.message };
  }
  return { values: {}, errors };
};
