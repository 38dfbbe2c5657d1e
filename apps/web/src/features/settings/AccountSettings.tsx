import './catalogue.ts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';
import { SessionCard } from '../home/SessionCard.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function AccountSettings() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div className="grid max-w-4xl gap-4 md:grid-cols-2">
      <SessionCard user={user} title={t('settings.account.title')} />
      <ChangePasswordForm />
    </div>
  );
}
