import './catalogue.ts';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

const links = [
  { to: '/vaults', key: 'vaults.title' },
  { to: '/backups', key: 'backups.title' },
  { to: '/policies', key: 'policies.title' },
  { to: '/vbs', key: 'vbs.navTitle' },
] as const;

/** Vaults, their backups and policies, and legacy VBS are one area: these links move between its pages. */
export function DataProtectionNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('vaults.areaNav')} className="mb-3 flex flex-wrap gap-1 border-b border-slate-200 text-sm dark:border-slate-700">
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end
          className={({ isActive }) => `-mb-px border-b-2 px-3 py-2 ${isActive ? 'border-blue-600 font-medium text-blue-700 dark:border-blue-400 dark:text-blue-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'}`}>
          {t(link.key)}
        </NavLink>
      ))}
    </nav>
  );
}
