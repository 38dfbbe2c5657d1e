import { Menu as MenuIcon } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session.ts';
import { FaultBadge } from '../features/emulator/FaultBadge.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { ProductMark } from './ProductMark.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { PaletteButton } from './palette/PaletteButton.tsx';
import { ProfileSwitcher } from './ProfileSwitcher.tsx';
import { TaskCenterButton } from './TaskCenterButton.tsx';
import { ThemeMenu } from './ThemeMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

interface HeaderProps {
  navOpen: boolean;
  onToggleNav: () => void;
}

export function Header({ navOpen, onToggleNav }: HeaderProps) {
  const { t } = useTranslation();
  const { profile } = useSession();
  return (
    <header className="sticky top-0 z-30 flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2 sm:px-3 dark:border-slate-800 dark:bg-slate-900">
      <button
        type="button"
        className="btn-icon size-8 md:hidden"
        aria-label={navOpen ? t('nav.close') : t('nav.open')}
        aria-expanded={navOpen}
        aria-controls="side-nav"
        onClick={onToggleNav}
      >
        <MenuIcon aria-hidden className="size-4" />
      </button>
      <Link to="/" className="flex shrink-0 items-center gap-2 rounded-md px-1 py-1">
        <ProductMark />
        {/* Between phones and laptops the mark stands alone; the name still labels the link. */}
        <span className="sr-only text-sm font-semibold whitespace-nowrap text-slate-900 lg:not-sr-only dark:text-white">{t('app.name')}</span>
      </Link>
      <div className="mx-1 hidden h-5 w-px bg-slate-200 sm:block dark:bg-slate-700" aria-hidden />
      {/* The profile takes the room the fixed controls leave, and drops details as that shrinks. */}
      <div className="@container min-w-0 flex-1">
        <ProfileSwitcher profile={profile} />
      </div>
      <div className="flex shrink-0 items-center gap-0.5">
        <PaletteButton />
        <FaultBadge />
        <ConnectionIndicator />
        <TaskCenterButton />
        <ThemeMenu />
        <LanguageMenu />
        <UserMenu />
      </div>
    </header>
  );
}
