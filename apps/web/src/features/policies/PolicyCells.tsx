import '../vaults/catalogue.ts';
import { useMemo } from 'react';
import type { Policy } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { retentionSummary, scheduleSummary } from './policyText.ts';
import { browserOffsetMinutes } from './schedule.ts';

const enabledTones = { on: { tone: 'green' }, off: { tone: 'neutral' } } as const;

export function PolicyEnabled({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  return <StatusBadge status={enabled ? 'on' : 'off'} label={enabled ? t('policies.enabled') : t('policies.disabled')} map={enabledTones} />;
}

export function PolicySchedule({ policy }: { policy: Pick<Policy, 'schedule'> }) {
  const { t } = useTranslation();
  const offset = useMemo(() => browserOffsetMinutes(), []);
  return <span className="whitespace-nowrap" title={policy.schedule.join('\n')}>{scheduleSummary(policy.schedule, offset, t)}</span>;
}

export function PolicyRetention({ policy }: { policy: Pick<Policy, 'retention'> }) {
  const { t } = useTranslation();
  return <span className="whitespace-nowrap">{retentionSummary(policy.retention, t)}</span>;
}
