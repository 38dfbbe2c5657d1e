import '../vaults/catalogue.ts';
import type { VBS_WEEK_DAYS, VbsPolicy } from '@console/contract';

type VbsDay = (typeof VBS_WEEK_DAYS)[number];
import { useTranslation } from 'react-i18next';
import { StatusBadge, type StatusToneMap } from '../../components/StatusBadge.tsx';

export const VBS_STATUSES = ['creating', 'available', 'deleting', 'error', 'restoring', 'error_deleting', 'error_restoring'] as const;

const vbsStatusTones: StatusToneMap = {
  creating: { tone: 'blue', transitional: true }, deleting: { tone: 'blue', transitional: true }, restoring: { tone: 'blue', transitional: true },
  available: { tone: 'green' }, error: { tone: 'red' }, error_deleting: { tone: 'red' }, error_restoring: { tone: 'red' },
};

export function VbsBackupStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} label={t(`vbs.status.${status}`, { defaultValue: status })} map={vbsStatusTones} />;
}

/** VBS policies start at whole UTC hours, every N days or on week days. */
export function VbsPolicySchedule({ policy }: { policy: VbsPolicy }) {
  const { t } = useTranslation();
  const times = policy.startTimes.join(', ');
  const when = policy.weekDays?.length
    ? t('vbs.schedule.weekly', { days: policy.weekDays.map((d) => t(`vbs.days.${d as VbsDay}`)).join(', '), times })
    : t('vbs.schedule.every', { count: policy.frequencyDays ?? 1, times });
  const keep = policy.retentionCount !== undefined ? t('policies.summary.count', { count: policy.retentionCount }) : t('policies.summary.days', { count: policy.retentionDays ?? 0 });
  return <span className="whitespace-nowrap">{`${when}; ${keep}`}</span>;
}
