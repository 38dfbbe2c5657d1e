import { UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '@console/contract';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Card.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';

/** Who is signed in and what their role lets them do; `title` names the card where it stands. */
export function SessionCard({ user, title }: { user: MeResponse['user']; title?: string }) {
  const { t } = useTranslation();
  return (
    <Card title={title ?? t('home.session.title')} icon={UserRound}>
      <DetailList>
        <Detail term={t('home.session.user')}>
          <span className="font-medium">{user.username}</span>
        </Detail>
        <Detail term={t('home.session.role')}>
          <Badge tone={user.role === 'admin' ? 'blue' : 'neutral'}>{t(`role.${user.role}`)}</Badge>
        </Detail>
        <Detail term={t('home.session.permissions')}>
          <span className="text-slate-600 dark:text-slate-300">{t(`roleHelp.${user.role}`)}</span>
        </Detail>
      </DetailList>
    </Card>
  );
}
