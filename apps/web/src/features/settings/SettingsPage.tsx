import './catalogue.ts';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UrlTabs, type TabSpec } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';

/** Settings: "my account" for everyone; users and the audit log for admins. Each tab is a path. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  useDocumentTitle(t('settings.title'));

  const tabs: TabSpec[] = [{ id: 'account', label: t('settings.account.title') }];
  if (user.role === 'admin') tabs.push({ id: 'users', label: t('settings.users.title') }, { id: 'audit', label: t('settings.audit.title') });
  const current = pathname.split('/')[2] ?? 'account';

  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('settings.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{user.role === 'admin' ? t('settings.introAdmin') : t('settings.intro')}</p>
      <UrlTabs tabs={tabs} value={current} onValueChange={(id) => void navigate(`/settings/${id}`)} label={t('settings.title')}>
        <Outlet />
      </UrlTabs>
    </div>
  );
}
