import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session.ts';
import { navItemsFor } from './navItems.ts';

export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { user, profile } = useSession();
  return (
    <nav aria-label={t('nav.label')} className="flex flex-col gap-0.5 p-2">
      {navItemsFor(user.role, profile.emulator).map(({ to, labelKey, icon: Icon, end }) => (
        <NavLink
          key={to}
          to={to}
          end={end ?? false}
          onClick={onNavigate}
          className={({ isActive }) =>
            `flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium ${
              isActive
                ? 'bg-blue-50 text-blue-700 dark:bg-blue-500/15 dark:text-blue-300'
                : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
            }`
          }
        >
          <Icon aria-hidden className="size-4 shrink-0" />
          {t(labelKey)}
        </NavLink>
      ))}
    </nav>
  );
}
