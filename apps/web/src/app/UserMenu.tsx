import { ChevronDown, LogOut, UserCog, UserRound } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '../components/Menu.tsx';
import { useLogout, useSession } from '../features/auth/session.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();

  return (
    <Menu>
      <MenuTrigger
        className="btn-ghost h-8 max-w-48 gap-1.5 px-2"
        aria-label={t('user.menu', { username: user.username })}
      >
        <UserRound aria-hidden className="size-4 shrink-0" />
        <span className="hidden truncate sm:inline">{user.username}</span>
        <ChevronDown aria-hidden className="hidden size-3.5 shrink-0 opacity-60 sm:block" />
      </MenuTrigger>
      <MenuContent>
        <MenuLabel>{t('user.signedInAs')}</MenuLabel>
        <div className="px-2 pb-1.5">
          <p className="truncate text-sm font-medium text-slate-900 dark:text-slate-100">{user.username}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">{t(`role.${user.role}`)}</p>
        </div>
        <MenuSeparator />
        <MenuItem onSelect={() => void navigate('/settings/account')}>
          <UserCog aria-hidden className="size-4 text-slate-500 dark:text-slate-400" />
          {t('user.account')}
        </MenuItem>
        <MenuItem onSelect={() => logout.mutate()} disabled={logout.isPending}>
          <LogOut aria-hidden className="size-4 text-slate-500 dark:text-slate-400" />
          {t('user.logout')}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
