import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { policyDefaults, policyResolver, toPolicyInput, type PolicyFormValues } from '../src/features/policies/policyForm.ts';

// The keys stand in for the words, so the test sees which rule each field broke.
const t = ((key: string) => key) as unknown as TFunction;
const SHANGHAI = 480;
const resolve = (values: PolicyFormValues) => policyResolver(t, SHANGHAI)(values, undefined, { fields: {}, shouldUseNativeValidation: false });
const base = (): PolicyFormValues => ({ ...policyDefaults(undefined, SHANGHAI), name: 'nightly' });

describe('policy form', () => {
  it('sends the local schedule as UTC rules with the chosen retention only', async () => {
    const values = base();
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect(toPolicyInput(values, SHANGHAI)).toEqual({ name: 'nightly', enabled: true, schedule: ['FREQ=DAILY;INTERVAL=1;BYHOUR=18;BYMINUTE=00'], retention: { maxBackups: 7 } });
  });

  it('puts each broken rule under its field', async () => {
    const values: PolicyFormValues = {
      name: 'no spaces allowed',
      enabled: true,
      schedule: { kind: 'simple', draft: { mode: 'daily', days: [], interval: 1, times: ['10:00', '10:30'] } },
      retention: { kind: 'periodic', dayBackups: 0, weekBackups: 0 },
    };
    const { errors } = await resolve(values);
    expect(errors.name?.message).toBe('policies.nameRule');
    expect(errors.schedule?.message).toBe('policies.schedule.tooClose');
    expect(Object.keys(errors.retention ?? {}).sort()).toEqual(['dayBackups', 'timezone']);
  });

  it('names what the draft lacks before the cloud\'s limits', async () => {
    const { errors } = await resolve({ ...base(), schedule: { kind: 'simple', draft: { mode: 'weekly', days: [], interval: 1, times: ['02:00'] } } });
    expect(errors.schedule?.message).toBe('policies.schedule.problems.noDays');
  });

  it('checks rules typed by hand', async () => {
    const { errors } = await resolve({ ...base(), schedule: { kind: 'rules', text: 'FREQ=HOURLY;BYHOUR=1;BYMINUTE=00' } });
    expect(errors.schedule?.message).toBe('policies.schedule.badRule');
    const ok = await resolve({ ...base(), schedule: { kind: 'rules', text: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=1;BYMINUTE=00\n' } });
    expect(ok.errors).toEqual({});
  });

  it('reads a saved policy back in the reader\'s zone', () => {
    const values = policyDefaults({ id: 'p', name: 'weekly', enabled: false, type: 'backup', schedule: ['FREQ=WEEKLY;BYDAY=SU,WE;BYHOUR=18;BYMINUTE=00'], retention: { maxBackups: 2, weekBackups: 4, timezone: 'UTC+08:00' }, vaultIds: [] }, SHANGHAI);
    expect(values.schedule).toEqual({ kind: 'simple', draft: { mode: 'weekly', days: ['MO', 'TH'], interval: 1, times: ['02:00'] } });
    expect(values.retention).toMatchObject({ kind: 'periodic', weekBackups: 4, capBackups: 2, timezone: 'UTC+08:00' });
    expect(values.enabled).toBe(false);
  });
});
