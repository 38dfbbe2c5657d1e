import './catalogue.ts';
import { Activity, CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Card.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useHealth } from './health.ts';
import { formatUptime } from './uptime.ts';

export function HealthCard() {
  const { t } = useTranslation();
  const health = useHealth();
  return (
    <Card title={t('home.health.title')} icon={Activity}>
      {health.data ? (
        <DetailList>
          <Detail term={t('home.health.status')}>
            <Badge tone="green">
              <CircleCheck aria-hidden className="size-3" />
              {t('home.health.ok')}
            </Badge>
          </Detail>
          <Detail term={t('home.health.version')}>
            <span className="font-mono text-xs">{health.data.version}</span>
          </Detail>
          <Detail term={t('home.health.uptime')}>{formatUptime(health.data.uptimeSeconds, t)}</Detail>
        </DetailList>
      ) : health.isError ? (
        <div className="py-3">
          <ErrorNotice title={t('home.health.unavailable')} error={health.error} onRetry={() => void health.refetch()} />
        </div>
      ) : (
        <div className="py-3">
          <Spinner label={t('common.loading')} />
        </div>
      )}
    </Card>
  );
}
