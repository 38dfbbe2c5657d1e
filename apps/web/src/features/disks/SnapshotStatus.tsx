import './catalogue.ts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { snapshotStatusTones } from './diskModel.ts';
import { snapshotStatusLabel } from './diskText.ts';

export function SnapshotStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} label={snapshotStatusLabel(status, t)} map={snapshotStatusTones} />;
}
