import { useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ToastHost } from '../components/toast/ToastHost.tsx';
import { Header } from './Header.tsx';
import { LiveEventsProvider } from './LiveEvents.tsx';
import { PaletteProvider } from './palette/PaletteProvider.tsx';
import { SideNav } from './SideNav.tsx';

/** The signed-in frame: header on top, navigation on the left (a drawer on narrow screens). */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpen, setNavOpen] = useState(false);

  useEffect(() => {
    if (!navOpen) return;
    // The drawer opens over the page: take keyboard users into it rather than leaving them behind.
    document.querySelector<HTMLElement>('#side-nav a')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setNavOpen(false);
      document.querySelector<HTMLElement>('[aria-controls="side-nav"]')?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navOpen]);

  return (
    <LiveEventsProvider>
      <PaletteProvider>
        <div className="flex min-h-screen flex-col">
          <a href="#main-content" className="skip-link">
            {t('app.skipToContent')}
          </a>
          <Header navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} />
          <div className="flex flex-1">
            {navOpen && (
              <div
                aria-hidden
                className="fixed inset-0 top-12 z-20 bg-slate-900/40 md:hidden"
                onClick={() => setNavOpen(false)}
              />
            )}
            <aside
              id="side-nav"
              className={`${navOpen ? 'fixed inset-y-0 top-12 left-0 z-20 flex shadow-xl' : 'hidden'} w-56 shrink-0 flex-col border-r border-slate-200 bg-white md:sticky md:top-12 md:flex md:h-[calc(100vh-3rem)] md:shadow-none dark:border-slate-800 dark:bg-slate-900`}
            >
              <SideNav onNavigate={() => setNavOpen(false)} />
            </aside>
            <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 outline-none sm:px-6">
              <Outlet />
            </main>
          </div>
          <ToastHost />
        </div>
      </PaletteProvider>
    </LiveEventsProvider>
  );
}
