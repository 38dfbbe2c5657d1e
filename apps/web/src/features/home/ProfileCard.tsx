import './catalogue.ts';
import { Cloud, FlaskConical } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '@console/contract';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Card.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';

export function ProfileCard({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.profile.title')} icon={Cloud}>
      <DetailList>
        <Detail term={t('home.profile.name')}>
          <span className="font-medium">{profile.name}</span>
        </Detail>
        <Detail term={t('home.profile.id')}>
          <span className="font-mono text-xs">{profile.id}</span>
        </Detail>
        <Detail term={t('home.profile.region')}>{profile.region}</Detail>
        <Detail term={t('home.profile.projectId')}>
          <span className="flex min-w-0 items-center gap-1">
            <span className="truncate font-mono text-xs" title={profile.projectId}>
              {profile.projectId}
            </span>
            <CopyButton value={profile.projectId} label={t('home.profile.copyProjectId')} />
          </span>
        </Detail>
        <Detail term={t('home.profile.target')}>
          {profile.emulator ? (
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone="amber">
                <FlaskConical aria-hidden className="size-3" />
                {t('profile.emulator')}
              </Badge>
              <span className="text-xs text-slate-500 dark:text-slate-400">{t('home.profile.emulatorNote')}</span>
            </span>
          ) : (
            <span className="flex min-w-0 flex-wrap items-center gap-2">
              <Badge tone="blue">
                <Cloud aria-hidden className="size-3" />
                {t('home.profile.cloud')}
              </Badge>
              <span className="truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={profile.endpointHint}>
                {profile.endpointHint}
              </span>
            </span>
          )}
        </Detail>
      </DetailList>
    </Card>
  );
}
