import '../vaults/catalogue.ts';
import type { TFunction } from 'i18next';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { CreatePolicySchema, scheduleIssues, type CreatePolicy, type Policy } from '@console/contract';
import { wordedErrorType } from '../../components/form/fieldErrors.ts';
import { patternsOf, scheduleValueOf, type ScheduleValue } from './ScheduleEditor.tsx';
import { draftFromRetention, draftIssues, retentionFromDraft, type RetentionDraft } from './retention.ts';
import { draftProblems, offsetLabel } from './schedule.ts';

export interface PolicyFormValues {
  name: string;
  enabled: boolean;
  schedule: ScheduleValue;
  retention: RetentionDraft;
}

export function policyDefaults(policy: Policy | undefined, offset: number): PolicyFormValues {
  const zone = offsetLabel(offset);
  if (!policy) return { name: '', enabled: true, schedule: { kind: 'simple', draft: { mode: 'daily', days: [], interval: 1, times: ['02:00'] } }, retention: { kind: 'count', maxBackups: 7, timezone: zone } };
  return { name: policy.name, enabled: policy.enabled, schedule: scheduleValueOf(policy.schedule, offset), retention: draftFromRetention(policy.retention, zone) };
}

export function toPolicyInput(values: PolicyFormValues, offset: number): CreatePolicy {
  return { name: values.name, enabled: values.enabled, schedule: patternsOf(values.schedule, offset), retention: retentionFromDraft(values.retention) };
}

/** The cloud's schedule rules in the reader's language; the numbers come from the rule that failed. */
function scheduleMessage(message: string, t: TFunction): string {
  if (/hour apart/.test(message)) return t('policies.schedule.tooClose', { detail: message.split('; ')[1] ?? '' });
  if (/backup times a day|at most 24 rules/.test(message)) return t('policies.schedule.tooMany');
  if (/at least one backup time/.test(message)) return t('policies.schedule.problems.noTimes');
  return t('policies.schedule.badRule', { detail: message });
}

const retentionMessage = (path: string, message: string, t: TFunction): string => {
  if (message === 'required') return t('validation.required');
  if (/not both|cannot be combined/.test(message)) return t('policies.retention.exclusive');
  if (/at least one daily/.test(message)) return t('policies.retention.needOne');
  if (path === 'timezone') return t('policies.retention.timezoneRule');
  return t('policies.retention.range');
};

/**
 * Validates what would be sent: the local draft first (its own gaps), then the converted input
 * with the contract's schema, which holds the cloud's limits. Errors land on the editor's fields.
 */
export function policyResolver(t: TFunction, offset: number): Resolver<PolicyFormValues> {
  return async (values) => {
    const errors: FieldErrors<PolicyFormValues> = {};
    const fail = (message: string) => ({ type: wordedErrorType, message });
    if (values.schedule.kind === 'simple') {
      const problem = draftProblems(values.schedule.draft)[0];
      if (problem) errors.schedule = fail(t(`policies.schedule.problems.${problem}`));
    }
    const input = toPolicyInput(values, offset);
    if (!errors.schedule) {
      const issue = scheduleIssues(input.schedule)[0];
      if (issue) errors.schedule = fail(scheduleMessage(issue.message, t));
    }
    const retention: Record<string, { type: string; message: string }> = {};
    for (const issue of draftIssues(values.retention)) retention[issue.path] ??= fail(retentionMessage(issue.path, issue.message, t));
    const parsed = CreatePolicySchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [head, field] = issue.path.map(String);
        if (head === 'name') errors.name ??= fail(t('policies.nameRule'));
        if (head === 'retention' && field) retention[values.retention.kind === 'periodic' && field === 'maxBackups' ? 'capBackups' : field] ??= fail(retentionMessage(field, issue.message, t));
      }
    }
    if (Object.keys(retention).length) errors.retention = retention as FieldErrors<PolicyFormValues>['retention'];
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
  };
}
