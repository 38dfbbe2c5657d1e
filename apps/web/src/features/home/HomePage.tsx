import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { HealthCard } from './HealthCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { SessionCard } from './SessionCard.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const { user, profile } = useSession();
  useDocumentTitle(t('nav.home'));
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('home.welcome', { name: user.username })}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('home.intro')}</p>
      <div className="mt-5 grid gap-4 lg:grid-cols-2">
        <div className="lg:row-span-2">
          <ProfileCard profile={profile} />
        </div>
        <SessionCard user={user} />
        <HealthCard />
      </div>
    </div>
  );
}
