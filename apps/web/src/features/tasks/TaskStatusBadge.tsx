import type { TaskStatus } from '@console/contract';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { taskStatusLooks } from './taskModel.ts';
import { taskStatusLabel } from './taskText.ts';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} label={taskStatusLabel(status, t)} map={taskStatusLooks} />;
}
