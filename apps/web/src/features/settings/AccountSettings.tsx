import './catalogue.ts';
import { UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Card.tsx';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { useSession } from '../auth/session.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function AccountSettings() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div className="grid max-w-4xl gap-4 md:grid-cols-2">
      <Card title={t('settings.account.title')} icon={UserRound}>
        <DetailList>
          <Detail term={t('home.session.user')}>
            <span className="font-medium">{user.username}</span>
          </Detail>
          <Detail term={t('home.session.role')}>
            <Badge tone={user.role === 'admin' ? 'blue' : 'neutral'}>{t(`role.${user.role}`)}</Badge>
          </Detail>
          <Detail term={t('home.session.permissions')}>{t(`roleHelp.${user.role}`)}</Detail>
        </DetailList>
      </Card>
      <ChangePasswordForm />
    </div>
  );
}
